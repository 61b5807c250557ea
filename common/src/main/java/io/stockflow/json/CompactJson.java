package io.stockflow.json;

import java.util.Arrays;

/** JSON text without the whitespace between tokens; whitespace inside strings is kept, escapes are left as sent. */
final class CompactJson {
    private CompactJson() {}

    /** The bytes {@code [from, to)} of a well-formed JSON value, spacing between tokens removed. */
    static byte[] withoutSpacing(byte[] text, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        boolean inString = false;
        for (int i = from; i < to; i++) {
            byte b = text[i];
            if (inString) {
                out[n++] = b;
                if (b == '\\' && i + 1 < to) {
                    out[n++] = text[++i];
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                out[n++] = b;
                if (b == '"') inString = true;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}

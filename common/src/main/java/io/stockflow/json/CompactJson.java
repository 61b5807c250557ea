package io.stockflow.json;

import java.security.MessageDigest;
import java.util.Arrays;

/** JSON text without the whitespace between tokens; whitespace inside strings is kept, escapes are left as sent. */
final class CompactJson {
    private CompactJson() {}

    /** The bytes {@code [from, to)} of a well-formed JSON value, spacing between tokens removed. */
    static byte[] withoutSpacing(byte[] text, int from, int to) {
        byte[] out = new byte[to - from];
        int[] n = {0};
        forEachRun(text, from, to, (start, end) -> {
            System.arraycopy(text, start, out, n[0], end - start);
            n[0] += end - start;
        });
        return n[0] == out.length ? out : Arrays.copyOf(out, n[0]);
    }

    /** Feeds the digest what {@link #withoutSpacing} returns, without copying it. */
    static void digest(MessageDigest digest, byte[] text, int from, int to) {
        forEachRun(text, from, to, (start, end) -> digest.update(text, start, end - start));
    }

    private interface Run {
        void accept(int start, int end);
    }

    /** Calls {@code run} for each stretch of bytes between runs of spacing outside strings. */
    private static void forEachRun(byte[] text, int from, int to, Run run) {
        int start = from;
        boolean inString = false;
        for (int i = from; i < to; i++) {
            byte b = text[i];
            if (inString) {
                if (b == '\\') i++;
                else if (b == '"') inString = false;
            } else if (b == '"') {
                inString = true;
            } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                if (i > start) run.accept(start, i);
                start = i + 1;
            }
        }
        if (to > start) run.accept(start, to);
    }
}

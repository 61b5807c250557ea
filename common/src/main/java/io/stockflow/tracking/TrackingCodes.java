package io.stockflow.tracking;

import java.util.Locale;

/** Tracking codes as keys: warehouses and providers write the same code with spaces or in lower case. */
public final class TrackingCodes {
    private TrackingCodes() {}

    /** Upper case without whitespace; null for a blank or absent code. */
    public static String normalize(String code) {
        if (code == null) return null;
        StringBuilder out = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!Character.isWhitespace(c)) out.append(c);
        }
        return out.length() == 0 ? null : out.toString().toUpperCase(Locale.ROOT);
    }
}

package io.stockflow.notifier.render;

/**
 * How many SMS segments a text takes. A text of GSM 03.38 characters only is sent GSM-7: 160 septets in one segment,
 * 153 a segment once it is split (the rest carries the concatenation header); the extension table's characters take
 * two septets. Any other character makes the whole text UCS-2: 70 UTF-16 units in one segment, 67 once split.
 */
public final class SmsSegments {
    public enum Encoding {
        GSM7,
        UCS2
    }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {}

    public static Encoding encoding(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) return Encoding.UCS2;
        }
        return Encoding.GSM7;
    }

    /** Units of the text in its encoding: septets for GSM-7, UTF-16 code units for UCS-2. */
    public static int units(String text, Encoding encoding) {
        if (encoding == Encoding.UCS2) return text.length();
        int septets = 0;
        for (int i = 0; i < text.length(); i++) septets += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        return septets;
    }

    public static int count(String text) {
        Encoding encoding = encoding(text);
        return count(units(text, encoding), encoding);
    }

    static int count(int units, Encoding encoding) {
        int single = encoding == Encoding.GSM7 ? 160 : 70;
        int split = encoding == Encoding.GSM7 ? 153 : 67;
        if (units <= single) return 1;
        return (units + split - 1) / split;
    }

    /** The most units that fit in {@code segments} segments. */
    static int capacity(int segments, Encoding encoding) {
        if (segments <= 1) return encoding == Encoding.GSM7 ? 160 : 70;
        return segments * (encoding == Encoding.GSM7 ? 153 : 67);
    }
}

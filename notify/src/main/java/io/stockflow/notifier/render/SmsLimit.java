package io.stockflow.notifier.render;

/**
 * The most segments an SMS may take, and what happens to a longer one: {@code SHORTEN} cuts it at a word and ends it
 * with an ellipsis, {@code REFUSE} makes it a render failure (a dead letter), for shops that would rather not send a
 * cut message.
 */
public record SmsLimit(int maxSegments, Overflow overflow) {
    public enum Overflow {
        SHORTEN,
        REFUSE
    }

    public SmsLimit {
        if (maxSegments < 1) throw new IllegalArgumentException("sms max segments must be at least 1: " + maxSegments);
    }

    public static SmsLimit defaults() {
        return new SmsLimit(3, Overflow.SHORTEN);
    }

    RenderedSms fit(String text) throws RenderFailure {
        SmsSegments.Encoding encoding = SmsSegments.encoding(text);
        int units = SmsSegments.units(text, encoding);
        int segments = SmsSegments.count(units, encoding);
        if (segments <= maxSegments) return new RenderedSms(text, encoding, segments, false);
        if (overflow == Overflow.REFUSE)
            throw new RenderFailure(
                    "SMS takes " + segments + " " + encoding + " segments, more than the " + maxSegments + " allowed");
        // GSM-7 has no ellipsis character; three dots keep the text GSM-7 (one segment holds 160, not 70).
        String ellipsis = encoding == SmsSegments.Encoding.GSM7 ? "..." : "…";
        int room = SmsSegments.capacity(maxSegments, encoding) - SmsSegments.units(ellipsis, encoding);
        String cut = text;
        while (SmsSegments.units(cut, encoding) > room) {
            int space = cut.lastIndexOf(' ', cut.length() - 2);
            cut = space > room / 2 ? cut.substring(0, space) : cut.substring(0, cut.length() - 1);
        }
        String body = cut.stripTrailing() + ellipsis;
        return new RenderedSms(body, encoding, SmsSegments.count(body), true);
    }
}

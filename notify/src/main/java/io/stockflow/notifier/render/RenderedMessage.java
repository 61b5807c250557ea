package io.stockflow.notifier.render;

/**
 * One notification rendered in one locale: its email and its SMS. {@code fallbackFrom} names the requested locale when
 * no templates serve it and the default locale's were used instead (null when the locale, or its language, is served).
 */
public record RenderedMessage(
        String template, String locale, String fallbackFrom, RenderedEmail email, RenderedSms sms) {
    public boolean fellBack() {
        return fallbackFrom != null;
    }
}

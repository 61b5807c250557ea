package io.stockflow.notifier.render;

/**
 * An SMS body that fits the configured number of segments. {@code shortened} says that the template's text was cut to
 * fit, so the cut is counted rather than silent.
 */
public record RenderedSms(String body, SmsSegments.Encoding encoding, int segments, boolean shortened) {}

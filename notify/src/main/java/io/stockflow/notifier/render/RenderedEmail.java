package io.stockflow.notifier.render;

/** An email as the customer reads it: the subject line, the plain-text part and the HTML part. */
public record RenderedEmail(String subject, String text, String html) {}

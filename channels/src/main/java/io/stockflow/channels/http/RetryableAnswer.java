package io.stockflow.channels.http;

import java.time.Duration;

/**
 * An answer that says "not now": throttled (429, Shopify's {@code THROTTLED}) or unavailable (5xx). The call is tried
 * again, after {@code retryAfter} when the channel said how long to wait. A throttled answer shows the channel is up,
 * so it never counts against the circuit breaker.
 */
public final class RetryableAnswer extends Exception {
    public enum Kind {
        THROTTLED,
        UNAVAILABLE
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    public RetryableAnswer(Kind kind, int status, String reason, Duration retryAfter) {
        super(reason, null, false, false);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    /** How long the channel asked to wait; null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The usual reading of an HTTP status: 429 throttled, 5xx unavailable; null for any other. */
    public static RetryableAnswer ofStatus(int status, String reason, Duration retryAfter) {
        if (status == 429) return new RetryableAnswer(Kind.THROTTLED, status, reason, retryAfter);
        if (status >= 500) return new RetryableAnswer(Kind.UNAVAILABLE, status, reason, retryAfter);
        return null;
    }
}

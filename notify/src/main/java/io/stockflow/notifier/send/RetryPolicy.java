package io.stockflow.notifier.send;

import java.time.Duration;

/**
 * How transient failures are retried: up to {@code maxAttempts} attempts, waiting {@code initialBackoff} and then
 * {@code multiplier} times longer each time, never more than {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {
    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("max attempts must be at least 1");
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed attempts (1-based). */
    public Duration backoffAfter(int attempt) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }
}

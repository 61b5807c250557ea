package io.stockflow.channels.http;

import java.time.Duration;

/**
 * How one channel's calls stay inside its limits and survive its failures: a request rate kept on this side
 * ({@code requestsPerSecond}, waiting at most {@code rateWait} for a permit), a timeout per request, retries with
 * exponential backoff from {@code initialBackoff} doubling up to {@code maxBackoff} (a {@code Retry-After} or a
 * throttle status that asks for longer wins), at most {@code maxAttempts} tries a call, and a circuit breaker that
 * opens when {@code failureRatePercent} of the last {@code breakerWindow} calls (at least {@code breakerMinimumCalls})
 * failed, stays open for {@code breakerOpenFor}, then lets {@code breakerHalfOpenCalls} trial calls through.
 */
public record CallLimits(
        double requestsPerSecond,
        Duration rateWait,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        float failureRatePercent,
        int breakerWindow,
        int breakerMinimumCalls,
        Duration breakerOpenFor,
        int breakerHalfOpenCalls) {

    public CallLimits {
        if (requestsPerSecond <= 0) throw new IllegalArgumentException("requestsPerSecond must be > 0");
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1");
        if (breakerMinimumCalls < 1 || breakerWindow < breakerMinimumCalls) {
            throw new IllegalArgumentException("the breaker needs 1 <= minimum calls <= window");
        }
    }

    /** The production defaults at a channel's request rate. */
    public static CallLimits defaults(double requestsPerSecond) {
        return new CallLimits(
                requestsPerSecond,
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                6,
                Duration.ofMillis(200),
                Duration.ofSeconds(30),
                50f,
                20,
                10,
                Duration.ofSeconds(30),
                2);
    }

    public CallLimits withRequestsPerSecond(double rate) {
        return new CallLimits(
                rate,
                rateWait,
                requestTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                failureRatePercent,
                breakerWindow,
                breakerMinimumCalls,
                breakerOpenFor,
                breakerHalfOpenCalls);
    }

    public CallLimits withRequestTimeout(Duration timeout) {
        return new CallLimits(
                requestsPerSecond,
                rateWait,
                timeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                failureRatePercent,
                breakerWindow,
                breakerMinimumCalls,
                breakerOpenFor,
                breakerHalfOpenCalls);
    }

    public CallLimits withRetries(int attempts, Duration initial, Duration max) {
        return new CallLimits(
                requestsPerSecond,
                rateWait,
                requestTimeout,
                attempts,
                initial,
                max,
                failureRatePercent,
                breakerWindow,
                breakerMinimumCalls,
                breakerOpenFor,
                breakerHalfOpenCalls);
    }

    public CallLimits withBreaker(int window, int minimumCalls, Duration openFor, int halfOpenCalls) {
        return new CallLimits(
                requestsPerSecond,
                rateWait,
                requestTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                failureRatePercent,
                window,
                minimumCalls,
                openFor,
                halfOpenCalls);
    }

    /** The backoff before retry number {@code retry} (1 for the first retry), without a hint from the channel. */
    public Duration backoff(int retry) {
        long millis = initialBackoff.toMillis() << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}

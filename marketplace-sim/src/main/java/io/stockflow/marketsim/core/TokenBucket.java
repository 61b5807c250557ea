package io.stockflow.marketsim.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A request-rate limit as Amazon documents its usage plans: a bucket of {@code burst} tokens refilled at
 * {@code ratePerSecond}; each request takes one. Time comes from the injected clock, so tests move it instead of
 * waiting.
 */
public final class TokenBucket {
    private final double ratePerSecond;
    private final double burst;
    private final Clock clock;
    private double tokens;
    private Instant last;

    public TokenBucket(double ratePerSecond, int burst, Clock clock) {
        if (ratePerSecond <= 0 || burst < 1)
            throw new IllegalArgumentException("a token bucket needs rate > 0 and burst >= 1");
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.last = clock.instant();
    }

    /** Takes a token: zero when granted, otherwise how long until one is back (for {@code Retry-After}). */
    public synchronized Duration tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / ratePerSecond * 1e9));
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    private void refill() {
        Instant now = clock.instant();
        if (now.isAfter(last)) {
            double seconds = Duration.between(last, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + seconds * ratePerSecond);
            last = now;
        }
    }
}

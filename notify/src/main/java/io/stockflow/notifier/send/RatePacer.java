package io.stockflow.notifier.send;

import java.time.Duration;

/**
 * Spaces sends out to at most {@code perSecond} a second on one channel (a provider's or an account's limit): each send
 * waits for its slot. One sender thread per channel, so a slot is a time, not a token bucket.
 */
public final class RatePacer {
    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    public RatePacer(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    }

    /** Waits for the next slot; returns how long it waited. */
    public synchronized Duration acquire() throws InterruptedException {
        long now = System.nanoTime();
        long wait = Math.max(0, nextSlot - now);
        nextSlot = Math.max(now, nextSlot) + intervalNanos;
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        return Duration.ofNanos(wait);
    }
}

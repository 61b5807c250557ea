package io.stockflow.marketsim.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Shopify's GraphQL Admin throttle: a leaky bucket of query-cost points ({@code maximumAvailable}) that refills at
 * {@code restoreRate} points a second. A call runs only when its whole cost is available; every answer reports the
 * bucket as {@code extensions.cost.throttleStatus}.
 */
public final class CostBucket {
    private final double maximum;
    private final double restoreRate;
    private final Clock clock;
    private double available;
    private Instant last;

    public CostBucket(double maximum, double restoreRate, Clock clock) {
        if (maximum <= 0 || restoreRate <= 0)
            throw new IllegalArgumentException("a cost bucket needs size and restore rate > 0");
        this.maximum = maximum;
        this.restoreRate = restoreRate;
        this.clock = clock;
        this.available = maximum;
        this.last = clock.instant();
    }

    /** The bucket as Shopify reports it. */
    public record Status(double maximumAvailable, double currentlyAvailable, double restoreRate) {}

    /** Whether the call may run, and the bucket after the charge (or unchanged, when refused). */
    public record Charge(boolean granted, Status status) {}

    public synchronized Charge tryCharge(int cost) {
        restore();
        boolean granted = available >= cost;
        if (granted) available -= cost;
        return new Charge(granted, status());
    }

    private Status status() {
        return new Status(maximum, Math.floor(available), restoreRate);
    }

    private void restore() {
        Instant now = clock.instant();
        if (now.isAfter(last)) {
            double seconds = Duration.between(last, now).toNanos() / 1e9;
            available = Math.min(maximum, available + seconds * restoreRate);
            last = now;
        }
    }
}

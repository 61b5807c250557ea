package io.stockflow.lifecycle;

import java.io.Serializable;
import java.time.Duration;

/**
 * {@code SLA_BREACH_RATE}: in sliding windows of {@code window} every {@code slide}, per location and per channel,
 * the share of orders whose deadline fell in the window and that missed it; raised above {@code threshold} once at
 * least {@code minOrders} deadlines fell in the window.
 */
public final class BreachRatePolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    public final Duration window;
    public final Duration slide;
    public final double threshold;
    public final long minOrders;

    public BreachRatePolicy(Duration window, Duration slide, double threshold, long minOrders) {
        if (window.isNegative()
                || window.isZero()
                || slide.isNegative()
                || slide.isZero()
                || window.toMillis() % slide.toMillis() != 0) {
            throw new IllegalArgumentException("breach_rate: window must be a positive multiple of slide");
        }
        if (threshold < 0 || threshold > 1) throw new IllegalArgumentException("breach_rate.threshold must be in 0..1");
        if (minOrders < 1) throw new IllegalArgumentException("breach_rate.min_orders must be at least 1");
        this.window = window;
        this.slide = slide;
        this.threshold = threshold;
        this.minOrders = minOrders;
    }
}

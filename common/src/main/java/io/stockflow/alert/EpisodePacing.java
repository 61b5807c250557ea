package io.stockflow.alert;

import java.io.Serializable;
import java.time.Duration;

/**
 * When an episode's update is worth a record: its count has grown by {@code growth} times since the last record
 * (1, 2, 4, 8 ... lines with the default 2), or {@code interval} of event time has passed since it and the count has
 * moved. A first record and a resolution are always sent; everything else waits, so a cause that touches thousands
 * of orders gives a few dozen records, not one per order.
 */
public final class EpisodePacing implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final double DEFAULT_GROWTH = 2.0;
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(24);
    public static final EpisodePacing DEFAULTS = new EpisodePacing(DEFAULT_GROWTH, DEFAULT_INTERVAL);

    public final double growth;
    public final Duration interval;

    public EpisodePacing(double growth, Duration interval) {
        if (!(growth > 1) || !Double.isFinite(growth)) {
            throw new IllegalArgumentException("the growth between updates must be a number above 1, got " + growth);
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval between updates must be positive, got " + interval);
        }
        this.growth = growth;
        this.interval = interval;
    }

    /** Whether a count of {@code count} at {@code at} is sent, the last record having said {@code reported}. */
    public boolean due(long count, long reported, long at, long reportedAt) {
        if (count <= reported) return false;
        return count >= reported * growth || at - reportedAt >= interval.toMillis();
    }
}

package io.stockflow.anomaly;

/**
 * Whether a count in a window leaves its expected range. Counts of independent events are roughly Poisson, so the
 * score is {@code (observed - expected) / sqrt(dispersion * max(expected, 1))}; a spike also needs a minimum count and
 * a ratio to the expected, a drop a minimum expected volume, so that small numbers never raise an alarm.
 */
public final class CountTest implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public final double minCount;
    public final double spikeRatio;
    public final double spikeScore;
    public final double minExpectedForDrop;
    public final double dropRatio;
    public final double dropScore;
    public final double dispersion;

    public CountTest(
            double minCount,
            double spikeRatio,
            double spikeScore,
            double minExpectedForDrop,
            double dropRatio,
            double dropScore,
            double dispersion) {
        this.minCount = minCount;
        this.spikeRatio = spikeRatio;
        this.spikeScore = spikeScore;
        this.minExpectedForDrop = minExpectedForDrop;
        this.dropRatio = dropRatio;
        this.dropScore = dropScore;
        this.dispersion = dispersion;
    }

    /** Defaults for a SKU's order lines in an hour. */
    public static final CountTest DEMAND = new CountTest(10, 3.0, 5.0, 20, 0.35, 3.5, 1.2);
    /** Defaults for a SKU's refunds and returns in an hour (no drop: fewer refunds is good news). */
    public static final CountTest REFUNDS = new CountTest(6, 4.0, 5.0, Double.MAX_VALUE, 0, 0, 1.2);

    public double score(double observed, double expected) {
        return (observed - expected) / Math.sqrt(dispersion * Math.max(expected, 1.0));
    }

    public boolean spike(double observed, double expected) {
        return observed >= minCount && observed >= spikeRatio * expected && score(observed, expected) >= spikeScore;
    }

    public boolean drop(double observed, double expected) {
        return expected >= minExpectedForDrop
                && observed <= dropRatio * expected
                && score(observed, expected) <= -dropScore;
    }

    /** The parameters, for an alert's evidence. */
    public String describe() {
        return "min_count=" + minCount + ", spike_ratio=" + spikeRatio + ", spike_score=" + spikeScore
                + ", min_expected_for_drop=" + minExpectedForDrop + ", drop_ratio=" + dropRatio + ", drop_score="
                + dropScore + ", dispersion=" + dispersion;
    }
}

package io.stockflow.anomaly;

/**
 * Whether a count in a window leaves its expected range. The count is judged by its tail probability under a
 * negative binomial baseline ({@link CountTail}: Poisson widened by the dispersion the shop's data show), against a
 * threshold set by the alert budget ({@link AlertBudget}). A spike also needs a minimum count and a ratio to the
 * expected (a larger one in the first hour, where a few extra events are a large multiple), a drop a minimum expected
 * volume: small numbers and small relative changes never raise an alarm, however significant.
 */
public final class CountTest implements java.io.Serializable {
    private static final long serialVersionUID = 2L;

    public final double minCount;
    /** Ratio of observed to expected a spike needs in a one-hour window. */
    public final double spikeRatio;
    /** Ratio of observed to expected a spike needs in a window of several hours or days. */
    public final double longSpikeRatio;

    public final double minExpectedForDrop;
    public final double dropRatio;

    public CountTest(
            double minCount, double spikeRatio, double longSpikeRatio, double minExpectedForDrop, double dropRatio) {
        this.minCount = minCount;
        this.spikeRatio = spikeRatio;
        this.longSpikeRatio = longSpikeRatio;
        this.minExpectedForDrop = minExpectedForDrop;
        this.dropRatio = dropRatio;
    }

    /** Defaults for a SKU's order lines. */
    public static final CountTest DEMAND = new CountTest(10, 3.0, 2.0, 20, 0.35);
    /** Defaults for a SKU's refunds and returns (no drop: fewer refunds is good news). */
    public static final CountTest REFUNDS = new CountTest(6, 4.0, 3.0, Double.MAX_VALUE, 0);

    /**
     * The verdict on a count that may be a spike, or null when it is too small or too near the expected to be one
     * (which spares the tail sum for the many series far from any threshold).
     */
    public CountVerdict spike(double observed, double expected, long windowMillis, double phi, double alpha) {
        return spike(observed, expected, windowMillis, phi, 1, alpha);
    }

    /**
     * As {@link #spike(double, double, long, double, double)} for counts that come in clumps: variance
     * {@code kappa E + phi E^2}, judged as the negative binomial tail of {@code O / kappa} at mean {@code E / kappa}.
     */
    public CountVerdict spike(
            double observed, double expected, long windowMillis, double phi, double kappa, double alpha) {
        double ratio = windowMillis <= 3_600_000L ? spikeRatio : longSpikeRatio;
        if (observed < minCount || observed < ratio * expected) return null;
        double sd = Math.sqrt(kappa * expected + phi * expected * expected);
        if (expected > 0 && observed < expected + 3 * sd) return null;
        double p = CountTail.upper(observed / kappa, expected / kappa, phi);
        return new CountVerdict(observed, expected, windowMillis, p, alpha, phi);
    }

    /**
     * The chance, under the baseline, that a count of the window passes the gates of {@link #spike(double, double,
     * long, double, double, double)} (the minimum count, the ratio, three deviations) at all, whatever its tail: what
     * the test can spend of the alert budget ({@link BudgetSpending}).
     */
    public double gateTail(double expected, long windowMillis, double phi, double kappa) {
        if (expected <= 0) return 0;
        double ratio = windowMillis <= 3_600_000L ? spikeRatio : longSpikeRatio;
        double sd = Math.sqrt(kappa * expected + phi * expected * expected);
        double gate = Math.ceil(Math.max(Math.max(minCount, ratio * expected), expected + 3 * sd));
        return CountTail.upper(gate / kappa, expected / kappa, phi);
    }

    /** The verdict on a count that may be a drop, or null when too little was expected or too much came. */
    public CountVerdict drop(double observed, double expected, long windowMillis, double phi, double alpha) {
        return drop(observed, expected, windowMillis, phi, 1, alpha);
    }

    /** As {@link #drop(double, double, long, double, double)} for counts that come in clumps of mean size kappa. */
    public CountVerdict drop(
            double observed, double expected, long windowMillis, double phi, double kappa, double alpha) {
        if (expected < minExpectedForDrop || observed > dropRatio * expected) return null;
        double p = CountTail.lower(Math.floor(observed / kappa), expected / kappa, phi);
        return new CountVerdict(observed, expected, windowMillis, p, alpha, phi);
    }

    /** The parameters, for an alert's evidence. */
    public String describe() {
        return "min_count=" + minCount + ", spike_ratio=" + spikeRatio + ", long_spike_ratio=" + longSpikeRatio
                + ", min_expected_for_drop=" + minExpectedForDrop + ", drop_ratio=" + dropRatio;
    }
}

package io.stockflow.anomaly;

/**
 * The outcome of testing one series at one time scale: the counts, how improbable they are under the over-dispersed
 * baseline ({@code pValue}), and the threshold the alert budget sets ({@code alpha}).
 */
public final class CountVerdict {
    public final double observed;
    public final double expected;
    public final long windowMillis;
    public final double pValue;
    public final double alpha;
    public final double dispersion;

    public CountVerdict(
            double observed, double expected, long windowMillis, double pValue, double alpha, double dispersion) {
        this.observed = observed;
        this.expected = expected;
        this.windowMillis = windowMillis;
        this.pValue = pValue;
        this.alpha = alpha;
        this.dispersion = dispersion;
    }

    public boolean significant() {
        return pValue <= alpha;
    }

    /** Decades beyond the threshold: {@code log10(alpha / p)}; positive when significant, larger is stranger. */
    public double score() {
        return Math.log10(alpha / Math.max(pValue, Double.MIN_NORMAL));
    }

    /** The stronger of two verdicts (the smaller p relative to its threshold); either may be null. */
    static CountVerdict stronger(CountVerdict a, CountVerdict b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.score() > a.score() ? b : a;
    }
}

package io.stockflow.anomaly;

/**
 * A SKU's own level over its recent hours: how far its sales ran above or below the shop-wide baseline (its long-run
 * share of the shop times the shop's rhythm), and how sure that is. A SKU's rate moves from day to day beyond Poisson
 * noise (a mention, a competitor out of stock, a trend); the shop's pooled dispersion {@code phi} covers that for
 * every SKU alike, which makes a best seller's range as wide as a slow seller's. A best seller's last twelve hours
 * tell where it stands today: its expected count is the baseline times its level, with the narrower dispersion that
 * is left.
 *
 * <p>The level is the gamma-Poisson posterior mean of the rate's factor: prior mean 1 and variance {@code phi} (the
 * pooled dispersion, what the factor varies by), updated by the observed {@code O} and expected {@code E} counts of
 * the hours looked at: {@code (O + 1/phi) / (E + 1/phi)}, with variance {@code 1 / (E + 1/phi)}. A SKU with little
 * history keeps factor 1 and the pooled dispersion; a best seller's range narrows with its own volume, down to a
 * floor, {@link #DRIFT_SHARE} of the pooled, that stands for the level moving since those hours. The hours looked at lie before the judged window
 * (the window's own hours never raise or lower what it is judged against) and outside the anomalies already judged
 * (an earlier drop of the same evening does not lower what the next one is judged against: the span reaches further
 * back instead, within the hours kept), and one odd hour counts at most as three times its expected count (plus
 * three), so a spike not yet recognised lifts the level little.
 */
public final class SeriesLevel {
    /** Whole hours the level is taken over. */
    public static final int SPAN_HOURS = 12;
    /**
     * The share of the pooled dispersion left for the level moving since the hours it was taken over: a SKU's day
     * can turn from one hour to the next (a new day, a mention), so no level narrows its range below half the pooled.
     */
    public static final double DRIFT_SHARE = 0.5;

    /** The factor on the baseline. */
    public final double factor;
    /** The dispersion of a count judged against the baseline times {@link #factor}. */
    public final double dispersion;
    /** The expected count of the hours the level was taken over. */
    public final double expectedSeen;

    private SeriesLevel(double factor, double dispersion, double expectedSeen) {
        this.factor = factor;
        this.dispersion = dispersion;
        this.expectedSeen = expectedSeen;
    }

    /** No level of its own: factor 1, the pooled dispersion. */
    public static SeriesLevel pooled(double phi) {
        return new SeriesLevel(1, phi, 0);
    }

    /**
     * The level from the last {@link #SPAN_HOURS} whole hours not marked anomalous that end {@code skipHours} whole
     * hours or more before the last one recorded ({@code skipHours = 0}: from the last hour on), against the pooled
     * dispersion {@code phi}; the pooled level when fewer than {@code skipHours + SPAN_HOURS} hours are recorded or
     * {@code phi} is 0.
     */
    public static SeriesLevel of(SeriesHours h, int skipHours, double phi) {
        if (phi <= 1e-9 || skipHours < 0 || h.hoursSeen < skipHours + SPAN_HOURS) return pooled(phi);
        if (skipHours + SPAN_HOURS > SeriesHours.HOURS) return pooled(phi);
        double observed = 0;
        double expected = 0;
        int taken = 0;
        int recorded = (int) Math.min(h.hoursSeen, SeriesHours.HOURS);
        for (int j = skipHours; j < recorded && taken < SPAN_HOURS; j++) {
            if (h.anomalous(j)) continue;
            int i = SeriesHours.HOURS - 1 - j;
            observed += Math.min(h.observed[i], 3 * h.expected[i] + 3);
            expected += h.expected[i];
            taken++;
        }
        double prior = 1 / phi;
        double factor = (observed + prior) / (expected + prior);
        double dispersion = Math.min(phi, 1 / (expected + prior) + DRIFT_SHARE * phi);
        return new SeriesLevel(factor, dispersion, expected);
    }
}

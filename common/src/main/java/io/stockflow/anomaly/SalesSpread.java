package io.stockflow.anomaly;

/**
 * How unevenly a SKU sells: the mean and mean square of its units per bin (exponential, about a day of memory; bins
 * without sales count as zero), whose ratio gives the index of dispersion {@code variance / mean}. Orders of several
 * units, the day's rhythm and the SKU's own moods make units vary more than Poisson; the stock-out forecast widens
 * its range by this much. A Flink POJO.
 */
public class SalesSpread {
    public static final double MEMORY_BINS = 96;
    /** The index of dispersion assumed while fewer than {@link #WARM_BINS} bins are known. */
    public static final double PRIOR_DISPERSION = 2;

    static final long WARM_BINS = 8;

    public double mean;
    public double squares;
    public long binsSeen;
    /** Start of the last bin learned; Long.MIN_VALUE before the first. */
    public long lastBinStart = Long.MIN_VALUE;

    public SalesSpread() {}

    /** Learns the bin that starts at {@code binStart} with {@code units} sold; bins skipped in between sold nothing. */
    public void add(long binStart, double units) {
        if (lastBinStart != Long.MIN_VALUE) {
            if (binStart <= lastBinStart) return;
            long skipped = (binStart - lastBinStart) / RhythmModel.BIN_MILLIS - 1;
            for (long i = 0; i < Math.min(skipped, 4 * (long) MEMORY_BINS); i++) learn(0);
        }
        learn(units);
        lastBinStart = binStart;
    }

    private void learn(double units) {
        double alpha = 1 / Math.min(MEMORY_BINS, binsSeen + 1.0);
        mean += alpha * (units - mean);
        squares += alpha * (units * units - squares);
        binsSeen++;
    }

    /** Variance over mean of the units per bin, at least 1 (Poisson). */
    public double dispersion() {
        if (binsSeen < WARM_BINS || mean <= 0) return PRIOR_DISPERSION;
        return Math.max(1, (squares - mean * mean) / mean);
    }
}

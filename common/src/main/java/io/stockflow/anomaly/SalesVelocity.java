package io.stockflow.anomaly;

/**
 * A SKU's current sales velocity (units per hour), an exponential average over bins of sales with a memory of about
 * {@link #MEMORY_BINS} bins; bins without sales count as zero, so the velocity falls when sales stop. A Flink POJO.
 */
public class SalesVelocity {
    public static final double MEMORY_BINS = 8;
    /**
     * Hours of sales the velocity is worth as an estimate: an exponential average with weight {@code a = 1 / MEMORY_BINS}
     * has the variance of a plain mean over {@code 2 / a - 1} bins.
     */
    public static final double EFFECTIVE_HOURS = (2 * MEMORY_BINS - 1) * RhythmModel.BIN_MILLIS / 3_600_000.0;

    public double perHour;
    public long binsSeen;
    /** Start of the last bin learned; Long.MIN_VALUE before the first. */
    public long lastBinStart = Long.MIN_VALUE;
    /** True while a stock-out prediction stands: no repeat until the cover recovers. */
    public boolean alerting;

    public SalesVelocity() {}

    /** Learns the bin that starts at {@code binStart} with {@code units} sold; bins skipped in between sold nothing. */
    public void add(long binStart, double units) {
        double binHours = RhythmModel.BIN_MILLIS / 3_600_000.0;
        double alpha = 1 / MEMORY_BINS;
        if (lastBinStart != Long.MIN_VALUE) {
            long skipped = (binStart - lastBinStart) / RhythmModel.BIN_MILLIS - 1;
            for (long i = 0; i < Math.min(skipped, 64); i++) {
                perHour -= alpha * perHour;
                binsSeen++;
            }
            if (binStart <= lastBinStart) return;
        }
        double rate = units / binHours;
        perHour += (binsSeen == 0 ? 1 : alpha) * (rate - perHour);
        binsSeen++;
        lastBinStart = binStart;
    }

    /** Hours until {@code available} units are sold at the current velocity; infinite when nothing sells. */
    public double hoursLeft(long available) {
        if (perHour <= 0) return Double.POSITIVE_INFINITY;
        return Math.max(0, available) / perHour;
    }
}

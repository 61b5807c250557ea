package io.stockflow.anomaly;

/**
 * What the shop's series teach together: how much wider than Poisson their counts vary (pooled over the series of a
 * kind), the shop's refunds per hour, and how many series of each kind were judged in the last bin (the number of
 * tests that the alert budget is shared among). A Flink POJO.
 */
public class ShopStats {
    /** Over-dispersion before the pooled estimate has enough weight. */
    public static final double PRIOR_DISPERSION = 0.05;
    /** Largest over-dispersion used: a rate that varies by its own size from hour to hour. */
    public static final double MAX_DISPERSION = 1.0;
    /** About three days of memory, in bins. */
    static final double MEMORY_BINS = 288;

    /** Pooled {@code sum((O - E)^2 - E)} and {@code sum(E^2)} over hourly windows: demand, channels. */
    public double demandExcess;

    public double demandWeight;
    public double channelExcess;
    public double channelWeight;
    /**
     * Pooled {@code sum((O - E)^2)} and {@code sum(E)} over the hourly windows of series expecting less than two:
     * counts of units come in clumps (an order line of three units counts three), which makes even a small count vary
     * more than Poisson, by a factor no dispersion of the rate explains. Demand, refunds.
     */
    public double demandClumpSquares;

    public double demandClumpExpected;
    public double refundClumpSquares;
    public double refundClumpExpected;
    /** The shop's refunded and returned lines per hour, from the series not in an anomaly. */
    public double refundsPerHour;

    public long bins;
    /** Series judged in the last bin: spikes, drops, refunds, channels. */
    public int demandSeries;

    public int dropSeries;
    public int refundSeries;
    public int channelSeries;
    /**
     * The spike and refund thresholds the budget allows, from what the tests of the last whole hour could spend
     * ({@link BudgetSpending}); 0 until an hour was judged.
     */
    public double spikeAlpha;

    public double refundAlpha;

    public ShopStats() {}

    public double demandDispersion() {
        return dispersion(demandExcess, demandWeight);
    }

    public double channelDispersion() {
        return dispersion(channelExcess, channelWeight);
    }

    public double demandClumping() {
        return clumping(demandClumpSquares, demandClumpExpected);
    }

    public double refundClumping() {
        return clumping(refundClumpSquares, refundClumpExpected);
    }

    /**
     * The quasi-Poisson scale {@code kappa = sum((O - E)^2) / sum(E)} (variance over mean where the rate's own variation
     * is negligible), shrunk towards 1.5 while little is known; at least 1, at most 10.
     */
    private static double clumping(double squares, double expected) {
        double prior = 20;
        return Math.max(1, Math.min(10, (squares + 1.5 * prior) / (expected + prior)));
    }

    /**
     * The method-of-moments estimate {@code phi = sum((O - E)^2 - E) / sum(E^2)} (the variance in excess of Poisson,
     * relative to the squared mean), shrunk towards the prior while little has been seen.
     */
    private static double dispersion(double excess, double weight) {
        double prior = 50;
        double phi = (excess + PRIOR_DISPERSION * prior) / (weight + prior);
        return Math.max(0, Math.min(MAX_DISPERSION, phi));
    }

    /** Decays every sum by one bin of memory. */
    void decay() {
        double keep = 1 - 1 / MEMORY_BINS;
        demandExcess *= keep;
        demandWeight *= keep;
        channelExcess *= keep;
        channelWeight *= keep;
        demandClumpSquares *= keep;
        demandClumpExpected *= keep;
        refundClumpSquares *= keep;
        refundClumpExpected *= keep;
    }

    void learnRefunds(double perHour) {
        double alpha = bins < 96 ? 1.0 / (bins + 1) : 1 / MEMORY_BINS;
        refundsPerHour += alpha * (perHour - refundsPerHour);
    }
}

package io.stockflow.anomaly;

/**
 * The learned state of one counted series: a SKU's placed order lines, a SKU's refunds and returns, or a channel's
 * placed orders. Counts arrive per bin; the judged window is the last {@link RhythmModel#BINS_PER_WINDOW} bins.
 * A Flink POJO (primitive fields and arrays only).
 */
public class RhythmSeries {
    public static final String DEMAND = "DEMAND";
    public static final String REFUNDS = "REFUNDS";
    public static final String CHANNEL = "CHANNEL";

    public String kind;
    public String subject;
    /** Refunds: events per hour (no season). */
    public double level;
    /**
     * Demand and channels: decayed sums of the series' count and of the shop's total lines over the same bins; their
     * ratio is the series' share of the shop, and the shop's rhythm gives the rest.
     */
    public double shareCount;

    public double shareTotal;
    public long binsSeen;
    /** Counts of the last bins, oldest first. */
    public double[] recent = new double[RhythmModel.BINS_PER_WINDOW];
    /** Count of the bin still open. */
    public double pending;
    /** Latest event time seen in any bin (channels: the last order). */
    public long lastEventTime = Long.MIN_VALUE;
    /** True while an alert's episode lasts: no new alert, no learning from the anomaly. */
    public boolean alerting;

    public RhythmSeries() {}

    public RhythmSeries(String kind, String subject) {
        this.kind = kind;
        this.subject = subject;
    }

    public double share() {
        return shareTotal > 0 ? shareCount / shareTotal : 0;
    }

    public double windowCount() {
        double sum = 0;
        for (double c : recent) sum += c;
        return sum;
    }

    public static String key(String kind, String subject) {
        return kind + "|" + subject;
    }
}

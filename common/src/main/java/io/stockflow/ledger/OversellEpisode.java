package io.stockflow.ledger;

/**
 * One SKU's oversell episode: from the first order line no location could fully hold until the SKU's availability
 * over all locations is above 0 again. What it kept counting, and what its last record said. A Flink POJO.
 */
public class OversellEpisode {
    public String alertId;
    public long startedAt;
    public long lastLineAt;
    public long lines;
    public long units;
    public String firstOrderId;
    public String lastOrderId;
    public String lastChannel;
    /** The revision of the last record sent, and the line count and event time it carried. */
    public int revision;

    public long reportedLines;
    public long reportedAt;
    public boolean resolved;
    public long resolvedAt;

    public OversellEpisode() {}
}

package io.stockflow.ledger;

/**
 * How many orders wait in a SKU's backorder queue, and whether the queue is turning lines away (so that its limit
 * raises one alert per episode, not one per line). Absent for a SKU whose queue was never counted: state from before
 * backorder queues, whose waiting orders are then found among the holds once.
 */
public class BackorderTally {
    public int waiting;
    /** Backordered lines left out of the queue since it last had room. */
    public long turnedAway;

    public BackorderTally() {}
}

package io.stockflow.lifecycle;

/**
 * Whether one order met one deadline, counted at the deadline: the input of {@code SLA_BREACH_RATE}. Counting every
 * order at its deadline (on time or not) gives each window an unbiased share of late orders.
 */
public class SlaOutcome {
    public String orderId;
    public String channel;
    /** Where the order ships from; null when unknown. */
    public String location;
    /** SHIP or DELIVERY. */
    public String sla;

    public long deadline;
    public boolean late;

    public SlaOutcome() {}

    public SlaOutcome(String orderId, String channel, String location, String sla, long deadline, boolean late) {
        this.orderId = orderId;
        this.channel = channel;
        this.location = location;
        this.sla = sla;
        this.deadline = deadline;
        this.late = late;
    }

    @Override
    public String toString() {
        return sla + (late ? " late " : " on time ") + orderId + " @" + deadline;
    }
}

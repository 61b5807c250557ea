package io.stockflow.allocation;

import java.util.ArrayList;
import java.util.List;

/** A record of {@code orders.allocations}: where an order's units were reserved, what is backordered, and why. */
public class OrderAllocation {
    public String orderId;
    public String channel;
    public Decision decision;
    public List<AllocatedUnits> allocations = new ArrayList<>();
    public List<AllocatedUnits> backordered = new ArrayList<>();
    public String ruleSetVersion;
    public List<String> ruleIds = new ArrayList<>();
    public String reason;
    public long eventTime;
    public long decidedAt;
    /** Why routing decided so, as a JSON object (rule, ranking with figures, exclusions), or null for the built-in rules. */
    public String explanationJson;
    /**
     * 1 for the order's first decision; each later decision of the same order (a backorder filled when stock came)
     * has the next number and supersedes the ones before it.
     */
    public int revision = 1;
    /** On a later decision: the units this decision reserved for the backorder, where (empty on a first decision). */
    public List<AllocatedUnits> filled = new ArrayList<>();

    public OrderAllocation() {}

    @Override
    public String toString() {
        return decision + " " + orderId + " " + allocations
                + (backordered.isEmpty() ? "" : " backordered " + backordered);
    }
}

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

    public OrderAllocation() {}

    @Override
    public String toString() {
        return decision + " " + orderId + " " + allocations
                + (backordered.isEmpty() ? "" : " backordered " + backordered);
    }
}

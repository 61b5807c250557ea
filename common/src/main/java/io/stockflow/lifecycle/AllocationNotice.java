package io.stockflow.lifecycle;

import io.stockflow.allocation.Decision;

/** What the lifecycle takes from a record of {@code orders.allocations}: the decision and where the order ships from. */
public class AllocationNotice {
    public String orderId;
    public String channel;
    public Decision decision;
    /** The location holding most of the allocated units, or null when nothing was allocated. */
    public String location;

    public long backorderedUnits;
    public long eventTime;

    public AllocationNotice() {}

    @Override
    public String toString() {
        return decision + " " + orderId + (location == null ? "" : " at " + location) + " @" + eventTime;
    }
}

package io.stockflow.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one SKU's ledger decided for one line of an order's allocation decision. */
public class LineAllocation {
    public String orderId;
    public String eventId;
    public String channel;
    public String sku;
    public int lineCount;
    public long requested;
    public List<Allocation> allocations = new ArrayList<>();
    public long backordered;
    /** Why units were not allocated, or null when all were. */
    public String reason;

    public long eventTime;
    /** The rule set's plan the line was decided under; null for the built-in allocator. */
    public RoutePlan route;
    /**
     * The offer of a routed line of a multi-line order: units every candidate has free for this order after its hold
     * (its own hold there plus what is available, less the rule set's safety stock); null otherwise.
     */
    public Map<String, Long> free;
    /** Set when this answers a {@link LineCorrection}: what the ledger did; the allocations are the holds it left. */
    public HoldCorrection.Outcome correction;
    /**
     * Set when this reports a backorder fill: where arriving stock reserved units of the order's backorder now. The
     * allocations and backordered units are then the order's holds of this SKU after the fill; null otherwise.
     */
    public List<Allocation> fill;
    /** With {@link #fill}: the event that made the stock available (a movement id, an order event id). */
    public String filledBy;

    public LineAllocation() {}

    @Override
    public String toString() {
        return orderId + " " + sku + " " + allocations + (backordered > 0 ? " backordered=" + backordered : "")
                + (correction != null ? " " + correction : "")
                + (fill != null ? " filled " + fill : "");
    }
}

package io.stockflow.ledger;

/**
 * One order waiting in a SKU's backorder queue: units of this SKU it asked for that no location had. The units
 * themselves are the order's {@link OrderHold#backordered}; this entry says when the order came (its place in the
 * queue), its channel, and where the rule set lets it be filled. A plain POJO for Flink's own serializer.
 */
public class Backorder {
    public String orderId;
    public String channel;
    /** Event time of the order event that first left the order backordered: oldest is filled first. */
    public long orderTime;
    /** The rule set's candidates, safety stock and split policy, without the evaluation; null: the built-in rules. */
    public RoutePlan route;

    public Backorder() {}

    /** Queue order: oldest order first, ties by order id. */
    static int compare(Backorder a, Backorder b) {
        int byTime = Long.compare(a.orderTime, b.orderTime);
        return byTime != 0 ? byTime : a.orderId.compareTo(b.orderId);
    }

    @Override
    public String toString() {
        return orderId + "@" + orderTime;
    }
}

package io.stockflow.ledger;

import io.stockflow.alert.Alert;

/**
 * What the oversell episodes of one SKU follow, in one stream: an order line the ledger could not fully reserve (its
 * {@code OVERSELL} alert), or the SKU's availability over all locations. A Flink POJO: bounded runs sort it by event
 * time before the episodes see it.
 */
public class StockSignal {
    public String sku;
    public long eventTime;
    /** True for an oversold line, false for an availability update. */
    public boolean oversell;

    public String orderId;
    public String channel;
    /** Units the line asked for, and the units of it that no location had. */
    public long requested;

    public long backordered;
    /** The availability update's units available over all locations, and its version. */
    public long available;

    public long version;

    public StockSignal() {}

    /** The line an {@code OVERSELL} alert of the ledger reports: observed is what it asked, expected what was held. */
    public static StockSignal of(Alert oversold) {
        StockSignal s = new StockSignal();
        s.sku = oversold.sku;
        s.eventTime = oversold.eventTime;
        s.oversell = true;
        s.orderId = oversold.orderId;
        s.channel = oversold.channel;
        s.requested = oversold.observed == null ? 0 : Math.round(oversold.observed);
        s.backordered = s.requested - (oversold.expected == null ? 0 : Math.round(oversold.expected));
        return s;
    }

    public static StockSignal of(AvailabilityUpdate u) {
        StockSignal s = new StockSignal();
        s.sku = u.sku;
        s.eventTime = u.asOf;
        s.available = u.available;
        s.version = u.version;
        return s;
    }

    /** Ties of event time: availability first (in version order), then lines by order. */
    public String sequenceKey() {
        return oversell ? "b|" + orderId : "a|" + String.format("%019d", version);
    }
}

package io.stockflow.ledger;

import io.stockflow.alert.Alert;
import io.stockflow.alert.AlertIds;
import io.stockflow.alert.Evidence;
import io.stockflow.alert.Severity;

/** The stock alerts the ledger raises, each with a deterministic id and a message that explains it. */
final class StockAlerts {
    static final String OVERSELL = "OVERSELL";
    static final String LOW_STOCK = "LOW_STOCK";
    static final String BACKORDER_QUEUE_FULL = "BACKORDER_QUEUE_FULL";

    private StockAlerts() {}

    static Alert oversell(String sku, LedgerCommand c, long backordered, long totalAvailable, long detectedAt) {
        Alert a = new Alert();
        a.alertId = AlertIds.of(OVERSELL, c.orderId, sku, c.eventId);
        a.type = OVERSELL;
        a.severity = Severity.CRITICAL;
        a.orderId = c.orderId;
        a.sku = sku;
        a.channel = c.channel;
        a.eventTime = c.eventTime;
        a.detectedAt = detectedAt;
        a.observed = (double) (c.quantity);
        a.expected = (double) (c.quantity - backordered);
        a.message = "Order " + c.orderId + " asked for " + c.quantity + " of " + sku + " but only "
                + (c.quantity - backordered) + " could be reserved: " + backordered
                + " units are oversold because no location had the stock.";
        a.evidenceJson = Evidence.of("requested", c.quantity)
                .and("backordered", backordered)
                .and("available_after", totalAvailable)
                .and("event_id", c.eventId)
                .toJson();
        return a;
    }

    static Alert lowStock(
            String sku, String location, long availableBefore, Position after, long threshold, long detectedAt) {
        Alert a = new Alert();
        a.alertId = AlertIds.of(LOW_STOCK, sku, location, after.version);
        a.type = LOW_STOCK;
        a.severity = after.available() == 0 ? Severity.CRITICAL : Severity.WARNING;
        a.sku = sku;
        a.location = location;
        a.eventTime = after.asOf;
        a.detectedAt = detectedAt;
        a.observed = (double) after.available();
        a.expected = (double) threshold;
        String where = SkuLedger.ALL_LOCATIONS.equals(location) ? "over all locations" : "at " + location;
        a.message = "Available stock of " + sku + " " + where + " fell from " + availableBefore + " to "
                + after.available() + ", below the low-stock threshold of " + threshold + ".";
        a.evidenceJson = Evidence.of("available_before", availableBefore)
                .and("available", after.available())
                .and("on_hand", after.onHand)
                .and("reserved", after.reserved)
                .and("safety_stock", after.safetyStock)
                .and("threshold", threshold)
                .and("version", after.version)
                .toJson();
        return a;
    }

    /** The first backordered line of an episode that the SKU's full backorder queue could not take. */
    static Alert backorderQueueFull(
            String sku, String orderId, String channel, long waiting, int limit, long eventTime, long detectedAt) {
        Alert a = new Alert();
        a.alertId = AlertIds.of(BACKORDER_QUEUE_FULL, sku, orderId);
        a.type = BACKORDER_QUEUE_FULL;
        a.severity = Severity.WARNING;
        a.orderId = orderId;
        a.sku = sku;
        a.channel = channel;
        a.eventTime = eventTime;
        a.detectedAt = detectedAt;
        a.observed = (double) waiting;
        a.expected = (double) limit;
        a.message = waiting + " orders already wait for " + sku + ", the limit of its backorder queue: order " + orderId
                + " and later backorders of " + sku + " are not filled when stock arrives until the queue has room.";
        a.evidenceJson = Evidence.of("waiting", waiting)
                .and("max_backorders", limit)
                .and("order_id", orderId)
                .toJson();
        return a;
    }
}

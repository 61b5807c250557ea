package io.stockflow.shipments;

import io.stockflow.alert.Alert;
import io.stockflow.alert.AlertIds;
import io.stockflow.alert.Evidence;
import io.stockflow.alert.Severity;

/** The alerts of shipments and cancellations sent to the marketplaces. */
public final class ShipmentSyncAlerts {
    public static final String SHIPMENT_CONFIRM_FAILED = "SHIPMENT_CONFIRM_FAILED";
    public static final String ORDER_CANCEL_FAILED = "ORDER_CANCEL_FAILED";

    private ShipmentSyncAlerts() {}

    /**
     * A confirmation or cancellation that got no usable answer after the client's retries or the timeout. The id names
     * the order and the shipment, so the same failure always gets the same id.
     */
    public static Alert failed(ShipmentSyncRecord r, long detectedAt) {
        boolean shipment = OrderAction.CONFIRM_SHIPMENT.equals(r.action);
        String type = shipment ? SHIPMENT_CONFIRM_FAILED : ORDER_CANCEL_FAILED;
        Alert a = new Alert();
        a.alertId = AlertIds.of(type, r.orderId, shipment ? r.shipmentId : "cancel");
        a.type = type;
        a.severity = Severity.WARNING;
        a.orderId = r.orderId;
        a.channel = r.channel;
        a.eventTime = r.sentAt;
        a.detectedAt = detectedAt;
        a.message = shipment
                ? r.channel + " did not take shipment " + r.shipmentId + " of order " + r.orderId
                        + (r.trackingCode == null ? "" : " (" + r.carrier + " " + r.trackingCode + ")") + " after "
                        + r.attempts + " attempts: " + r.reason
                        + ". The customer sees the order unshipped there; confirm it on the marketplace."
                : r.channel + " did not take the cancellation of rejected order " + r.orderId + " after " + r.attempts
                        + " attempts: " + r.reason + ". The order stays open there; cancel it on the marketplace.";
        a.evidenceJson = Evidence.of("marketplace_order_id", r.marketplaceOrderId)
                .and("shipment_id", r.shipmentId == null ? "" : r.shipmentId)
                .and("tracking_code", r.trackingCode == null ? "" : r.trackingCode)
                .and("attempts", Integer.toString(r.attempts))
                .and("reason", r.reason == null ? "" : r.reason)
                .toJson();
        return a;
    }
}

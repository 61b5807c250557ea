package io.stockflow.shipments;

/**
 * A record of {@code channel.shipments}: one shipment confirmation or order cancellation sent to a marketplace, and
 * what became of it. A Flink POJO.
 */
public class ShipmentSyncRecord {
    /** {@link OrderAction#CONFIRM_SHIPMENT} or {@link OrderAction#CANCEL_ORDER}. */
    public String action;

    public String orderId;
    public String channel;
    public String marketplaceOrderId;
    /** The shipment (the SHIPPED event's id); null for a cancellation. */
    public String shipmentId;

    public String carrier;
    public String trackingCode;
    /** Units shipped; 0 for a cancellation. */
    public long units;
    /** Why the order was cancelled (stockflow's decision); null for a shipment. */
    public String cancelReason;
    /** ACCEPTED, REFUSED or FAILED. */
    public String status;
    /** The channel had it already (read back), so nothing was written. */
    public boolean foundOnChannel;

    public int attempts;
    public long latencyMs;
    /** The channel's reason when it was not accepted. */
    public String reason;

    public long sentAt;

    public ShipmentSyncRecord() {}

    public boolean failed() {
        return "FAILED".equals(status);
    }

    @Override
    public String toString() {
        return action + " " + orderId + " " + status + (reason == null ? "" : " (" + reason + ")");
    }
}

package io.stockflow.shipments;

import io.stockflow.model.OrderLine;
import java.util.ArrayList;
import java.util.List;

/**
 * What the marketplace of an order is to hear, or what the sync job learns about the order: an order's channel and
 * its id there ({@link #ORDER}, from {@code orders.canonical}), a warehouse shipment to confirm
 * ({@link #CONFIRM_SHIPMENT}, from a {@code SHIPPED} record of {@code fulfilment.events}), or a cancellation
 * ({@link #CANCEL_ORDER}, from a {@code REJECTED} decision of {@code orders.allocations}). A Flink POJO, kept in state
 * while an action waits for its order.
 */
public class OrderAction {
    public static final String ORDER = "ORDER";
    public static final String CONFIRM_SHIPMENT = "CONFIRM_SHIPMENT";
    public static final String CANCEL_ORDER = "CANCEL_ORDER";
    /** An allocation decision other than REJECTED: nothing to do. */
    public static final String NONE = "NONE";
    /**
     * A call of the job's own that got no usable answer, read back from {@code channel.shipments} (live only): the
     * shipment ({@link #shipmentId}) or the cancellation (none) goes again after a pause.
     */
    public static final String FAILED = "FAILED";

    public String kind;
    /** The canonical order id, {@code <channel>:<marketplace order id>}. */
    public String orderId;
    /** The marketplace (shopify, amazon, ebay, woocommerce); known once the order is. */
    public String channel;

    public String marketplaceOrderId;
    /** The warehouse's SHIPPED event id: the shipment's identity. */
    public String shipmentId;

    public String location;
    public String carrier;
    public String trackingCode;
    /** When it shipped, or when the order was rejected (epoch ms). */
    public long at;

    public List<OrderLine> lines = new ArrayList<>();
    /** Why the order was rejected: the decision's reason. */
    public String reason;

    /** Calls of this action that got no usable answer in a row (kept in state for a sent action). */
    public int failures;
    /** When it goes again after a failed call (processing time, epoch ms); 0: not waiting. */
    public long retryAt;

    public OrderAction() {}

    public boolean isShipment() {
        return CONFIRM_SHIPMENT.equals(kind);
    }

    /** The keys under which the action counts as handed on: a shipment by its id and by its tracking number. */
    public List<String> identities() {
        if (CANCEL_ORDER.equals(kind) || (FAILED.equals(kind) && shipmentId == null)) return List.of("cancel");
        List<String> ids = new ArrayList<>();
        ids.add("shipment:" + shipmentId);
        if (trackingCode != null) ids.add("tracking:" + trackingCode);
        return ids;
    }

    @Override
    public String toString() {
        return kind + " " + orderId + (shipmentId == null ? "" : " " + shipmentId)
                + (trackingCode == null ? "" : " " + carrier + " " + trackingCode);
    }
}

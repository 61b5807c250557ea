package io.stockflow.shipments;

import java.util.ArrayList;
import java.util.List;

/**
 * What the sync job keeps per order for its marketplace: the order's channel and id there once
 * {@code orders.canonical} has told them, the shipments and cancellation already handed on to be sent (so a
 * re-delivered SHIPPED event or decision sends nothing), and the actions that arrived before the order did. A Flink
 * POJO in keyed state, with a time to live. Live, a call that got no usable answer goes again after a pause that doubles
 * with each failure in a row.
 */
public class ChannelOrder {
    public String channel;
    public String marketplaceOrderId;
    /** {@link OrderAction#identities()} of every action handed on. */
    public List<String> handedOn = new ArrayList<>();
    /** Actions waiting for the order's channel and id. */
    public List<OrderAction> waiting = new ArrayList<>();
    /** Actions handed on, kept to go again when their call gets no usable answer (live). */
    public List<OrderAction> sent = new ArrayList<>();

    public ChannelOrder() {}

    public boolean known() {
        return channel != null;
    }

    /** The action handed on that has this identity (a shipment id, or the cancellation), or null. */
    public OrderAction sentWith(String identity) {
        for (OrderAction a : sent) if (a.identities().contains(identity)) return a;
        return null;
    }

    /** True when any identity of the action was handed on before. */
    public boolean handedOn(OrderAction action) {
        for (String id : action.identities()) if (handedOn.contains(id)) return true;
        for (OrderAction w : waiting) {
            for (String id : action.identities()) if (w.identities().contains(id)) return true;
        }
        return false;
    }
}

package io.stockflow.shipments;

import java.util.ArrayList;
import java.util.List;

/**
 * What the sync job keeps per order for its marketplace: the order's channel and id there once
 * {@code orders.canonical} has told them, the shipments and cancellation already handed on to be sent (so a
 * re-delivered SHIPPED event or decision sends nothing), and the actions that arrived before the order did. A Flink
 * POJO in keyed state, with a time to live.
 */
public class ChannelOrder {
    public String channel;
    public String marketplaceOrderId;
    /** {@link OrderAction#identities()} of every action handed on. */
    public List<String> handedOn = new ArrayList<>();
    /** Actions waiting for the order's channel and id. */
    public List<OrderAction> waiting = new ArrayList<>();

    public ChannelOrder() {}

    public boolean known() {
        return channel != null;
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

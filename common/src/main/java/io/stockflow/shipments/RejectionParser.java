package io.stockflow.shipments;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;

/**
 * Reads what a cancellation needs from a record of {@code orders.allocations}: a REJECTED decision becomes a
 * {@link OrderAction#CANCEL_ORDER} with the decision's reason; any other decision is {@link OrderAction#NONE}.
 */
public final class RejectionParser {
    public OrderAction parse(byte[] record) throws InvalidRecordException {
        JsonFields f = JsonFields.parse(record);
        OrderAction a = new OrderAction();
        a.orderId = f.id("order_id");
        String decision = f.id("decision");
        a.kind = "REJECTED".equals(decision) ? OrderAction.CANCEL_ORDER : OrderAction.NONE;
        a.reason = f.optText("reason");
        a.at = f.time("decided_at");
        return a;
    }
}

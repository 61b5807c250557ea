package io.stockflow.marketsim.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.marketsim.core.Json;
import java.util.List;

/**
 * The order read that shipment confirmation and cancellation make before they act: {@code order(id)} with
 * {@code cancelledAt}, its {@code fulfillmentOrders} (status, and line items with SKU, total and remaining quantity)
 * and its {@code fulfillments} with their tracking information. An unknown order answers null, as Shopify does.
 */
final class OrderQuery {
    static final String FIELD = "order";

    private final ShopifyStore store;

    OrderQuery(ShopifyStore store) {
        this.store = store;
    }

    JsonNode run(GraphqlDocument.Field field, JsonNode variables) throws InputProblem {
        JsonNode id = GraphqlDocument.resolve(field.arguments().get("id"), variables);
        if (id == null || !id.isTextual()) {
            throw new InputProblem("id", "ID!", List.of(), "Expected value to not be null", id);
        }
        synchronized (store) {
            ShopifyStore.Order order = store.order(id.textValue());
            if (order == null) return NullNode.getInstance();
            ObjectNode answer = Json.object().put("id", order.id);
            if (order.cancelledAt == null) answer.set("cancelledAt", NullNode.getInstance());
            else answer.put("cancelledAt", order.cancelledAt);
            if (order.cancelReason == null) answer.set("cancelReason", NullNode.getInstance());
            else answer.put("cancelReason", order.cancelReason);
            ArrayNode nodes = answer.putObject("fulfillmentOrders").putArray("nodes");
            for (String foId : order.fulfillmentOrderIds) {
                ShopifyStore.FulfillmentOrder fo = store.fulfillmentOrder(foId);
                ObjectNode node = nodes.addObject().put("id", fo.id).put("status", fo.closed ? "CLOSED" : "OPEN");
                ArrayNode lines = node.putObject("lineItems").putArray("nodes");
                fo.lines
                        .values()
                        .forEach(l -> lines.addObject()
                                .put("id", l.id)
                                .put("sku", l.sku)
                                .put("totalQuantity", l.total)
                                .put("remainingQuantity", l.remaining));
            }
            ArrayNode fulfillments = answer.putArray("fulfillments");
            for (ObjectNode made : store.fulfillmentsOf(order.id)) {
                ObjectNode copy = made.deepCopy();
                copy.remove("fulfillmentOrderIds");
                fulfillments.add(copy);
            }
            return answer;
        }
    }
}

package io.stockflow.marketsim.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.marketsim.core.Json;
import java.time.Clock;
import java.util.List;

/**
 * The {@code orderCancel} mutation: cancels an order with a reason ({@code OrderCancelReason}), saying whether to
 * refund and restock, and an optional staff note. Its arguments are checked as their types demand; cancelling an
 * unknown order, one already cancelled or one with fulfillments answers an {@code orderCancelUserErrors} entry.
 * Shopify cancels in a background job; here the job is done at once.
 */
final class OrderCancel {
    static final String FIELD = "orderCancel";
    private static final List<String> REASONS = List.of("CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "OTHER", "STAFF");

    private final ShopifyStore store;
    private final Clock clock;

    OrderCancel(ShopifyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    JsonNode run(GraphqlDocument.Field field, JsonNode variables) throws InputProblem {
        String orderId = required(field, variables, "orderId", "ID!").asText();
        if (!orderId.matches("gid://shopify/Order/[0-9]+")) {
            throw new InputProblem("orderId", "ID!", List.of(), "Invalid global id '" + orderId + "'", null);
        }
        JsonNode reason = required(field, variables, "reason", "OrderCancelReason!");
        if (!reason.isTextual() || !REASONS.contains(reason.textValue())) {
            throw new InputProblem(
                    "reason",
                    "OrderCancelReason!",
                    List.of(),
                    "Expected \"" + reason.asText() + "\" to be one of: " + String.join(", ", REASONS),
                    reason);
        }
        booleanArgument(field, variables, "refund", true);
        booleanArgument(field, variables, "restock", true);
        booleanArgument(field, variables, "notifyCustomer", false);
        JsonNode staffNote = GraphqlDocument.resolve(field.arguments().get("staffNote"), variables);
        if (staffNote != null && !staffNote.isNull() && !staffNote.isTextual()) {
            throw new InputProblem("staffNote", "String", List.of(), "Could not coerce value to String", staffNote);
        }

        ObjectNode payload = Json.object();
        ArrayNode errors = Json.array();
        synchronized (store) {
            ShopifyStore.Order order = store.order(orderId);
            if (order == null) {
                errors.add(ShopifyErrors.userError(List.of("orderId"), "Order does not exist.", "NOT_FOUND"));
            } else if (order.cancelledAt != null) {
                errors.add(ShopifyErrors.userError(
                        List.of("orderId"), "Cannot cancel an order that has already been cancelled.", "INVALID"));
            } else if (!store.fulfillmentsOf(orderId).isEmpty()) {
                errors.add(ShopifyErrors.userError(
                        List.of("orderId"), "Cannot cancel an order that has fulfillments.", "INVALID"));
            } else {
                order.cancelledAt = clock.instant().toString();
                order.cancelReason = reason.textValue();
                order.staffNote = staffNote == null || staffNote.isNull() ? null : staffNote.textValue();
                order.fulfillmentOrderIds.forEach(id -> store.fulfillmentOrder(id).closed = true);
                payload.putObject("job")
                        .put("id", "gid://shopify/Job/" + store.nextId())
                        .put("done", true);
            }
        }
        if (!errors.isEmpty()) payload.set("job", NullNode.getInstance());
        payload.set("orderCancelUserErrors", errors);
        payload.set("userErrors", errors.deepCopy());
        return payload;
    }

    private static JsonNode required(GraphqlDocument.Field field, JsonNode variables, String name, String type)
            throws InputProblem {
        JsonNode value = GraphqlDocument.resolve(field.arguments().get(name), variables);
        if (value == null || value.isNull()) {
            throw new InputProblem(name, type, List.of(), "Expected value to not be null", value);
        }
        return value;
    }

    private static void booleanArgument(GraphqlDocument.Field field, JsonNode variables, String name, boolean required)
            throws InputProblem {
        JsonNode value = GraphqlDocument.resolve(field.arguments().get(name), variables);
        if (value == null || value.isNull()) {
            if (required) throw new InputProblem(name, "Boolean!", List.of(), "Expected value to not be null", value);
            return;
        }
        if (!value.isBoolean()) {
            throw new InputProblem(
                    name, "Boolean", List.of(), "Could not coerce value " + value + " to Boolean", value);
        }
    }
}

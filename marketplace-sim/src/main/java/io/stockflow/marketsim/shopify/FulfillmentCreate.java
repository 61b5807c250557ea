package io.stockflow.marketsim.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.marketsim.core.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code fulfillmentCreate} mutation: ships one or more fulfillment orders, whole or some units of their line items
 * ({@code fulfillmentOrderLineItems}), with tracking information (company, number, url). A fulfillment order closes
 * once every unit is fulfilled; fulfilling a closed one, or more units than a line item has left, answers a user
 * error, so a shipment confirmed twice shows up.
 */
final class FulfillmentCreate {
    static final String FIELD = "fulfillmentCreate";
    private static final String TYPE = "FulfillmentInput!";

    private final ShopifyStore store;
    private final Clock clock;

    FulfillmentCreate(ShopifyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    JsonNode run(GraphqlDocument.Field field, JsonNode variables) throws InputProblem {
        GraphqlDocument.Value argument = field.arguments().get("fulfillment");
        String variable = argument instanceof GraphqlDocument.Variable v ? v.name() : "fulfillment";
        JsonNode input = GraphqlDocument.resolve(argument, variables);
        InputProblem.Reader reader = new InputProblem.Reader(variable, TYPE, input);
        List<Object> root = List.of();
        reader.requireObject(input, root);
        reader.onlyFields(
                input,
                root,
                "FulfillmentInput",
                List.of("lineItemsByFulfillmentOrder", "notifyCustomer", "originAddress", "trackingInfo"));
        reader.optionalBoolean(input, root, "notifyCustomer");
        JsonNode byOrder = reader.requireList(input, root, "lineItemsByFulfillmentOrder");
        List<String> orderIds = new ArrayList<>();
        List<Map<String, Integer>> unitsByOrder = new ArrayList<>();
        for (int i = 0; i < byOrder.size(); i++) {
            List<Object> at = List.of("lineItemsByFulfillmentOrder", i);
            JsonNode entry = reader.requireObject(byOrder.get(i), at);
            reader.onlyFields(
                    entry,
                    at,
                    "FulfillmentOrderLineItemsInput",
                    List.of("fulfillmentOrderId", "fulfillmentOrderLineItems"));
            orderIds.add(reader.requireGid(entry, at, "fulfillmentOrderId", "FulfillmentOrder"));
            Map<String, Integer> units = new LinkedHashMap<>();
            JsonNode lines = entry.get("fulfillmentOrderLineItems");
            if (lines != null && !lines.isNull()) {
                List<Object> linesAt = InputProblem.Reader.append(at, "fulfillmentOrderLineItems");
                reader.requireList(entry, at, "fulfillmentOrderLineItems");
                for (int j = 0; j < lines.size(); j++) {
                    List<Object> lineAt = InputProblem.Reader.append(linesAt, j);
                    JsonNode line = reader.requireObject(lines.get(j), lineAt);
                    reader.onlyFields(line, lineAt, "FulfillmentOrderLineItemInput", List.of("id", "quantity"));
                    String id = reader.requireGid(line, lineAt, "id", "FulfillmentOrderLineItem");
                    units.merge(id, reader.requireInt(line, lineAt, "quantity"), Integer::sum);
                }
            }
            unitsByOrder.add(units);
        }
        ObjectNode tracking = Json.object();
        JsonNode trackingInfo = input.get("trackingInfo");
        if (trackingInfo != null && !trackingInfo.isNull()) {
            List<Object> at = List.of("trackingInfo");
            reader.requireObject(trackingInfo, at);
            reader.onlyFields(
                    trackingInfo,
                    at,
                    "FulfillmentTrackingInput",
                    List.of("company", "number", "numbers", "url", "urls"));
            putOrNull(tracking, "company", reader.optionalString(trackingInfo, at, "company"));
            putOrNull(tracking, "number", reader.optionalString(trackingInfo, at, "number"));
            putOrNull(tracking, "url", reader.optionalString(trackingInfo, at, "url"));
        }

        ArrayNode userErrors = Json.array();
        synchronized (store) {
            if (orderIds.isEmpty()) {
                userErrors.add(ShopifyErrors.userError(
                        List.of("fulfillment", "lineItemsByFulfillmentOrder"),
                        "At least one fulfillment order is required.",
                        null));
            }
            for (int i = 0; i < orderIds.size(); i++) {
                List<Object> at = List.of("fulfillment", "lineItemsByFulfillmentOrder", i, "fulfillmentOrderId");
                ShopifyStore.FulfillmentOrder order = store.fulfillmentOrder(orderIds.get(i));
                if (order == null) {
                    userErrors.add(ShopifyErrors.userError(at, "Fulfillment order does not exist.", null));
                } else if (order.closed) {
                    userErrors.add(ShopifyErrors.userError(
                            at, "Fulfillment order " + order.id + " has an unfulfillable status= closed.", null));
                } else {
                    String problem = unitsProblem(order, unitsByOrder.get(i));
                    if (problem != null) userErrors.add(ShopifyErrors.userError(at, problem, null));
                }
            }
            ObjectNode payload = Json.object();
            if (!userErrors.isEmpty()) {
                payload.set("fulfillment", NullNode.getInstance());
                payload.set("userErrors", userErrors);
                return payload;
            }
            ObjectNode fulfillment = Json.object()
                    .put("id", "gid://shopify/Fulfillment/" + store.nextId())
                    .put("status", "SUCCESS")
                    .put("createdAt", clock.instant().toString());
            fulfillment.putArray("trackingInfo").add(tracking);
            ArrayNode orders = fulfillment.putArray("fulfillmentOrderIds");
            for (int i = 0; i < orderIds.size(); i++) {
                ShopifyStore.FulfillmentOrder order = store.fulfillmentOrder(orderIds.get(i));
                fulfil(order, unitsByOrder.get(i));
                orders.add(order.id);
            }
            store.recordFulfillment(fulfillment.deepCopy());
            fulfillment.remove("fulfillmentOrderIds");
            payload.set("fulfillment", fulfillment);
            payload.set("userErrors", userErrors);
            return payload;
        }
    }

    /** Why the units asked for cannot be fulfilled from the order, or null. */
    private static String unitsProblem(ShopifyStore.FulfillmentOrder order, Map<String, Integer> units) {
        for (Map.Entry<String, Integer> asked : units.entrySet()) {
            ShopifyStore.LineItem line = order.lines.get(asked.getKey());
            if (line == null)
                return "Fulfillment order line item " + asked.getKey() + " is not part of " + order.id + ".";
            if (asked.getValue() < 1 || asked.getValue() > line.remaining) {
                return "Invalid quantity " + asked.getValue() + " for line item " + line.id + ": " + line.remaining
                        + " left to fulfill.";
            }
        }
        return null;
    }

    /** Takes the units (every unit left when none are named) and closes the order once nothing is left. */
    private static void fulfil(ShopifyStore.FulfillmentOrder order, Map<String, Integer> units) {
        if (units.isEmpty()) {
            order.lines.values().forEach(l -> l.remaining = 0);
        } else {
            units.forEach((id, n) -> order.lines.get(id).remaining -= n);
        }
        order.closed = order.lines.values().stream().allMatch(l -> l.remaining == 0);
    }

    private static void putOrNull(ObjectNode node, String field, String value) {
        if (value == null) node.set(field, NullNode.getInstance());
        else node.put(field, value);
    }
}

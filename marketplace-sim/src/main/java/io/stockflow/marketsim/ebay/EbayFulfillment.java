package io.stockflow.marketsim.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Reply;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sell Fulfillment API v1 {@code createShippingFulfillment}: a package of an order's line items with carrier and
 * tracking number; 201 with the new fulfillment's {@code Location}. Shipping more units of a line item than were
 * ordered is refused, so a shipment confirmed twice is refused the second time.
 */
final class EbayFulfillment {
    /** Fulfillment API: the order does not exist. */
    private static final int INVALID_ORDER = 32100;
    /** The simulator's id for an unusable fulfillment request (eBay documents none for it). */
    private static final int INVALID_REQUEST = 32800;

    private final EbayStore store;
    private final String accessToken;
    private final Clock clock;

    EbayFulfillment(EbayStore store, String accessToken, Clock clock) {
        this.store = store;
        this.accessToken = accessToken;
        this.clock = clock;
    }

    Reply createShippingFulfillment(Context ctx) {
        if (!EbayInventory.authorized(ctx, accessToken)) return EbayErrors.unauthorized();
        JsonNode body;
        try {
            body = Json.parse(ctx.body());
        } catch (Json.MalformedJson e) {
            return EbayErrors.invalid(
                    EbayErrors.FULFILLMENT,
                    INVALID_REQUEST,
                    "The request body could not be read as JSON: " + e.getMessage());
        }
        String orderId = ctx.pathParam("orderId");
        synchronized (store) {
            EbayStore.Order order = store.order(orderId);
            if (order == null) {
                return EbayErrors.reply(
                        404,
                        EbayErrors.entry(
                                INVALID_ORDER,
                                EbayErrors.FULFILLMENT,
                                "REQUEST",
                                "Invalid Order Id: " + orderId,
                                null));
            }
            String problem = problem(body, order);
            if (problem != null) return EbayErrors.invalid(EbayErrors.FULFILLMENT, INVALID_REQUEST, problem);
            String fulfillmentId = store.nextFulfillmentId();
            ObjectNode fulfillment = Json.object()
                    .put("fulfillmentId", fulfillmentId)
                    .put(
                            "shippedDate",
                            body.path("shippedDate").asText(clock.instant().toString()))
                    .put("shippingCarrierCode", body.path("shippingCarrierCode").asText(null))
                    .put("shipmentTrackingNumber", body.path("trackingNumber").asText(null));
            fulfillment.set("lineItems", body.get("lineItems"));
            for (JsonNode line : body.get("lineItems")) {
                order.shippedByLineItem.merge(
                        line.get("lineItemId").textValue(), line.get("quantity").intValue(), Integer::sum);
            }
            order.fulfillments.add(fulfillment);
            String location = ctx.scheme() + "://" + ctx.host() + "/sell/fulfillment/v1/order/" + orderId
                    + "/shipping_fulfillment/" + fulfillmentId;
            return Reply.json(201, Json.object()).withHeader("Location", location);
        }
    }

    /** {@code getOrder}: the order's line items (SKU, quantity, fulfilment status) and its cancellation status. */
    Reply getOrder(Context ctx) {
        if (!EbayInventory.authorized(ctx, accessToken)) return EbayErrors.unauthorized();
        synchronized (store) {
            EbayStore.Order order = store.order(ctx.pathParam("orderId"));
            if (order == null) return invalidOrder(ctx.pathParam("orderId"));
            ObjectNode answer = Json.object().put("orderId", order.orderId).put("legacyOrderId", order.legacyOrderId);
            boolean all = true;
            boolean any = false;
            var lines = answer.putArray("lineItems");
            for (var line : order.quantityByLineItem.entrySet()) {
                int shipped = order.shippedByLineItem.getOrDefault(line.getKey(), 0);
                all &= shipped >= line.getValue();
                any |= shipped > 0;
                ObjectNode item = lines.addObject().put("lineItemId", line.getKey());
                if (order.skuByLineItem.containsKey(line.getKey()))
                    item.put("sku", order.skuByLineItem.get(line.getKey()));
                item.put("quantity", line.getValue())
                        .put("lineItemFulfillmentStatus", shipped >= line.getValue() ? "FULFILLED" : "NOT_STARTED");
            }
            answer.put("orderFulfillmentStatus", all ? "FULFILLED" : any ? "IN_PROGRESS" : "NOT_STARTED");
            ObjectNode cancel = answer.putObject("cancelStatus")
                    .put("cancelState", order.cancellation == null ? "NONE_REQUESTED" : "CANCELED");
            var requests = cancel.putArray("cancelRequests");
            if (order.cancellation != null) requests.add(order.cancellation.deepCopy());
            return Reply.json(200, answer);
        }
    }

    /** {@code getShippingFulfillments}: every fulfillment made of the order, with carrier and tracking number. */
    Reply getShippingFulfillments(Context ctx) {
        if (!EbayInventory.authorized(ctx, accessToken)) return EbayErrors.unauthorized();
        synchronized (store) {
            EbayStore.Order order = store.order(ctx.pathParam("orderId"));
            if (order == null) return invalidOrder(ctx.pathParam("orderId"));
            ObjectNode answer = Json.object().put("total", order.fulfillments.size());
            var list = answer.putArray("fulfillments");
            order.fulfillments.forEach(f -> list.add(f.deepCopy()));
            return Reply.json(200, answer);
        }
    }

    private static Reply invalidOrder(String orderId) {
        return EbayErrors.reply(
                404,
                EbayErrors.entry(
                        INVALID_ORDER, EbayErrors.FULFILLMENT, "REQUEST", "Invalid Order Id: " + orderId, null));
    }

    private static String problem(JsonNode body, EbayStore.Order order) {
        if (!body.isObject()) return "The request body must be a JSON object.";
        JsonNode lines = body.get("lineItems");
        if (lines == null || !lines.isArray() || lines.isEmpty()) return "lineItems must be a non-empty array.";
        if (body.has("shippedDate")) {
            try {
                OffsetDateTime.parse(body.get("shippedDate").asText());
            } catch (DateTimeParseException e) {
                return "shippedDate must be an ISO 8601 timestamp, got "
                        + body.get("shippedDate").asText() + ".";
            }
        }
        if ((Json.textOrNull(body.get("trackingNumber")) == null)
                != (Json.textOrNull(body.get("shippingCarrierCode")) == null)) {
            return "trackingNumber and shippingCarrierCode go together: give both or neither.";
        }
        Map<String, Integer> asked = new LinkedHashMap<>();
        for (JsonNode line : lines) {
            String lineItemId = Json.textOrNull(line.get("lineItemId"));
            Integer quantity = Json.intOrNull(line.get("quantity"));
            if (lineItemId == null || quantity == null || quantity < 1)
                return "Each line item needs a lineItemId and a quantity of 1 or more.";
            if (!order.quantityByLineItem.containsKey(lineItemId))
                return "Line item " + lineItemId + " is not part of order " + order.orderId + ".";
            int total = asked.merge(lineItemId, quantity, Integer::sum)
                    + order.shippedByLineItem.getOrDefault(lineItemId, 0);
            if (total > order.quantityByLineItem.get(lineItemId)) {
                return "Line item " + lineItemId + " has " + order.quantityByLineItem.get(lineItemId)
                        + " units ordered; " + order.shippedByLineItem.getOrDefault(lineItemId, 0)
                        + " already shipped.";
            }
        }
        return null;
    }
}

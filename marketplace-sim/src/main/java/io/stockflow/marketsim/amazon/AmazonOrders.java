package io.stockflow.marketsim.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Reply;
import io.stockflow.marketsim.core.TokenBucket;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Orders API v0 {@code getOrder}: the order with its {@code MarketplaceId} and status. {@code getOrderItems}: the items of an order with their seller SKU and the units ordered and shipped.
 * {@code confirmShipment}: one package of an order with its carrier, tracking number, ship date and
 * items; 204 when accepted. Confirming the same {@code packageReferenceId} again edits that package, as Amazon
 * documents, so a repeated confirmation never makes a second shipment.
 */
final class AmazonOrders {
    private final AmazonStore store;
    private final String accessToken;
    private final TokenBucket bucket;
    private final TokenBucket itemsBucket;
    private final TokenBucket orderBucket;

    AmazonOrders(
            AmazonStore store,
            String accessToken,
            TokenBucket bucket,
            TokenBucket itemsBucket,
            TokenBucket orderBucket) {
        this.store = store;
        this.accessToken = accessToken;
        this.bucket = bucket;
        this.itemsBucket = itemsBucket;
        this.orderBucket = orderBucket;
    }

    Reply order(Context ctx) {
        if (!accessToken.equals(ctx.header("x-amz-access-token"))) return AmazonErrors.unauthorized();
        if (!orderBucket.tryTake().isZero()) return AmazonListings.headers(AmazonErrors.quotaExceeded(), orderBucket);
        String orderId = ctx.pathParam("orderId");
        synchronized (store) {
            AmazonStore.Order order = store.order(orderId);
            if (order == null) {
                return AmazonListings.headers(
                        AmazonErrors.error(404, "NotFound", "Order " + orderId + " was not found.", ""), orderBucket);
            }
            boolean shipped = order.quantityByItem.keySet().stream()
                    .allMatch(item -> order.shipped(item) >= order.quantityByItem.get(item));
            boolean started = order.quantityByItem.keySet().stream().anyMatch(item -> order.shipped(item) > 0);
            ObjectNode payload = Json.object()
                    .put("AmazonOrderId", order.orderId)
                    .put("MarketplaceId", order.marketplaceId)
                    .put("OrderStatus", shipped ? "Shipped" : started ? "PartiallyShipped" : "Unshipped")
                    .put("FulfillmentChannel", "MFN");
            return AmazonListings.headers(Reply.json(200, Json.object().set("payload", payload)), orderBucket);
        }
    }

    Reply orderItems(Context ctx) {
        if (!accessToken.equals(ctx.header("x-amz-access-token"))) return AmazonErrors.unauthorized();
        if (!itemsBucket.tryTake().isZero()) return AmazonListings.headers(AmazonErrors.quotaExceeded(), itemsBucket);
        String orderId = ctx.pathParam("orderId");
        synchronized (store) {
            AmazonStore.Order order = store.order(orderId);
            if (order == null) {
                return AmazonListings.headers(
                        AmazonErrors.error(404, "NotFound", "Order " + orderId + " was not found.", ""), itemsBucket);
            }
            ObjectNode payload = Json.object().put("AmazonOrderId", order.orderId);
            var items = payload.putArray("OrderItems");
            order.quantityByItem.forEach((itemId, quantity) -> {
                ObjectNode item = items.addObject().put("OrderItemId", itemId);
                if (order.skuByItem.containsKey(itemId)) item.put("SellerSKU", order.skuByItem.get(itemId));
                item.put("QuantityOrdered", quantity).put("QuantityShipped", order.shipped(itemId));
            });
            return AmazonListings.headers(Reply.json(200, Json.object().set("payload", payload)), itemsBucket);
        }
    }

    Reply confirmShipment(Context ctx) {
        if (!accessToken.equals(ctx.header("x-amz-access-token"))) return AmazonErrors.unauthorized();
        if (!bucket.tryTake().isZero()) return AmazonListings.headers(AmazonErrors.quotaExceeded(), bucket);
        JsonNode body;
        try {
            body = Json.parse(ctx.body());
        } catch (Json.MalformedJson e) {
            return answer(AmazonErrors.invalidInput("Request body is not valid JSON: " + e.getMessage()));
        }
        String orderId = ctx.pathParam("orderId");
        synchronized (store) {
            AmazonStore.Order order = store.order(orderId);
            if (order == null)
                return answer(AmazonErrors.error(404, "NotFound", "Order " + orderId + " was not found.", ""));
            String problem = problem(body, order);
            if (problem != null) return answer(AmazonErrors.invalidInput(problem));
            JsonNode detail = body.get("packageDetail");
            ObjectNode shipment = Json.object()
                    .put("packageReferenceId", detail.get("packageReferenceId").textValue())
                    .put("carrierCode", detail.get("carrierCode").textValue())
                    .put("trackingNumber", detail.get("trackingNumber").textValue())
                    .put("shipDate", detail.get("shipDate").textValue());
            if (Json.textOrNull(detail.get("carrierName")) != null)
                shipment.put("carrierName", detail.get("carrierName").textValue());
            if (Json.textOrNull(detail.get("shippingMethod")) != null)
                shipment.put("shippingMethod", detail.get("shippingMethod").textValue());
            shipment.set("orderItems", detail.get("orderItems"));
            order.packagesByReference.put(detail.get("packageReferenceId").textValue(), shipment);
            return answer(Reply.empty(204));
        }
    }

    private Reply answer(Reply reply) {
        return AmazonListings.headers(reply, bucket);
    }

    /** What the request gets wrong, or null. */
    private static String problem(JsonNode body, AmazonStore.Order order) {
        if (!body.isObject()) return "The request body must be a JSON object.";
        String marketplaceId = Json.textOrNull(body.get("marketplaceId"));
        if (marketplaceId == null) return "Required property 'marketplaceId' is absent.";
        if (!marketplaceId.equals(order.marketplaceId))
            return "Order " + order.orderId + " is not in marketplace " + marketplaceId + ".";
        JsonNode detail = body.get("packageDetail");
        if (detail == null || !detail.isObject()) return "Required property 'packageDetail' is absent.";
        String reference = Json.textOrNull(detail.get("packageReferenceId"));
        if (reference == null || !reference.matches("[1-9][0-9]*"))
            return "'packageReferenceId' must be a positive number.";
        String carrierCode = Json.textOrNull(detail.get("carrierCode"));
        if (carrierCode == null) return "Required property 'carrierCode' is absent.";
        if (carrierCode.equals("Other") && Json.textOrNull(detail.get("carrierName")) == null) {
            return "'carrierName' is required when 'carrierCode' is Other.";
        }
        if (Json.textOrNull(detail.get("trackingNumber")) == null)
            return "Required property 'trackingNumber' is absent.";
        String shipDate = Json.textOrNull(detail.get("shipDate"));
        if (shipDate == null) return "Required property 'shipDate' is absent.";
        try {
            OffsetDateTime.parse(shipDate);
        } catch (DateTimeParseException e) {
            return "'shipDate' must be an ISO 8601 date-time, got " + shipDate + ".";
        }
        JsonNode items = detail.get("orderItems");
        if (items == null || !items.isArray() || items.isEmpty()) return "'orderItems' must be a non-empty array.";
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (JsonNode item : items) {
            String itemId = Json.textOrNull(item.get("orderItemId"));
            Integer quantity = Json.intOrNull(item.get("quantity"));
            if (itemId == null || quantity == null || quantity < 1)
                return "Each order item needs an 'orderItemId' and a 'quantity' of 1 or more.";
            if (!order.quantityByItem.containsKey(itemId))
                return "Order item " + itemId + " is not part of order " + order.orderId + ".";
            if (seen.merge(itemId, quantity, Integer::sum) > order.quantityByItem.get(itemId)) {
                return "More units of order item " + itemId + " than were ordered.";
            }
        }
        return null;
    }
}

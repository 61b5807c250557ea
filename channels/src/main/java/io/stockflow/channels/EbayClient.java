package io.stockflow.channels;

import static io.stockflow.channels.PathSegments.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.channels.http.Attempted;
import io.stockflow.channels.http.RetryAfter;
import io.stockflow.channels.http.RetryableAnswer;
import io.stockflow.listing.Channel;
import io.stockflow.listing.Listing;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * eBay Sell APIs: Inventory {@code bulkUpdatePriceQuantity} (at most 25 requests a call, one per SKU with its offers'
 * {@code availableQuantity}; each offer answered on its own, so one offer over its listing's 250 revisions a day is
 * refused while the others go through), {@code getOffer} for reconciliation, Fulfillment
 * {@code createShippingFulfillment} for shipments.
 */
public final class EbayClient extends ResilientChannelClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    public EbayClient(ChannelSettings settings, Clock clock) {
        super(Channel.EBAY, settings, clock, ChannelSettings.ACCESS_TOKEN);
    }

    @Override
    public CompletableFuture<List<PushOutcome>> setQuantities(List<QuantityPush> pushes) {
        List<CompletableFuture<List<PushOutcome>>> batches = new ArrayList<>();
        for (List<QuantityPush> batch : Batches.of(pushes, settings.batchSize())) batches.add(bulkUpdate(batch));
        return Outcomes.concat(batches);
    }

    private CompletableFuture<List<PushOutcome>> bulkUpdate(List<QuantityPush> batch) {
        Map<String, ArrayNode> offersBySku = new LinkedHashMap<>();
        ObjectNode body = JSON.createObjectNode();
        ArrayNode requests = body.putArray("requests");
        for (QuantityPush push : batch) {
            String sku = push.listing().id("sku") != null
                    ? push.listing().id("sku")
                    : push.listing().sku();
            offersBySku
                    .computeIfAbsent(
                            sku, s -> requests.addObject().put("sku", s).putArray("offers"))
                    .addObject()
                    .put("offerId", push.listing().id("offer_id"))
                    .put("availableQuantity", push.quantity());
        }
        URI uri = settings.baseUrl().resolve("/sell/inventory/v1/bulk_update_price_quantity");
        return calls.call(
                        "bulkUpdatePriceQuantity",
                        () -> request(uri)
                                .header("Content-Type", "application/json")
                                .header("Content-Language", "en-US")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)),
                        response -> {
                            JsonNode root = read(response);
                            Map<String, String> refusedByOffer = new HashMap<>();
                            if (response.statusCode() != 200 && response.statusCode() != 207) {
                                String reason = errors(root.path("errors"), response.statusCode());
                                batch.forEach(
                                        p -> refusedByOffer.put(p.listing().id("offer_id"), reason));
                                return refusedByOffer;
                            }
                            for (JsonNode answer : root.path("responses")) {
                                int status = answer.path("statusCode").asInt();
                                if (status != 200) {
                                    refusedByOffer.put(
                                            answer.path("offerId").asText(), errors(answer.path("errors"), status));
                                }
                            }
                            return refusedByOffer;
                        })
                .handle((answer, failure) -> {
                    if (failure != null) return Outcomes.failed(batch, failure);
                    return batch.stream()
                            .map(push -> {
                                String refused =
                                        answer.answer().get(push.listing().id("offer_id"));
                                return refused == null
                                        ? PushOutcome.accepted(push, answer.attempts())
                                        : new PushOutcome(push, CallStatus.REFUSED, refused, answer.attempts());
                            })
                            .toList();
                });
    }

    @Override
    public CompletableFuture<Long> readQuantity(Listing listing, String target) {
        URI uri = settings.baseUrl().resolve("/sell/inventory/v1/offer/" + encode(listing.id("offer_id")));
        return QuantityRead.settle(calls.call("getOffer", () -> request(uri).GET(), response -> {
            JsonNode root = read(response);
            if (response.statusCode() != 200) {
                return QuantityRead.missing("ebay: " + errors(root.path("errors"), response.statusCode()));
            }
            return QuantityRead.of(root.path("availableQuantity").asLong());
        }));
    }

    /**
     * Reads the order ({@code getOrder}) for the line items of the SKUs shipped and, once anything of it has shipped,
     * its fulfillments ({@code getShippingFulfillments}): one with the shipment's tracking number means it is there
     * already. Otherwise {@code createShippingFulfillment}.
     */
    @Override
    public CompletableFuture<ShipmentOutcome> confirmShipment(Shipment shipment) {
        String order = "/sell/fulfillment/v1/order/" + encode(shipment.orderId());
        return get("getOrder", order)
                .thenCompose(read -> {
                    JsonNode root = read.answer();
                    if (root.isTextual())
                        return CompletableFuture.completedFuture(
                                ShipmentOutcome.refused(root.asText(), read.attempts()));
                    if ("NOT_STARTED".equals(root.path("orderFulfillmentStatus").asText()))
                        return create(shipment, root).thenApply(o -> o.after(read.attempts()));
                    return get("getShippingFulfillments", order + "/shipping_fulfillment")
                            .thenCompose(made -> {
                                int attempts = read.attempts() + made.attempts();
                                if (made.answer().isTextual())
                                    return CompletableFuture.completedFuture(ShipmentOutcome.refused(
                                            made.answer().asText(), attempts));
                                for (JsonNode f : made.answer().path("fulfillments")) {
                                    if (shipment.trackingNumber() != null
                                            && shipment.trackingNumber()
                                                    .equals(f.path("shipmentTrackingNumber")
                                                            .asText()))
                                        return CompletableFuture.completedFuture(ShipmentOutcome.found(attempts));
                                }
                                return create(shipment, root).thenApply(o -> o.after(attempts));
                            });
                })
                .exceptionally(Outcomes::failedShipment);
    }

    private CompletableFuture<ShipmentOutcome> create(Shipment shipment, JsonNode order) {
        ObjectNode body =
                JSON.createObjectNode().put("shippedDate", shipment.shippedAt().toString());
        if (shipment.carrier() != null && shipment.trackingNumber() != null) {
            body.put("shippingCarrierCode", shipment.carrier()).put("trackingNumber", shipment.trackingNumber());
        }
        ArrayNode lines = body.putArray("lineItems");
        List<String> unknown = new ArrayList<>();
        for (Shipment.Line line : shipment.lines()) {
            String lineItemId = null;
            for (JsonNode item : order.path("lineItems")) {
                if (line.sku().equals(item.path("sku").asText()))
                    lineItemId = item.path("lineItemId").asText();
            }
            if (lineItemId == null) unknown.add(line.sku());
            else lines.addObject().put("lineItemId", lineItemId).put("quantity", line.quantity());
        }
        if (!unknown.isEmpty()) {
            return CompletableFuture.completedFuture(ShipmentOutcome.refused(
                    "ebay: order " + shipment.orderId() + " has no line item of " + unknown, 0));
        }
        URI uri = settings.baseUrl()
                .resolve("/sell/fulfillment/v1/order/" + encode(shipment.orderId()) + "/shipping_fulfillment");
        return calls.call(
                        "createShippingFulfillment",
                        () -> request(uri)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)),
                        response -> {
                            JsonNode root = read(response);
                            return response.statusCode() == 201 || response.statusCode() == 200
                                    ? null
                                    : errors(root.path("errors"), response.statusCode());
                        })
                .thenApply(answer -> answer.answer() == null
                        ? ShipmentOutcome.accepted(answer.attempts())
                        : ShipmentOutcome.refused(
                                "ebay createShippingFulfillment: " + answer.answer(), answer.attempts()));
    }

    /**
     * Reads the order; one eBay shows cancelled is done. Otherwise the Post-Order API's seller cancellation, by the
     * order's legacy id, with the reason {@code OUT_OF_STOCK_OR_CANNOT_FULFILL} (the API takes a reason code, no
     * text). The Post-Order API takes the OAuth token as {@code IAF}.
     */
    @Override
    public CompletableFuture<ShipmentOutcome> cancelOrder(Cancellation cancellation) {
        return get("getOrder", "/sell/fulfillment/v1/order/" + encode(cancellation.orderId()))
                .thenCompose(read -> {
                    JsonNode root = read.answer();
                    if (root.isTextual())
                        return CompletableFuture.completedFuture(
                                ShipmentOutcome.refused(root.asText(), read.attempts()));
                    if ("CANCELED"
                            .equals(root.path("cancelStatus")
                                    .path("cancelState")
                                    .asText()))
                        return CompletableFuture.completedFuture(ShipmentOutcome.found(read.attempts()));
                    ObjectNode body = JSON.createObjectNode()
                            .put("legacyOrderId", root.path("legacyOrderId").asText(cancellation.orderId()))
                            .put("cancelReason", "OUT_OF_STOCK_OR_CANNOT_FULFILL");
                    URI uri = settings.baseUrl().resolve("/post-order/v2/cancellation");
                    return calls.call(
                                    "createCancellation",
                                    () -> HttpRequest.newBuilder(uri)
                                            .header("Accept", "application/json")
                                            .header("Content-Type", "application/json")
                                            .header(
                                                    "Authorization",
                                                    "IAF "
                                                            + settings.credential(ChannelSettings.ACCESS_TOKEN)
                                                                    .reveal())
                                            .header("X-EBAY-C-MARKETPLACE-ID", marketplace())
                                            .POST(HttpRequest.BodyPublishers.ofString(
                                                    body.toString(), StandardCharsets.UTF_8)),
                                    response -> {
                                        JsonNode answer = read(response);
                                        return response.statusCode() == 201 || response.statusCode() == 200
                                                ? null
                                                : errors(answer.path("error"), response.statusCode());
                                    })
                            .thenApply(answer -> (answer.answer() == null
                                            ? ShipmentOutcome.accepted(answer.attempts())
                                            : ShipmentOutcome.refused(
                                                    "ebay cancellation: " + answer.answer(), answer.attempts()))
                                    .after(read.attempts()));
                })
                .exceptionally(Outcomes::failedShipment);
    }

    private String marketplace() {
        return settings.marketplaceIds().isEmpty()
                ? "EBAY_US"
                : settings.marketplaceIds().get(0);
    }

    /** A Fulfillment API read: its JSON, or a text node with the reason when eBay refused it. */
    private CompletableFuture<Attempted<JsonNode>> get(String operation, String path) {
        URI uri = settings.baseUrl().resolve(path);
        return calls.call(operation, () -> request(uri).GET(), response -> {
            JsonNode root = read(response);
            return response.statusCode() == 200
                    ? root
                    : JSON.getNodeFactory()
                            .textNode("ebay " + operation + ": " + errors(root.path("errors"), response.statusCode()));
        });
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .header(
                        "Authorization",
                        "Bearer "
                                + settings.credential(ChannelSettings.ACCESS_TOKEN)
                                        .reveal());
    }

    private JsonNode read(HttpResponse<String> response) throws RetryableAnswer {
        JsonNode root = Json.read(response.body());
        RetryableAnswer retry = RetryableAnswer.ofStatus(
                response.statusCode(),
                errors(root.path("errors"), response.statusCode()),
                RetryAfter.of(response, clock));
        if (retry != null) throw retry;
        return root;
    }

    /** eBay's error entries as {@code errorId: message}, after the HTTP status. */
    private static String errors(JsonNode errors, int status) {
        List<String> parts = new ArrayList<>();
        errors.forEach(e ->
                parts.add(e.path("errorId").asText() + ": " + e.path("message").asText()));
        return status + (parts.isEmpty() ? "" : " " + String.join("; ", parts));
    }
}

package io.stockflow.channels;

import static io.stockflow.channels.PathSegments.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.channels.http.RetryAfter;
import io.stockflow.channels.http.RetryableAnswer;
import io.stockflow.listing.Channel;
import io.stockflow.listing.Listing;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Amazon Selling Partner API: Listings Items 2021-08-01 {@code patchListingsItem} replacing
 * {@code /attributes/fulfillment_availability} (one call per SKU and marketplace: the API has no batch for it),
 * {@code getListingsItem} with {@code includedData=fulfillmentAvailability} for reconciliation, and Orders v0
 * {@code getOrder}, {@code getOrderItems} and {@code confirmShipment}. A shipment is confirmed in the order's own
 * marketplace, as {@code getOrder} names it ({@code MarketplaceId}): an order of amazon.de confirmed under amazon.com's
 * id is refused. A 429 {@code QuotaExceeded} waits for {@code Retry-After} when given, else for one
 * request's share of the usage plan's rate ({@code x-amzn-RateLimit-Limit}).
 */
public final class AmazonClient extends ResilientChannelClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The product type sent with a quantity patch; Amazon takes PRODUCT for offer-only attributes. */
    static final String PRODUCT_TYPE = "PRODUCT";
    /** Merchant-fulfilled stock: the quantity the shop's own warehouses keep. */
    static final String MERCHANT_FULFILLED = "DEFAULT";
    /** Carrier codes Amazon knows by name; any other carrier is sent as Other with its name. */
    private static final Set<String> CARRIER_CODES = Set.of(
            "UPS",
            "USPS",
            "FedEx",
            "DHL",
            "DHL eCommerce",
            "Royal Mail",
            "Deutsche Post",
            "DPD",
            "GLS",
            "Hermes",
            "Canada Post",
            "OnTrac",
            "Amazon Shipping");

    public AmazonClient(ChannelSettings settings, Clock clock) {
        super(Channel.AMAZON, withMarketplace(settings), clock, ChannelSettings.ACCESS_TOKEN);
    }

    /** The settings, once they name a marketplace: checked before the client's calls and threads exist. */
    private static ChannelSettings withMarketplace(ChannelSettings settings) {
        if (settings.marketplaceIds().isEmpty()) {
            throw new IllegalArgumentException(
                    "amazon needs at least one marketplace id (channels.amazon.marketplace-ids)");
        }
        return settings;
    }

    @Override
    public CompletableFuture<List<PushOutcome>> setQuantities(List<QuantityPush> pushes) {
        List<CompletableFuture<PushOutcome>> outcomes =
                pushes.stream().map(this::push).toList();
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenApply(
                        done -> outcomes.stream().map(CompletableFuture::join).toList());
    }

    /** One patch per marketplace the push targets; accepted only when every marketplace took it. */
    private CompletableFuture<PushOutcome> push(QuantityPush push) {
        List<String> marketplaces = push.target() != null ? List.of(push.target()) : settings.marketplaceIds();
        List<CompletableFuture<PushOutcome>> perMarketplace = new ArrayList<>();
        for (String marketplace : marketplaces) perMarketplace.add(patch(push, marketplace));
        return CompletableFuture.allOf(perMarketplace.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    List<PushOutcome> each =
                            perMarketplace.stream().map(CompletableFuture::join).toList();
                    int attempts = each.stream().mapToInt(PushOutcome::attempts).sum();
                    CallStatus worst = each.stream()
                            .map(PushOutcome::status)
                            .max(Comparator.comparingInt(AmazonClient::severity))
                            .orElse(CallStatus.ACCEPTED);
                    List<String> reasons = new ArrayList<>();
                    for (int i = 0; i < each.size(); i++) {
                        if (each.get(i).reason() != null)
                            reasons.add(marketplaces.get(i) + ": " + each.get(i).reason());
                    }
                    return new PushOutcome(
                            push, worst, reasons.isEmpty() ? null : String.join("; ", reasons), attempts);
                });
    }

    private static int severity(CallStatus status) {
        return switch (status) {
            case ACCEPTED -> 0;
            case STALE -> 1;
            case REFUSED -> 2;
            case FAILED -> 3;
        };
    }

    private CompletableFuture<PushOutcome> patch(QuantityPush push, String marketplace) {
        ObjectNode body = JSON.createObjectNode().put("productType", PRODUCT_TYPE);
        ArrayNode value = body.putArray("patches")
                .addObject()
                .put("op", "replace")
                .put("path", "/attributes/fulfillment_availability")
                .putArray("value");
        value.addObject().put("fulfillment_channel_code", MERCHANT_FULFILLED).put("quantity", push.quantity());
        URI uri = item(push.listing(), marketplace, null);
        return calls.call(
                        "patchListingsItem",
                        () -> request(uri)
                                .header("Content-Type", "application/json")
                                .method(
                                        "PATCH",
                                        HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)),
                        response -> {
                            JsonNode root = read(response);
                            if (response.statusCode() != 200) return refusal(root, response.statusCode());
                            if ("ACCEPTED".equals(root.path("status").asText())) return null;
                            List<String> issues = new ArrayList<>();
                            root.path("issues")
                                    .forEach(i -> issues.add(i.path("code").asText() + ": "
                                            + i.path("message").asText()));
                            return root.path("status").asText() + " " + String.join("; ", issues);
                        })
                .handle((answer, failure) -> {
                    if (failure != null)
                        return Outcomes.failed(List.of(push), failure).get(0);
                    return answer.answer() == null
                            ? PushOutcome.accepted(push, answer.attempts())
                            : new PushOutcome(push, CallStatus.REFUSED, answer.answer(), answer.attempts());
                });
    }

    @Override
    public CompletableFuture<Long> readQuantity(Listing listing, String target) {
        String marketplace = target != null ? target : settings.marketplaceIds().get(0);
        URI uri = item(listing, marketplace, "fulfillmentAvailability");
        return QuantityRead.settle(calls.call(
                "getListingsItem", () -> request(uri).GET(), response -> {
                    JsonNode root = read(response);
                    if (response.statusCode() != 200)
                        return QuantityRead.missing("amazon: " + refusal(root, response.statusCode()));
                    for (JsonNode availability : root.path("fulfillmentAvailability")) {
                        if (MERCHANT_FULFILLED.equals(
                                availability.path("fulfillmentChannelCode").asText())) {
                            return QuantityRead.of(availability.path("quantity").asLong());
                        }
                    }
                    return QuantityRead.missing(
                            "amazon: " + listing.id("seller_sku") + " has no merchant-fulfilled quantity");
                }));
    }

    /**
     * Reads the order ({@code getOrder}) for its marketplace and its items ({@code getOrderItems}) for the ids of the
     * SKUs shipped, then confirms the package in that marketplace. Its {@code packageReferenceId} comes from the
     * shipment's id, so a confirmation sent again edits the same package instead of adding one: Amazon's own way to
     * make it once.
     */
    @Override
    public CompletableFuture<ShipmentOutcome> confirmShipment(Shipment shipment) {
        URI orderUri = settings.baseUrl().resolve("/orders/v0/orders/" + encode(shipment.orderId()));
        return calls.call("getOrder", () -> request(orderUri).GET(), response -> {
                    JsonNode root = read(response);
                    String marketplace =
                            root.path("payload").path("MarketplaceId").asText("");
                    if (response.statusCode() != 200)
                        return OrderRead.refused("amazon getOrder: " + refusal(root, response.statusCode()));
                    return marketplace.isBlank()
                            ? OrderRead.refused(
                                    "amazon getOrder: order " + shipment.orderId() + " names no MarketplaceId")
                            : new OrderRead(marketplace, null);
                })
                .thenCompose(order -> {
                    OrderRead read = order.answer();
                    if (read.refusal() != null)
                        return CompletableFuture.completedFuture(
                                ShipmentOutcome.refused(read.refusal(), order.attempts()));
                    return confirmIn(shipment, read.marketplace()).thenApply(o -> o.after(order.attempts()));
                })
                .exceptionally(Outcomes::failedShipment);
    }

    /** What {@code getOrder} says: the order's marketplace, or why it cannot be read. */
    private record OrderRead(String marketplace, String refusal) {
        static OrderRead refused(String refusal) {
            return new OrderRead(null, refusal);
        }
    }

    /** Finds the order items of the SKUs shipped, then confirms the package in the order's {@code marketplace}. */
    private CompletableFuture<ShipmentOutcome> confirmIn(Shipment shipment, String marketplace) {
        URI itemsUri = settings.baseUrl().resolve("/orders/v0/orders/" + encode(shipment.orderId()) + "/orderItems");
        return calls.call("getOrderItems", () -> request(itemsUri).GET(), response -> {
                    JsonNode root = read(response);
                    return response.statusCode() == 200
                            ? root.path("payload")
                            : JSON.getNodeFactory()
                                    .textNode("amazon getOrderItems: " + refusal(root, response.statusCode()));
                })
                .thenCompose(read -> {
                    JsonNode payload = read.answer();
                    if (payload.isTextual())
                        return CompletableFuture.completedFuture(
                                ShipmentOutcome.refused(payload.asText(), read.attempts()));
                    ArrayNode items = JSON.createArrayNode();
                    List<String> unknown = new ArrayList<>();
                    for (Shipment.Line line : shipment.lines()) {
                        String itemId = null;
                        for (JsonNode item : payload.path("OrderItems")) {
                            if (line.sku().equals(item.path("SellerSKU").asText()))
                                itemId = item.path("OrderItemId").asText();
                        }
                        if (itemId == null) unknown.add(line.sku());
                        else items.addObject().put("orderItemId", itemId).put("quantity", line.quantity());
                    }
                    if (!unknown.isEmpty()) {
                        return CompletableFuture.completedFuture(ShipmentOutcome.refused(
                                "amazon: order " + shipment.orderId() + " has no item of " + unknown, read.attempts()));
                    }
                    return confirm(shipment, marketplace, items).thenApply(o -> o.after(read.attempts()));
                });
    }

    private CompletableFuture<ShipmentOutcome> confirm(Shipment shipment, String marketplace, ArrayNode items) {
        ObjectNode body = JSON.createObjectNode().put("marketplaceId", marketplace);
        ObjectNode detail = body.putObject("packageDetail")
                .put("packageReferenceId", Long.toString(shipment.packageReference()))
                .put("trackingNumber", shipment.trackingNumber())
                .put("shipDate", shipment.shippedAt().toString());
        if (shipment.carrier() != null && CARRIER_CODES.contains(shipment.carrier())) {
            detail.put("carrierCode", shipment.carrier());
        } else {
            detail.put("carrierCode", "Other").put("carrierName", shipment.carrier());
        }
        detail.set("orderItems", items);
        URI uri =
                settings.baseUrl().resolve("/orders/v0/orders/" + encode(shipment.orderId()) + "/shipmentConfirmation");
        return calls.call(
                        "confirmShipment",
                        () -> request(uri)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)),
                        response -> {
                            if (response.statusCode() == 204 || response.statusCode() == 200) return null;
                            return refusal(read(response), response.statusCode());
                        })
                .thenApply(answer -> answer.answer() == null
                        ? ShipmentOutcome.accepted(answer.attempts())
                        : ShipmentOutcome.refused("amazon confirmShipment: " + answer.answer(), answer.attempts()));
    }

    /**
     * Not through the API: the Orders API has no seller cancellation; a seller cancels an order with an order
     * acknowledgement feed (Feeds API), which stockflow does not send. Refused at once, with that said.
     */
    @Override
    public CompletableFuture<ShipmentOutcome> cancelOrder(Cancellation cancellation) {
        return CompletableFuture.completedFuture(ShipmentOutcome.refused(
                "amazon: the Orders API has no seller cancellation (it takes an order acknowledgement feed);"
                        + " cancel order " + cancellation.orderId() + " in Seller Central",
                0));
    }

    private URI item(Listing listing, String marketplace, String includedData) {
        String path = "/listings/2021-08-01/items/" + encode(settings.sellerId()) + "/"
                + encode(listing.id("seller_sku")) + "?marketplaceIds=" + encode(marketplace);
        if (includedData != null) path += "&includedData=" + includedData;
        return settings.baseUrl().resolve(path);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .header(
                        "x-amz-access-token",
                        settings.credential(ChannelSettings.ACCESS_TOKEN).reveal());
    }

    /** The answer's JSON, or the reason to try again: 429 (waiting as Amazon says) and 5xx. */
    private JsonNode read(HttpResponse<String> response) throws RetryableAnswer {
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            JsonNode root = Json.read(response.body());
            Duration wait = RetryAfter.of(response, clock);
            if (wait == null && status == 429) wait = oneRequestOf(response);
            throw RetryableAnswer.ofStatus(
                    status,
                    status + " " + root.path("errors").path(0).path("code").asText(""),
                    wait);
        }
        return Json.read(response.body());
    }

    /** The time one request takes of the usage plan's rate, from {@code x-amzn-RateLimit-Limit}; null without it. */
    private static Duration oneRequestOf(HttpResponse<String> response) {
        try {
            double perSecond = Double.parseDouble(
                    response.headers().firstValue("x-amzn-RateLimit-Limit").orElse(""));
            return perSecond > 0 ? Duration.ofMillis((long) Math.ceil(1000 / perSecond)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String refusal(JsonNode root, int status) {
        JsonNode error = root.path("errors").path(0);
        return status + " " + error.path("code").asText("") + ": "
                + error.path("message").asText("");
    }
}

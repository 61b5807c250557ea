package io.stockflow.channels;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Shopify Admin GraphQL: {@code inventorySetQuantities} with the quantity named {@code available}, absolute, in
 * batches of quantities per mutation, behind compare-and-set (each quantity carries the one the sync believes is there
 * as {@code changeFromQuantity} from 2026-01, and as {@code compareQuantity} before 2026-04); the {@code inventoryLevel}
 * read; the {@code order} read, {@code fulfillmentCreate} for shipments and {@code orderCancel} for cancellations. A mutation applies all its quantities or none: when some are refused
 * (a stale compare-and-set, an unknown item), those are reported and the others go again in a new mutation. A
 * {@code THROTTLED} answer waits until the cost bucket has restored what the call costs.
 */
public final class ShopifyClient extends ResilientChannelClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STALE_CHANGE_FROM = "CHANGE_FROM_QUANTITY_STALE";
    private static final String STALE_COMPARE = "COMPARE_QUANTITY_STALE";

    private final ShopifyVersion version;
    private final URI endpoint;

    public ShopifyClient(ChannelSettings settings, Clock clock) {
        this(settings, clock, ShopifyVersion.of(settings.apiVersion()));
    }

    /** With the API version read first: a version Shopify does not have is refused before any call exists. */
    private ShopifyClient(ChannelSettings settings, Clock clock, ShopifyVersion version) {
        super(Channel.SHOPIFY, settings, clock, ChannelSettings.ACCESS_TOKEN);
        this.version = version;
        this.endpoint = settings.baseUrl().resolve("/admin/api/" + version.name() + "/graphql.json");
    }

    @Override
    public CompletableFuture<List<PushOutcome>> setQuantities(List<QuantityPush> pushes) {
        List<CompletableFuture<List<PushOutcome>>> batches = new ArrayList<>();
        for (List<QuantityPush> batch : Batches.of(pushes, settings.batchSize())) {
            if (version.hasChangeFrom()) {
                batches.add(setBatch(batch));
            } else {
                // Before 2026-01 an unchecked set needs ignoreCompareQuantity on the whole input: its own mutation.
                List<QuantityPush> checked =
                        batch.stream().filter(p -> p.expected() != null).toList();
                List<QuantityPush> unchecked =
                        batch.stream().filter(p -> p.expected() == null).toList();
                if (!checked.isEmpty()) batches.add(setBatch(checked));
                if (!unchecked.isEmpty()) batches.add(setBatch(unchecked));
            }
        }
        return Outcomes.concat(batches).thenApply(outcomes -> inOrder(pushes, outcomes));
    }

    /** The outcomes in the order of the pushes, whatever order the mutations answered in. */
    private static List<PushOutcome> inOrder(List<QuantityPush> pushes, List<PushOutcome> outcomes) {
        Map<QuantityPush, List<PushOutcome>> byPush = new HashMap<>();
        outcomes.forEach(
                o -> byPush.computeIfAbsent(o.push(), p -> new ArrayList<>()).add(o));
        return pushes.stream().map(p -> byPush.get(p).remove(0)).toList();
    }

    /**
     * One mutation for the batch; the pushes it refuses one by one are reported, and the rest go again until a mutation
     * applies them or refuses them all. Each round drops at least one push, so it ends.
     */
    private CompletableFuture<List<PushOutcome>> setBatch(List<QuantityPush> batch) {
        ObjectNode body = setBody(batch);
        return calls.call("inventorySetQuantities", () -> post(body), this::readSet)
                .handle((answer, failure) -> {
                    if (failure != null) return CompletableFuture.completedFuture(Outcomes.failed(batch, failure));
                    SetAnswer set = answer.answer();
                    int attempts = answer.attempts();
                    List<PushOutcome> done = new ArrayList<>();
                    if (set.whole() != null) {
                        batch.forEach(p -> done.add(new PushOutcome(p, CallStatus.REFUSED, set.whole(), attempts)));
                        return CompletableFuture.completedFuture(done);
                    }
                    List<QuantityPush> again = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) {
                        Refusal refusal = set.byIndex().get(i);
                        if (refusal != null)
                            done.add(new PushOutcome(batch.get(i), refusal.status(), refusal.reason(), attempts));
                        else if (set.byIndex().isEmpty()) done.add(PushOutcome.accepted(batch.get(i), attempts));
                        else again.add(batch.get(i));
                    }
                    if (again.isEmpty()) return CompletableFuture.completedFuture(done);
                    return setBatch(again).thenApply(rest -> {
                        List<PushOutcome> all = new ArrayList<>(done);
                        rest.forEach(o ->
                                all.add(new PushOutcome(o.push(), o.status(), o.reason(), o.attempts() + attempts)));
                        return all;
                    });
                })
                .thenCompose(f -> f);
    }

    private ObjectNode setBody(List<QuantityPush> batch) {
        ObjectNode input = JSON.createObjectNode().put("name", "available").put("reason", "correction");
        boolean unchecked = batch.stream().anyMatch(p -> p.expected() == null);
        if (version.hasCompareQuantity() && !version.hasChangeFrom() && unchecked) {
            input.put("ignoreCompareQuantity", true);
        }
        ArrayNode quantities = input.putArray("quantities");
        StringBuilder versions = new StringBuilder();
        for (QuantityPush push : batch) {
            ObjectNode q = quantities
                    .addObject()
                    .put("inventoryItemId", push.listing().id("inventory_item_id"))
                    .put("locationId", push.target())
                    .put("quantity", push.quantity());
            if (version.hasChangeFrom()) {
                if (push.expected() == null) q.putNull("changeFromQuantity");
                else q.put("changeFromQuantity", push.expected());
            }
            if (version.hasCompareQuantity() && push.expected() != null) q.put("compareQuantity", push.expected());
            versions.append(push.version()).append(',');
        }
        ObjectNode variables = JSON.createObjectNode();
        variables.set("input", input);
        ObjectNode body = JSON.createObjectNode();
        if (version.hasIdempotency()) {
            // The same input and versions make the same key: a retry is one intent; a later push is a new one.
            String key = UUID.nameUUIDFromBytes((input + "|" + versions).getBytes(StandardCharsets.UTF_8))
                    .toString();
            variables.put("idempotencyKey", key);
            body.put("query", ShopifyDocuments.SET_QUANTITIES_IDEMPOTENT);
        } else {
            body.put("query", ShopifyDocuments.SET_QUANTITIES);
        }
        body.set("variables", variables);
        return body;
    }

    /** How one quantity of a mutation was refused. */
    private record Refusal(CallStatus status, String reason) {}

    /** A mutation's answer: refused whole (with the reason), or the refusals by quantity index (none: applied). */
    private record SetAnswer(String whole, Map<Integer, Refusal> byIndex) {}

    private SetAnswer readSet(HttpResponse<String> response) throws RetryableAnswer {
        JsonNode root = readGraphql(response);
        if (root.has("errors")) return new SetAnswer(errorsText(root.get("errors")), Map.of());
        JsonNode payload = root.path("data").path("inventorySetQuantities");
        Map<Integer, Refusal> byIndex = new HashMap<>();
        String whole = null;
        for (JsonNode error : payload.path("userErrors")) {
            String code = error.path("code").asText("");
            String reason =
                    (code.isEmpty() ? "" : code + ": ") + error.path("message").asText("");
            JsonNode field = error.path("field");
            Integer index =
                    field.size() >= 3 && "quantities".equals(field.get(1).asText())
                            ? Integer.valueOf(field.get(2).asInt())
                            : null;
            if (index == null) {
                whole = whole == null ? reason : whole + "; " + reason;
            } else {
                boolean stale = code.equals(STALE_CHANGE_FROM) || code.equals(STALE_COMPARE);
                byIndex.merge(
                        index,
                        new Refusal(stale ? CallStatus.STALE : CallStatus.REFUSED, reason),
                        (a, b) -> new Refusal(
                                a.status() == CallStatus.STALE ? a.status() : b.status(),
                                a.reason() + "; " + b.reason()));
            }
        }
        return new SetAnswer(whole, byIndex);
    }

    @Override
    public CompletableFuture<Long> readQuantity(Listing listing, String target) {
        ObjectNode body = JSON.createObjectNode().put("query", ShopifyDocuments.AVAILABLE);
        body.putObject("variables").put("item", listing.id("inventory_item_id")).put("location", target);
        return QuantityRead.settle(calls.call("inventoryItem", () -> post(body), response -> {
            JsonNode root = readGraphql(response);
            if (root.has("errors"))
                return QuantityRead.missing("shopify inventoryItem: " + errorsText(root.get("errors")));
            JsonNode level = root.path("data").path("inventoryItem").path("inventoryLevel");
            for (JsonNode quantity : level.path("quantities")) {
                if ("available".equals(quantity.path("name").asText()))
                    return QuantityRead.of(quantity.path("quantity").asLong());
            }
            return QuantityRead.missing(
                    "shopify: inventory item " + listing.id("inventory_item_id") + " is not stocked at " + target);
        }));
    }

    /**
     * Reads the order's fulfillment orders and fulfillments; a fulfillment with the shipment's tracking number means
     * it is there already. Otherwise the SKUs' units are taken from the open fulfillment orders' line items that have
     * units left, and {@code fulfillmentCreate} ships them with the tracking information.
     */
    @Override
    public CompletableFuture<ShipmentOutcome> confirmShipment(Shipment shipment) {
        return readOrder(shipment.orderId())
                .thenCompose(read -> {
                    JsonNode order = read.answer();
                    if (order.isTextual())
                        return CompletableFuture.completedFuture(
                                ShipmentOutcome.refused(order.asText(), read.attempts()));
                    if (hasTracking(order, shipment.trackingNumber()))
                        return CompletableFuture.completedFuture(ShipmentOutcome.found(read.attempts()));
                    ObjectNode fulfillment = fulfillmentInput(order, shipment);
                    if (fulfillment == null) {
                        return CompletableFuture.completedFuture(ShipmentOutcome.refused(
                                "shopify: order " + shipment.orderId() + " has no units left to fulfil of "
                                        + shipment.lines(),
                                read.attempts()));
                    }
                    ObjectNode body = JSON.createObjectNode().put("query", ShopifyDocuments.FULFILLMENT_CREATE);
                    body.putObject("variables").set("fulfillment", fulfillment);
                    return mutate("fulfillmentCreate", body, "userErrors").thenApply(o -> o.after(read.attempts()));
                })
                .exceptionally(Outcomes::failedShipment);
    }

    /** Cancels with reason INVENTORY and the reason as staff note; refunds, restocks nothing (stockflow sets stock). */
    @Override
    public CompletableFuture<ShipmentOutcome> cancelOrder(Cancellation cancellation) {
        return readOrder(cancellation.orderId())
                .thenCompose(read -> {
                    JsonNode order = read.answer();
                    if (order.isTextual())
                        return CompletableFuture.completedFuture(
                                ShipmentOutcome.refused(order.asText(), read.attempts()));
                    if (!order.path("cancelledAt").isNull()
                            && !order.path("cancelledAt").isMissingNode())
                        return CompletableFuture.completedFuture(ShipmentOutcome.found(read.attempts()));
                    ObjectNode body = JSON.createObjectNode().put("query", ShopifyDocuments.ORDER_CANCEL);
                    body.putObject("variables")
                            .put("orderId", orderGid(cancellation.orderId()))
                            .put("reason", "INVENTORY")
                            .put("refund", true)
                            .put("restock", false)
                            .put("notifyCustomer", true)
                            .put("staffNote", truncate(cancellation.reason(), 255));
                    return mutate("orderCancel", body, "orderCancelUserErrors")
                            .thenApply(o -> o.after(read.attempts()));
                })
                .exceptionally(Outcomes::failedShipment);
    }

    /** The order as {@code order(id)} answers it; a text node with the reason when Shopify does not know it. */
    private CompletableFuture<Attempted<JsonNode>> readOrder(String orderId) {
        ObjectNode body = JSON.createObjectNode().put("query", ShopifyDocuments.ORDER);
        body.putObject("variables").put("id", orderGid(orderId));
        return calls.call("order", () -> post(body), response -> {
            JsonNode root = readGraphql(response);
            if (root.has("errors"))
                return JSON.getNodeFactory().textNode("shopify order: " + errorsText(root.get("errors")));
            JsonNode order = root.path("data").path("order");
            return order.isObject()
                    ? order
                    : JSON.getNodeFactory().textNode("shopify: order " + orderId + " does not exist");
        });
    }

    /** A mutation whose payload reports refusals in {@code errorsField}. */
    private CompletableFuture<ShipmentOutcome> mutate(String operation, ObjectNode body, String errorsField) {
        return calls.call(operation, () -> post(body), response -> {
                    JsonNode root = readGraphql(response);
                    if (root.has("errors")) return errorsText(root.get("errors"));
                    JsonNode errors = root.path("data").path(operation).path(errorsField);
                    if (errors.isEmpty()) return null;
                    List<String> messages = new ArrayList<>();
                    errors.forEach(e -> messages.add(e.path("message").asText()));
                    return String.join("; ", messages);
                })
                .thenApply(answer -> answer.answer() == null
                        ? ShipmentOutcome.accepted(answer.attempts())
                        : ShipmentOutcome.refused("shopify " + operation + ": " + answer.answer(), answer.attempts()));
    }

    private static boolean hasTracking(JsonNode order, String trackingNumber) {
        if (trackingNumber == null) return false;
        for (JsonNode fulfillment : order.path("fulfillments")) {
            for (JsonNode tracking : fulfillment.path("trackingInfo")) {
                if (trackingNumber.equals(tracking.path("number").asText(null))) return true;
            }
        }
        return false;
    }

    /**
     * The {@code FulfillmentInput}: each SKU's units taken from the open fulfillment orders' line items with units
     * left, in the order Shopify lists them; null when none of the units can be taken.
     */
    private static ObjectNode fulfillmentInput(JsonNode order, Shipment shipment) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        shipment.lines().forEach(l -> wanted.merge(l.sku(), l.quantity(), Integer::sum));
        ObjectNode fulfillment = JSON.createObjectNode().put("notifyCustomer", true);
        ArrayNode byOrder = fulfillment.putArray("lineItemsByFulfillmentOrder");
        for (JsonNode fo : order.path("fulfillmentOrders").path("nodes")) {
            String status = fo.path("status").asText();
            if (!status.equals("OPEN") && !status.equals("IN_PROGRESS")) continue;
            ArrayNode lines = JSON.createArrayNode();
            for (JsonNode line : fo.path("lineItems").path("nodes")) {
                int left = wanted.getOrDefault(line.path("sku").asText(), 0);
                int take = Math.min(left, line.path("remainingQuantity").asInt());
                if (take <= 0) continue;
                lines.addObject().put("id", line.path("id").asText()).put("quantity", take);
                wanted.put(line.path("sku").asText(), left - take);
            }
            if (!lines.isEmpty()) {
                byOrder.addObject()
                        .put("fulfillmentOrderId", fo.path("id").asText())
                        .set("fulfillmentOrderLineItems", lines);
            }
        }
        if (byOrder.isEmpty()) return null;
        if (shipment.trackingNumber() != null || shipment.carrier() != null) {
            ObjectNode tracking = fulfillment.putObject("trackingInfo");
            if (shipment.carrier() != null) tracking.put("company", shipment.carrier());
            if (shipment.trackingNumber() != null) tracking.put("number", shipment.trackingNumber());
            if (shipment.trackingUrl() != null) tracking.put("url", shipment.trackingUrl());
        }
        return fulfillment;
    }

    private static String orderGid(String orderId) {
        return orderId.startsWith("gid://") ? orderId : "gid://shopify/Order/" + orderId;
    }

    static String truncate(String text, int max) {
        if (text == null) return null;
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private HttpRequest.Builder post(ObjectNode body) {
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header(
                        "X-Shopify-Access-Token",
                        settings.credential(ChannelSettings.ACCESS_TOKEN).reveal())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    }

    /**
     * A GraphQL answer, or the reason to try again: 429 and 5xx by status; a {@code THROTTLED} error by the cost
     * bucket, waiting until it has restored the call's cost. Other HTTP errors are answers of their own (refusals).
     */
    private JsonNode readGraphql(HttpResponse<String> response) throws RetryableAnswer {
        int status = response.statusCode();
        RetryableAnswer retry =
                RetryableAnswer.ofStatus(status, "shopify answered " + status, RetryAfter.of(response, clock));
        if (retry != null) throw retry;
        JsonNode root = Json.read(response.body());
        if (status != 200) {
            return JSON.createObjectNode()
                    .put("errors", status + " " + root.path("errors").toString());
        }
        for (JsonNode error : root.path("errors")) {
            if ("THROTTLED".equals(error.path("extensions").path("code").asText())) {
                throw new RetryableAnswer(
                        RetryableAnswer.Kind.THROTTLED,
                        status,
                        "THROTTLED, waiting for the cost bucket",
                        restoreWait(root.path("extensions").path("cost")));
            }
        }
        return root;
    }

    /** The time the bucket needs to restore what the call costs, from {@code extensions.cost.throttleStatus}. */
    static Duration restoreWait(JsonNode cost) {
        JsonNode throttle = cost.path("throttleStatus");
        double restoreRate = throttle.path("restoreRate").asDouble(0);
        if (restoreRate <= 0) return null;
        double missing = cost.path("requestedQueryCost").asDouble(0)
                - throttle.path("currentlyAvailable").asDouble(0);
        return Duration.ofMillis(Math.max(0, (long) Math.ceil(missing / restoreRate * 1000)));
    }

    private static String errorsText(JsonNode errors) {
        if (errors.isTextual()) return errors.asText();
        List<String> messages = new ArrayList<>();
        errors.forEach(e -> messages.add(e.has("message") ? e.get("message").asText() : e.toString()));
        return messages.isEmpty() ? errors.toString() : String.join("; ", messages);
    }
}

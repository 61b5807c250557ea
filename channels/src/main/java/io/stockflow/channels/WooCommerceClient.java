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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * WooCommerce REST API v3: {@code stock_quantity} in batch updates ({@code products/batch} for products,
 * {@code products/{id}/variations/batch} for a product's variations; at most 100 items a batch, each answered on its
 * own), single product and variation reads for reconciliation, for a shipment the order's status set to
 * {@code completed} and a note to the customer with carrier and tracking number, and for a cancellation the status
 * {@code cancelled} and a note with the reason. Authenticated with the REST API key
 * as HTTP Basic, as WooCommerce takes it over HTTPS.
 */
public final class WooCommerceClient extends ResilientChannelClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/wp-json/wc/v3";

    public WooCommerceClient(ChannelSettings settings, Clock clock) {
        super(Channel.WOOCOMMERCE, settings, clock, ChannelSettings.CONSUMER_KEY, ChannelSettings.CONSUMER_SECRET);
    }

    /** Products in {@code products/batch}; variations in their parent's {@code variations/batch}; each split at the batch size. */
    @Override
    public CompletableFuture<List<PushOutcome>> setQuantities(List<QuantityPush> pushes) {
        Map<String, List<QuantityPush>> byPath = new LinkedHashMap<>();
        for (QuantityPush push : pushes) {
            String variation = push.listing().id("variation_id");
            String path = variation == null
                    ? API + "/products/batch"
                    : API + "/products/" + push.listing().id("product_id") + "/variations/batch";
            byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(push);
        }
        List<CompletableFuture<List<PushOutcome>>> batches = new ArrayList<>();
        byPath.forEach((path, group) ->
                Batches.of(group, settings.batchSize()).forEach(batch -> batches.add(batchUpdate(path, batch))));
        return Outcomes.concat(batches).thenApply(outcomes -> {
            Map<QuantityPush, PushOutcome> byPush = new LinkedHashMap<>();
            outcomes.forEach(o -> byPush.put(o.push(), o));
            return pushes.stream().map(byPush::get).toList();
        });
    }

    private CompletableFuture<List<PushOutcome>> batchUpdate(String path, List<QuantityPush> batch) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode update = body.putArray("update");
        for (QuantityPush push : batch) {
            String variation = push.listing().id("variation_id");
            long id = Long.parseLong(
                    variation != null ? variation : push.listing().id("product_id"));
            update.addObject().put("id", id).put("manage_stock", true).put("stock_quantity", push.quantity());
        }
        URI uri = settings.baseUrl().resolve(path);
        String operation = path.endsWith("/variations/batch") ? "batchVariations" : "batchProducts";
        return calls.call(
                        operation,
                        () -> request(uri)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)),
                        response -> {
                            JsonNode root = read(response);
                            List<String> refusals = new ArrayList<>();
                            if (response.statusCode() != 200) {
                                batch.forEach(p -> refusals.add(error(root, response.statusCode())));
                                return refusals;
                            }
                            JsonNode answers = root.path("update");
                            for (int i = 0; i < batch.size(); i++) {
                                JsonNode item = answers.path(i);
                                refusals.add(
                                        item.has("error")
                                                ? error(
                                                        item.get("error"),
                                                        item.path("error")
                                                                .path("data")
                                                                .path("status")
                                                                .asInt(400))
                                                : item.isMissingNode() ? "no answer for this item" : null);
                            }
                            return refusals;
                        })
                .handle((answer, failure) -> {
                    if (failure != null) return Outcomes.failed(batch, failure);
                    List<PushOutcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) {
                        String refused = answer.answer().get(i);
                        outcomes.add(
                                refused == null
                                        ? PushOutcome.accepted(batch.get(i), answer.attempts())
                                        : new PushOutcome(
                                                batch.get(i), CallStatus.REFUSED, refused, answer.attempts()));
                    }
                    return outcomes;
                });
    }

    @Override
    public CompletableFuture<Long> readQuantity(Listing listing, String target) {
        String variation = listing.id("variation_id");
        String path =
                API + "/products/" + listing.id("product_id") + (variation == null ? "" : "/variations/" + variation);
        URI uri = settings.baseUrl().resolve(path);
        String operation = variation == null ? "getProduct" : "getVariation";
        return QuantityRead.settle(calls.call(operation, () -> request(uri).GET(), response -> {
            JsonNode root = read(response);
            if (response.statusCode() != 200)
                return QuantityRead.missing("woocommerce: " + error(root, response.statusCode()));
            JsonNode quantity = root.path("stock_quantity");
            return quantity.isIntegralNumber()
                    ? QuantityRead.of(quantity.asLong())
                    : QuantityRead.missing("woocommerce: " + path + " does not manage its stock");
        }));
    }

    /**
     * Reads the order's notes: a note with the shipment's tracking number means it is there already (the note is
     * written after the status, so the order is completed too). Otherwise the order's status is set to
     * {@code completed}, then the note to the customer with carrier and tracking number: two calls, in that order.
     */
    @Override
    public CompletableFuture<ShipmentOutcome> confirmShipment(Shipment shipment) {
        URI order = settings.baseUrl().resolve(API + "/orders/" + shipment.orderId());
        URI notes = settings.baseUrl().resolve(API + "/orders/" + shipment.orderId() + "/notes");
        String text = "Shipped with " + (shipment.carrier() == null ? "the carrier" : shipment.carrier())
                + (shipment.trackingNumber() == null ? "" : ", tracking number " + shipment.trackingNumber())
                + (shipment.trackingUrl() == null ? "" : ": " + shipment.trackingUrl());
        return get("listOrderNotes", notes)
                .thenCompose(read -> {
                    if (read.answer().isTextual())
                        return CompletableFuture.completedFuture(
                                ShipmentOutcome.refused(read.answer().asText(), read.attempts()));
                    if (shipment.trackingNumber() != null) {
                        for (JsonNode note : read.answer()) {
                            if (note.path("note").asText().contains(shipment.trackingNumber()))
                                return CompletableFuture.completedFuture(ShipmentOutcome.found(read.attempts()));
                        }
                    }
                    return statusThenNote(order, notes, "completed", text, true)
                            .thenApply(o -> o.after(read.attempts()));
                })
                .exceptionally(Outcomes::failedShipment);
    }

    /**
     * Reads the order: one WooCommerce shows cancelled is done. Otherwise its status is set to {@code cancelled}, then a
     * note to the customer with the reason.
     */
    @Override
    public CompletableFuture<ShipmentOutcome> cancelOrder(Cancellation cancellation) {
        URI order = settings.baseUrl().resolve(API + "/orders/" + cancellation.orderId());
        URI notes = settings.baseUrl().resolve(API + "/orders/" + cancellation.orderId() + "/notes");
        return get("getOrder", order)
                .thenCompose(read -> {
                    if (read.answer().isTextual())
                        return CompletableFuture.completedFuture(
                                ShipmentOutcome.refused(read.answer().asText(), read.attempts()));
                    if ("cancelled".equals(read.answer().path("status").asText()))
                        return CompletableFuture.completedFuture(ShipmentOutcome.found(read.attempts()));
                    return statusThenNote(order, notes, "cancelled", "Cancelled: " + cancellation.reason(), true)
                            .thenApply(o -> o.after(read.attempts()));
                })
                .exceptionally(Outcomes::failedShipment);
    }

    private CompletableFuture<ShipmentOutcome> statusThenNote(
            URI order, URI notes, String status, String text, boolean toCustomer) {
        ObjectNode update = JSON.createObjectNode().put("status", status);
        ObjectNode note = JSON.createObjectNode().put("note", text).put("customer_note", toCustomer);
        return send("updateOrder", order, "PUT", update).thenCompose(first -> {
            if (first.status() != CallStatus.ACCEPTED) return CompletableFuture.completedFuture(first);
            return send("createOrderNote", notes, "POST", note).thenApply(second -> second.after(first.attempts()));
        });
    }

    /** A read: its JSON, or a text node with the reason when WooCommerce refused it. */
    private CompletableFuture<Attempted<JsonNode>> get(String operation, URI uri) {
        return calls.call(operation, () -> request(uri).GET(), response -> {
            JsonNode root = read(response);
            return response.statusCode() == 200
                    ? root
                    : JSON.getNodeFactory()
                            .textNode("woocommerce " + operation + ": " + error(root, response.statusCode()));
        });
    }

    private CompletableFuture<ShipmentOutcome> send(String operation, URI uri, String method, ObjectNode body) {
        return calls.call(
                        operation,
                        () -> request(uri)
                                .header("Content-Type", "application/json")
                                .method(
                                        method,
                                        HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)),
                        response -> {
                            JsonNode root = read(response);
                            int status = response.statusCode();
                            return status == 200 || status == 201 ? null : error(root, status);
                        })
                .handle((answer, failure) -> failure != null
                        ? Outcomes.failedShipment(failure)
                        : answer.answer() == null
                                ? ShipmentOutcome.accepted(answer.attempts())
                                : ShipmentOutcome.refused(
                                        "woocommerce " + operation + ": " + answer.answer(), answer.attempts()));
    }

    private HttpRequest.Builder request(URI uri) {
        String key = settings.credential(ChannelSettings.CONSUMER_KEY).reveal() + ":"
                + settings.credential(ChannelSettings.CONSUMER_SECRET).reveal();
        return HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode read(HttpResponse<String> response) throws RetryableAnswer {
        JsonNode root = Json.read(response.body());
        RetryableAnswer retry = RetryableAnswer.ofStatus(
                response.statusCode(), error(root, response.statusCode()), RetryAfter.of(response, clock));
        if (retry != null) throw retry;
        return root;
    }

    /** A WordPress REST error as {@code status code: message}. */
    private static String error(JsonNode error, int status) {
        return status + " " + error.path("code").asText("") + ": "
                + error.path("message").asText("");
    }
}

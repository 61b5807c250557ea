package io.stockflow.marketsim.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.marketsim.core.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the simulated shop holds: the available quantity of each inventory item at each location where it is stocked,
 * the fulfillment orders and the fulfillments made of them, and the answers remembered under idempotency keys.
 * Callers that check and then change several things hold the store's lock for the whole of it.
 */
final class ShopifyStore {
    /** A fulfillment order: the part of an order one location ships; it closes once fulfilled. */
    static final class FulfillmentOrder {
        final String id;
        final String orderId;
        boolean closed;

        FulfillmentOrder(String id, String orderId) {
            this.id = id;
            this.orderId = orderId;
        }
    }

    /** A mutation's answer kept under its idempotency key, with the input it answered. */
    record Remembered(JsonNode input, JsonNode payload) {}

    private final Map<String, Map<String, Integer>> available = new TreeMap<>();
    private final Set<String> locations = new TreeSet<>();
    private final Map<String, FulfillmentOrder> fulfillmentOrders = new TreeMap<>();
    private final List<ObjectNode> fulfillments = new ArrayList<>();
    private final Map<String, Remembered> idempotent = new HashMap<>();
    private long nextId = 1;

    synchronized void stock(String item, String location, int quantity) {
        locations.add(location);
        available.computeIfAbsent(item, i -> new TreeMap<>()).put(location, quantity);
    }

    synchronized boolean knowsItem(String item) {
        return available.containsKey(item);
    }

    synchronized boolean knowsLocation(String location) {
        return locations.contains(location);
    }

    /** The available quantity, or null when the item is not stocked at the location. */
    synchronized Integer available(String item, String location) {
        return available.getOrDefault(item, Map.of()).get(location);
    }

    synchronized void setAvailable(String item, String location, int quantity) {
        available.get(item).put(location, quantity);
    }

    synchronized void addFulfillmentOrder(String id, String orderId) {
        fulfillmentOrders.put(id, new FulfillmentOrder(id, orderId));
    }

    synchronized FulfillmentOrder fulfillmentOrder(String id) {
        return fulfillmentOrders.get(id);
    }

    synchronized void recordFulfillment(ObjectNode fulfillment) {
        fulfillments.add(fulfillment);
    }

    synchronized Remembered remembered(String key) {
        return idempotent.get(key);
    }

    synchronized void remember(String key, Remembered answer) {
        idempotent.put(key, answer);
    }

    synchronized long nextId() {
        return nextId++;
    }

    synchronized JsonNode quantities() {
        ArrayNode list = Json.array();
        available.forEach((item, byLocation) -> byLocation.forEach((location, n) -> list.addObject()
                .put("inventoryItemId", item)
                .put("locationId", location)
                .put("available", n)));
        return list;
    }

    synchronized JsonNode fulfillments() {
        ArrayNode list = Json.array();
        fulfillmentOrders
                .values()
                .forEach(fo -> list.addObject()
                        .put("fulfillmentOrderId", fo.id)
                        .put("orderId", fo.orderId)
                        .put("status", fo.closed ? "CLOSED" : "OPEN"));
        ArrayNode made = Json.array();
        fulfillments.forEach(made::add);
        return Json.object().<ObjectNode>set("fulfillmentOrders", list).set("fulfillments", made);
    }

    synchronized void clear() {
        available.clear();
        locations.clear();
        fulfillmentOrders.clear();
        fulfillments.clear();
        idempotent.clear();
        nextId = 1;
    }
}

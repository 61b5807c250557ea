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
    /** A fulfillment order: the part of an order one location ships; it closes once every unit is fulfilled. */
    static final class FulfillmentOrder {
        final String id;
        final String orderId;
        /** Its line items by id; empty for one seeded without lines, which ships whole. */
        final Map<String, LineItem> lines = new TreeMap<>();

        boolean closed;

        FulfillmentOrder(String id, String orderId) {
            this.id = id;
            this.orderId = orderId;
        }
    }

    /** A line item of a fulfillment order: the SKU, the units ordered and those not yet fulfilled. */
    static final class LineItem {
        final String id;
        final String sku;
        final int total;
        int remaining;

        LineItem(String id, String sku, int total) {
            this.id = id;
            this.sku = sku;
            this.total = total;
            this.remaining = total;
        }
    }

    /** An order: its fulfillment orders, and when and why it was cancelled. */
    static final class Order {
        final String id;
        final List<String> fulfillmentOrderIds = new ArrayList<>();
        String cancelledAt;
        String cancelReason;
        String staffNote;

        Order(String id) {
            this.id = id;
        }
    }

    /** A mutation's answer kept under its idempotency key, with the input it answered. */
    record Remembered(JsonNode input, JsonNode payload) {}

    private final Map<String, Map<String, Integer>> available = new TreeMap<>();
    private final Set<String> locations = new TreeSet<>();
    private final Map<String, FulfillmentOrder> fulfillmentOrders = new TreeMap<>();
    private final List<ObjectNode> fulfillments = new ArrayList<>();
    private final Map<String, Order> orders = new TreeMap<>();
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

    synchronized FulfillmentOrder addFulfillmentOrder(String id, String orderId) {
        FulfillmentOrder order = new FulfillmentOrder(id, orderId);
        fulfillmentOrders.put(id, order);
        orders.computeIfAbsent(orderId, Order::new).fulfillmentOrderIds.add(id);
        return order;
    }

    synchronized Order order(String id) {
        return orders.get(id);
    }

    /** The fulfillments made of an order's fulfillment orders, oldest first. */
    synchronized List<ObjectNode> fulfillmentsOf(String orderId) {
        List<ObjectNode> of = new ArrayList<>();
        for (ObjectNode f : fulfillments) {
            for (JsonNode id : f.path("fulfillmentOrderIds")) {
                FulfillmentOrder fo = fulfillmentOrders.get(id.asText());
                if (fo != null && fo.orderId.equals(orderId)) {
                    of.add(f);
                    break;
                }
            }
        }
        return of;
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

    synchronized JsonNode cancellations() {
        ArrayNode cancelled = Json.array();
        orders.values().stream()
                .filter(o -> o.cancelledAt != null)
                .forEach(o -> cancelled
                        .addObject()
                        .put("orderId", o.id)
                        .put("cancelledAt", o.cancelledAt)
                        .put("reason", o.cancelReason)
                        .put("staffNote", o.staffNote));
        return cancelled;
    }

    synchronized void clear() {
        available.clear();
        locations.clear();
        fulfillmentOrders.clear();
        fulfillments.clear();
        orders.clear();
        idempotent.clear();
        nextId = 1;
    }
}

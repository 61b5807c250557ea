package io.stockflow.marketsim.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.marketsim.core.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The simulated seller accounts: each listing (seller, SKU) with the marketplaces it sells in and its quantity per
 * fulfillment channel code, and each order with its items and the packages confirmed as shipped.
 */
final class AmazonStore {
    static final class Listing {
        final String sellerId;
        final String sku;
        final String productType;
        final Set<String> marketplaceIds;
        final Map<String, Integer> quantityByChannel = new TreeMap<>();
        Instant lastUpdated;

        Listing(String sellerId, String sku, String productType, Set<String> marketplaceIds, Instant created) {
            this.sellerId = sellerId;
            this.sku = sku;
            this.productType = productType;
            this.marketplaceIds = new TreeSet<>(marketplaceIds);
            this.lastUpdated = created;
        }
    }

    static final class Order {
        final String orderId;
        final String marketplaceId;
        final Map<String, Integer> quantityByItem;
        /** The seller SKU of each order item; an item seeded without one has none. */
        final Map<String, String> skuByItem;

        final Map<String, ObjectNode> packagesByReference = new TreeMap<>();

        Order(
                String orderId,
                String marketplaceId,
                Map<String, Integer> quantityByItem,
                Map<String, String> skuByItem) {
            this.orderId = orderId;
            this.marketplaceId = marketplaceId;
            this.quantityByItem = new TreeMap<>(quantityByItem);
            this.skuByItem = new TreeMap<>(skuByItem);
        }

        /** Units of an item in the packages confirmed so far. */
        int shipped(String itemId) {
            int n = 0;
            for (ObjectNode p : packagesByReference.values()) {
                for (JsonNode item : p.path("orderItems")) {
                    if (itemId.equals(item.path("orderItemId").asText()))
                        n += item.path("quantity").asInt();
                }
            }
            return n;
        }
    }

    private final Map<String, Listing> listings = new TreeMap<>();
    private final Map<String, Order> orders = new TreeMap<>();

    synchronized void addListing(Listing listing) {
        listings.put(listing.sellerId + "/" + listing.sku, listing);
    }

    synchronized Listing listing(String sellerId, String sku) {
        return listings.get(sellerId + "/" + sku);
    }

    synchronized void addOrder(Order order) {
        orders.put(order.orderId, order);
    }

    synchronized Order order(String orderId) {
        return orders.get(orderId);
    }

    synchronized JsonNode quantities() {
        ArrayNode list = Json.array();
        listings.values()
                .forEach(l -> l.quantityByChannel.forEach((code, n) -> list.addObject()
                        .put("sellerId", l.sellerId)
                        .put("sku", l.sku)
                        .put("fulfillmentChannelCode", code)
                        .put("quantity", n)));
        return list;
    }

    synchronized JsonNode shipments() {
        ArrayNode list = Json.array();
        orders.values()
                .forEach(o -> o.packagesByReference
                        .values()
                        .forEach(p ->
                                list.add(Json.object().put("orderId", o.orderId).setAll(p))));
        return list;
    }

    synchronized void clear() {
        listings.clear();
        orders.clear();
    }
}

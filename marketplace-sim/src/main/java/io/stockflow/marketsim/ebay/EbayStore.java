package io.stockflow.marketsim.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.marketsim.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated eBay seller: published offers (each a live listing) with their available quantity, the ship-to-home
 * quantity of each inventory item, and orders with their line items and shipping fulfillments.
 */
final class EbayStore {
    static final class Offer {
        final String offerId;
        final String sku;
        final String marketplaceId;
        final String listingId;
        int availableQuantity;

        Offer(String offerId, String sku, String marketplaceId, String listingId, int availableQuantity) {
            this.offerId = offerId;
            this.sku = sku;
            this.marketplaceId = marketplaceId;
            this.listingId = listingId;
            this.availableQuantity = availableQuantity;
        }
    }

    static final class Order {
        final String orderId;
        /** The order's id in eBay's older APIs, which the Post-Order API takes. */
        final String legacyOrderId;

        final Map<String, Integer> quantityByLineItem;
        final Map<String, String> skuByLineItem;
        final Map<String, Integer> shippedByLineItem = new TreeMap<>();
        final List<ObjectNode> fulfillments = new ArrayList<>();
        /** The seller's cancellation, once made: its id and reason. */
        ObjectNode cancellation;

        Order(
                String orderId,
                String legacyOrderId,
                Map<String, Integer> quantityByLineItem,
                Map<String, String> skuByLineItem) {
            this.orderId = orderId;
            this.legacyOrderId = legacyOrderId;
            this.quantityByLineItem = new TreeMap<>(quantityByLineItem);
            this.skuByLineItem = new TreeMap<>(skuByLineItem);
        }
    }

    private final Map<String, Offer> offers = new TreeMap<>();
    private final Map<String, Integer> shipToHomeBySku = new TreeMap<>();
    private final Map<String, Order> orders = new TreeMap<>();
    private long nextFulfillment = 1;

    synchronized void addOffer(Offer offer) {
        offers.put(offer.offerId, offer);
    }

    synchronized Offer offer(String offerId) {
        return offers.get(offerId);
    }

    synchronized void setShipToHome(String sku, int quantity) {
        shipToHomeBySku.put(sku, quantity);
    }

    synchronized void addOrder(Order order) {
        orders.put(order.orderId, order);
    }

    synchronized Order order(String orderId) {
        return orders.get(orderId);
    }

    synchronized Order orderByLegacyId(String legacyOrderId) {
        return orders.values().stream()
                .filter(o -> o.legacyOrderId.equals(legacyOrderId))
                .findFirst()
                .orElse(null);
    }

    synchronized String nextFulfillmentId() {
        return String.format("%022d", nextFulfillment++);
    }

    synchronized JsonNode quantities() {
        ArrayNode list = Json.array();
        offers.values()
                .forEach(o -> list.addObject()
                        .put("offerId", o.offerId)
                        .put("sku", o.sku)
                        .put("availableQuantity", o.availableQuantity));
        return list;
    }

    synchronized JsonNode shipments() {
        ArrayNode list = Json.array();
        orders.values()
                .forEach(o -> o.fulfillments.forEach(
                        f -> list.add(Json.object().put("orderId", o.orderId).setAll(f))));
        return list;
    }

    synchronized JsonNode cancellations() {
        ArrayNode list = Json.array();
        orders.values().stream()
                .filter(o -> o.cancellation != null)
                .forEach(o -> list.add(Json.object().put("orderId", o.orderId).setAll(o.cancellation)));
        return list;
    }

    synchronized void clear() {
        offers.clear();
        shipToHomeBySku.clear();
        orders.clear();
        nextFulfillment = 1;
    }
}

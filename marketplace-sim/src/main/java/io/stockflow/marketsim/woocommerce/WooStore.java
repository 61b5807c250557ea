package io.stockflow.marketsim.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.marketsim.core.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The simulated store: products and their variations with managed stock, and orders with their status and notes. */
final class WooStore {
    /** A product or a variation: both carry their own stock. */
    static final class Stocked {
        final long id;
        final String sku;
        final String name;
        int stockQuantity;
        Instant modified;

        Stocked(long id, String sku, String name, int stockQuantity, Instant modified) {
            this.id = id;
            this.sku = sku;
            this.name = name;
            this.stockQuantity = stockQuantity;
            this.modified = modified;
        }

        ObjectNode toJson() {
            ObjectNode json = Json.object()
                    .put("id", id)
                    .put("name", name)
                    .put("sku", sku)
                    .put("manage_stock", true)
                    .put("stock_quantity", stockQuantity)
                    .put("stock_status", stockQuantity > 0 ? "instock" : "outofstock")
                    .put("date_modified_gmt", modified.toString().replaceFirst("(\\.\\d+)?Z$", ""));
            return json;
        }
    }

    static final class Product {
        final Stocked stock;
        final Map<Long, Stocked> variations = new TreeMap<>();

        Product(Stocked stock) {
            this.stock = stock;
        }

        ObjectNode toJson() {
            ObjectNode json = stock.toJson()
                    .put("type", variations.isEmpty() ? "simple" : "variable")
                    .put("status", "publish");
            ArrayNode ids = json.putArray("variations");
            variations.keySet().forEach(ids::add);
            return json;
        }
    }

    static final class Order {
        final long id;
        String status;
        Instant modified;
        JsonNode metaData = Json.array();
        final List<ObjectNode> notes = new ArrayList<>();

        Order(long id, String status, Instant modified) {
            this.id = id;
            this.status = status;
            this.modified = modified;
        }

        ObjectNode toJson() {
            ObjectNode json = Json.object()
                    .put("id", id)
                    .put("status", status)
                    .put("date_modified_gmt", modified.toString().replaceFirst("(\\.\\d+)?Z$", ""));
            json.set("meta_data", metaData);
            return json;
        }
    }

    private final Map<Long, Product> products = new TreeMap<>();
    private final Map<Long, Order> orders = new TreeMap<>();
    private long nextNote = 1;

    synchronized void addProduct(Product product) {
        products.put(product.stock.id, product);
    }

    synchronized Product product(long id) {
        return products.get(id);
    }

    synchronized void addOrder(Order order) {
        orders.put(order.id, order);
    }

    synchronized Order order(long id) {
        return orders.get(id);
    }

    synchronized long nextNoteId() {
        return nextNote++;
    }

    synchronized JsonNode quantities() {
        ArrayNode list = Json.array();
        products.values().forEach(p -> {
            list.addObject().put("productId", p.stock.id).put("stockQuantity", p.stock.stockQuantity);
            p.variations
                    .values()
                    .forEach(v -> list.addObject()
                            .put("productId", p.stock.id)
                            .put("variationId", v.id)
                            .put("stockQuantity", v.stockQuantity));
        });
        return list;
    }

    synchronized JsonNode shipments() {
        ArrayNode list = Json.array();
        orders.values().forEach(o -> {
            ObjectNode order = list.addObject().put("orderId", o.id).put("status", o.status);
            order.set("metaData", o.metaData);
            ArrayNode notes = order.putArray("notes");
            o.notes.forEach(notes::add);
        });
        return list;
    }

    /** The cancelled orders, with their notes. */
    synchronized JsonNode cancellations() {
        ArrayNode list = Json.array();
        orders.values().stream().filter(o -> o.status.equals("cancelled")).forEach(o -> {
            ObjectNode order = list.addObject().put("orderId", o.id);
            ArrayNode notes = order.putArray("notes");
            o.notes.forEach(notes::add);
        });
        return list;
    }

    synchronized void clear() {
        products.clear();
        orders.clear();
        nextNote = 1;
    }
}

package io.stockflow.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Shopify {@code orders/create} envelopes for {@code orders.raw}, built for a test: a US ship-to. */
public final class ShopifyOrders {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShopifyOrders() {}

    /** Canonical order id {@code shopify:<id>}; ships STANDARD to {@code region}/{@code zip} in the US. */
    public static String placed(
            long id, String time, String region, String zip, String sku, long quantity, String total) {
        return placed(id, time, region, zip, Map.of(sku, quantity), total);
    }

    /** As above, with one line per SKU of {@code lines}, in their order. */
    public static String placed(
            long id, String time, String region, String zip, Map<String, Long> lines, String total) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("id", id)
                .put("name", "#" + id)
                .put("email", "buyer" + id + "@example.com")
                .put("created_at", time)
                .put("updated_at", time)
                .putNull("cancelled_at")
                .put("currency", "USD")
                .put("total_price", total)
                .put("financial_status", "paid")
                .putNull("fulfillment_status");
        payload.putObject("shipping_address")
                .put("country_code", "US")
                .put("province_code", region)
                .put("zip", zip);
        payload.putArray("shipping_lines").addObject().put("code", "standard").put("title", "Standard Shipping");
        ArrayNode items = payload.putArray("line_items");
        long lineId = id * 10;
        for (Map.Entry<String, Long> line : lines.entrySet()) {
            items.addObject()
                    .put("id", lineId++)
                    .put("sku", line.getKey())
                    .put("quantity", line.getValue())
                    .put("price", "10.00");
        }
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("source", "shopify").put("kind", "orders/create").put("received_at", time);
        envelope.set("payload", payload);
        return envelope.toString();
    }

    /**
     * The order {@link #placed(long, String, String, String, String, long, String)} made at {@code placedAt}, cancelled
     * at {@code cancelledAt} ({@code orders/cancelled}).
     */
    public static String cancelled(
            long id,
            String placedAt,
            String cancelledAt,
            String region,
            String zip,
            String sku,
            long quantity,
            String total) {
        try {
            ObjectNode envelope = (ObjectNode) JSON.readTree(placed(id, placedAt, region, zip, sku, quantity, total));
            envelope.put("kind", "orders/cancelled").put("received_at", cancelledAt);
            ((ObjectNode) envelope.get("payload"))
                    .put("cancelled_at", cancelledAt)
                    .put("updated_at", cancelledAt)
                    .put("financial_status", "voided");
            return envelope.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code refunds/create} of {@code quantity} units of {@code sku} of order {@code id}, returned to stock. */
    public static String refunded(long id, long refundId, String time, String sku, long quantity) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("id", refundId).put("order_id", id).put("created_at", time);
        ObjectNode line = payload.putArray("refund_line_items").addObject();
        line.put("quantity", quantity).put("restock_type", "return");
        line.putObject("line_item").put("sku", sku).put("price", "10.00");
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("source", "shopify").put("kind", "refunds/create").put("received_at", time);
        envelope.set("payload", payload);
        return envelope.toString();
    }
}

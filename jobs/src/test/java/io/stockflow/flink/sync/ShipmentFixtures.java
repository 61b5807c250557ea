package io.stockflow.flink.sync;

import io.stockflow.codec.OrderEventJson;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.time.Instant;
import java.util.List;

/**
 * Orders on the four marketplaces as the simulator holds them and as the inventory job writes them
 * ({@code orders.canonical}, {@code orders.allocations}), and the warehouse's SHIPPED events for them. Order numbers
 * are a test's own, so that tests sharing one simulator never touch each other's orders.
 */
final class ShipmentFixtures {
    static final String PLACED_AT = "2026-12-06T09:00:00Z";
    static final String SHIPPED_AT = "2026-12-06T15:00:00Z";

    private ShipmentFixtures() {}

    /** The canonical id of order {@code n} on a channel, and its id there. */
    static String orderId(String channel, int n) {
        return channel + ":" + marketplaceId(channel, n);
    }

    static String marketplaceId(String channel, int n) {
        return switch (channel) {
            case "shopify" -> Integer.toString(450_000 + n);
            case "amazon" -> "111-0000000-" + (1_000_000 + n);
            case "ebay" -> "12-00000-" + (10_000 + n);
            default -> Integer.toString(5_000 + n);
        };
    }

    /** Seeds order {@code n} on the channel: 2 units of MUG-1, with the channel's own line ids. */
    static void seed(SyncSimulator sim, String channel, int n) {
        String id = marketplaceId(channel, n);
        switch (channel) {
            case "shopify" ->
                sim.seed(
                        "/_sim/shopify/orders",
                        "{\"orderId\":\"gid://shopify/Order/" + id + "\",\"fulfillmentOrders\":[{\"id\":"
                                + "\"gid://shopify/FulfillmentOrder/" + (700_000 + n) + "\",\"lineItems\":[{\"id\":"
                                + "\"gid://shopify/FulfillmentOrderLineItem/" + (800_000 + n)
                                + "\",\"sku\":\"MUG-1\",\"quantity\":2}]}]}");
            case "amazon" ->
                sim.seed(
                        "/_sim/amazon/orders",
                        "{\"orderId\":\"" + id + "\",\"marketplaceId\":\"" + SyncFixtures.US
                                + "\",\"orderItems\":[{\"orderItemId\":\"" + (60_000_000 + n)
                                + "\",\"sellerSku\":\"MUG-1\",\"quantity\":2}]}");
            case "ebay" ->
                sim.seed(
                        "/_sim/ebay/orders",
                        "{\"orderId\":\"" + id + "\",\"legacyOrderId\":\"1100" + n + "-2000" + n
                                + "\",\"lineItems\":[{\"lineItemId\":\"" + (90_000 + n)
                                + "\",\"sku\":\"MUG-1\",\"quantity\":2}]}");
            default -> sim.seed("/_sim/woocommerce/orders", "{\"id\":" + id + "}");
        }
    }

    /** The order's PLACED record on {@code orders.canonical}, as the inventory job writes it. */
    static String placed(String channel, int n) {
        OrderEvent e = new OrderEvent();
        e.eventId = "evt-" + channel + "-" + n;
        e.orderId = orderId(channel, n);
        e.channel = channel;
        e.marketplaceOrderId = marketplaceId(channel, n);
        e.type = OrderEventType.PLACED;
        e.eventTime = Instant.parse(PLACED_AT).toEpochMilli();
        e.receivedAt = e.eventTime;
        e.currency = "USD";
        e.lines = List.of(new OrderLine("MUG-1", 2, "12.00"));
        return OrderEventJson.write(e);
    }

    /** A REJECTED decision for the order on {@code orders.allocations}. */
    static String rejected(String channel, int n) {
        return "{\"order_id\":\"" + orderId(channel, n) + "\",\"decision\":\"REJECTED\",\"allocations\":[],"
                + "\"backordered\":[{\"sku\":\"MUG-1\",\"quantity\":2}],\"rule_set_version\":\"builtin-1\","
                + "\"rule_ids\":[\"most-available\"],\"reason\":\"Nothing could be held: MUG-1 is sold out at every"
                + " location and the rule allows no backorders.\",\"decided_at\":\"" + PLACED_AT
                + "\",\"channel\":\"" + channel + "\",\"event_time\":\"" + PLACED_AT + "\"}";
    }

    /** An ALLOCATED decision: nothing for the marketplace to hear. */
    static String allocated(String channel, int n) {
        return "{\"order_id\":\"" + orderId(channel, n) + "\",\"decision\":\"ALLOCATED\",\"allocations\":[{\"sku\":"
                + "\"MUG-1\",\"quantity\":2,\"location\":\"WH-EAST\"}],\"backordered\":[],\"rule_set_version\":"
                + "\"builtin-1\",\"rule_ids\":[\"most-available\"],\"reason\":\"All held at WH-EAST.\","
                + "\"decided_at\":\"" + PLACED_AT + "\",\"channel\":\"" + channel + "\",\"event_time\":\"" + PLACED_AT
                + "\"}";
    }

    /** The tracking number of order {@code n}'s parcel on the channel. */
    static String tracking(String channel, int n) {
        return "1Z" + channel.toUpperCase().charAt(0) + (4_000_000 + n);
    }

    /** The warehouse's SHIPPED event for the order's 2 units of MUG-1, with carrier and tracking number. */
    static String shipped(String channel, int n) {
        return "{\"event_id\":\"ful-" + channel + "-" + n + "\",\"order_id\":\"" + orderId(channel, n)
                + "\",\"location\":\"WH-EAST\",\"type\":\"SHIPPED\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":2}],"
                + "\"carrier\":\"UPS\",\"tracking_code\":\"" + tracking(channel, n) + "\",\"occurred_at\":\""
                + SHIPPED_AT + "\"}";
    }
}

package io.stockflow.flink.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.marketsim.MarketplaceSimulator;
import io.stockflow.marketsim.SimulatorAdmin;
import io.stockflow.marketsim.SimulatorSettings;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The marketplace simulator in the test JVM on a free port, stocked with the listings of {@link SyncFixtures#LISTINGS}
 * at 99 units each, and the channel settings that point at it: configuration keys and credentials exactly as a run
 * reads them, with short timeouts and two attempts a call so that an outage fails a push quickly.
 */
final class SyncSimulator implements AutoCloseable {
    static final String SELLER = "A1SELLER";
    static final Map<String, String> ENV = Map.of(
            "STOCKFLOW_SHOPIFY_ACCESS_TOKEN", "shpat_simulator",
            "STOCKFLOW_AMAZON_ACCESS_TOKEN", "Atza|simulator",
            "STOCKFLOW_EBAY_ACCESS_TOKEN", "v^1.1#simulator",
            "STOCKFLOW_WOOCOMMERCE_CONSUMER_KEY", "ck_simulator",
            "STOCKFLOW_WOOCOMMERCE_CONSUMER_SECRET", "cs_simulator");

    private final MarketplaceSimulator server;
    final URI base;
    private final SimulatorAdmin admin;

    SyncSimulator() {
        server = new MarketplaceSimulator(SimulatorSettings.defaults(), Clock.systemUTC(), 0);
        base = server.start();
        admin = new SimulatorAdmin(base);
        for (String sku : new String[] {"MUG-1", "TEE-M"}) {
            int n = sku.equals("MUG-1") ? 1 : 2;
            seed(
                    "/_sim/shopify/inventory-levels",
                    "{\"inventoryItemId\":\"gid://shopify/InventoryItem/" + n + "\",\"locationId\":\""
                            + SyncFixtures.SHOPIFY_LOCATION + "\",\"available\":99}");
            seed(
                    "/_sim/amazon/listings",
                    "{\"sellerId\":\"" + SELLER + "\",\"sku\":\"" + sku + "\",\"marketplaceIds\":[\"" + SyncFixtures.US
                            + "\"],\"quantity\":99}");
            seed(
                    "/_sim/ebay/offers",
                    "{\"offerId\":\"500" + n + "\",\"sku\":\"" + sku + "\",\"availableQuantity\":99}");
            seed("/_sim/woocommerce/products", "{\"id\":" + (700 + n) + ",\"stock_quantity\":99}");
        }
    }

    /** The {@code channels.*} configuration of every channel, pointing here. */
    Map<String, String> configuration() {
        return configuration(1000);
    }

    /** The same, with another timeout per request. */
    Map<String, String> configuration(int timeoutMs) {
        Map<String, String> config = new LinkedHashMap<>();
        for (String channel : new String[] {"shopify", "amazon", "ebay", "woocommerce"}) {
            config.put("channels." + channel + ".base-url", base.toString());
            config.put("channels." + channel + ".timeout-ms", Integer.toString(timeoutMs));
            config.put("channels." + channel + ".max-attempts", "2");
            config.put("channels." + channel + ".requests-per-second", "50");
        }
        config.put("channels.amazon.seller-id", SELLER);
        config.put("channels.amazon.marketplace-ids", SyncFixtures.US);
        return config;
    }

    ChannelConnections connections() {
        return new ChannelConnections(configuration(), ENV);
    }

    /** What each channel lists for a SKU of the fixture map, by channel; null where the simulator has none. */
    Map<String, Long> listed(String sku) {
        int n = sku.equals("MUG-1") ? 1 : 2;
        Map<String, Long> listed = new LinkedHashMap<>();
        listed.put(
                "shopify",
                quantity(
                        "shopify",
                        "available",
                        "inventoryItemId",
                        "gid://shopify/InventoryItem/" + n,
                        "locationId",
                        SyncFixtures.SHOPIFY_LOCATION));
        listed.put("amazon", quantity("amazon", "quantity", "sku", sku));
        listed.put("ebay", quantity("ebay", "availableQuantity", "offerId", "500" + n));
        listed.put(
                "woocommerce",
                quantity("woocommerce", "stockQuantity", "productId", Integer.toString(700 + n), "variationId", ""));
        return listed;
    }

    /** Changes what Shopify lists for a SKU of the fixture map behind the sync's back, as a person editing it would. */
    void set(String sku, String channel, long quantity) {
        if (!channel.equals("shopify")) throw new IllegalArgumentException("only Shopify here: " + channel);
        int n = sku.equals("MUG-1") ? 1 : 2;
        seed(
                "/_sim/shopify/inventory-levels",
                "{\"inventoryItemId\":\"gid://shopify/InventoryItem/" + n + "\",\"locationId\":\""
                        + SyncFixtures.SHOPIFY_LOCATION + "\",\"available\":" + quantity + "}");
    }

    /** Switches a channel's failure mode, e.g. {@code {"mode":"outage"}}. */
    void fault(String channel, String json) {
        admin.fault(channel, json);
    }

    private Long quantity(String channel, String quantityField, String... fieldValues) {
        return admin.quantity(channel, quantityField, fieldValues);
    }

    JsonNode admin(String path) {
        return admin.get(path);
    }

    void seed(String path, String json) {
        admin.seed(path, json);
    }

    @Override
    public void close() {
        server.close();
    }
}

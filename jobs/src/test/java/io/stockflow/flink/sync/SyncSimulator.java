package io.stockflow.flink.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stockflow.marketsim.MarketplaceSimulator;
import io.stockflow.marketsim.SimulatorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MarketplaceSimulator server;
    private final HttpClient http = HttpClient.newHttpClient();
    final URI base;

    SyncSimulator() {
        server = new MarketplaceSimulator(SimulatorSettings.defaults(), Clock.systemUTC(), 0);
        base = server.start();
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
        Map<String, String> config = new LinkedHashMap<>();
        for (String channel : new String[] {"shopify", "amazon", "ebay", "woocommerce"}) {
            config.put("channels." + channel + ".base-url", base.toString());
            config.put("channels." + channel + ".timeout-ms", "1000");
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

    /** Switches a channel's failure mode, e.g. {@code {"mode":"outage"}}. */
    void fault(String channel, String json) {
        HttpResponse<String> answer = send("PUT", "/_sim/faults/" + channel, json);
        assertThat(answer.statusCode())
                .as("fault %s: %s", channel, answer.body())
                .isEqualTo(200);
    }

    private Long quantity(String channel, String quantityField, String... fieldValues) {
        for (JsonNode entry : admin("/_sim/quantities").path(channel)) {
            boolean matches = true;
            for (int i = 0; i < fieldValues.length; i += 2) {
                matches &= fieldValues[i + 1].equals(entry.path(fieldValues[i]).asText());
            }
            if (matches) return entry.path(quantityField).asLong();
        }
        return null;
    }

    JsonNode admin(String path) {
        HttpResponse<String> answer = send("GET", path, null);
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void seed(String path, String json) {
        HttpResponse<String> answer = send("POST", path, json);
        assertThat(answer.statusCode())
                .as("seeding %s: %s", path, answer.body())
                .isEqualTo(201);
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}

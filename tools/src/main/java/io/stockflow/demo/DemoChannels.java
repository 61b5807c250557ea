package io.stockflow.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.marketsim.MarketplaceSimulator;
import io.stockflow.marketsim.SimulatorAdmin;
import io.stockflow.marketsim.SimulatorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The marketplaces the demo's sync job pushes to: the simulator in this JVM, stocked with the demo's listings, the
 * listing map on disk, and the {@code channels.*} keys and credentials that point the sync job at it. The channel
 * clients in the job reach it over HTTP exactly as they would reach the real APIs.
 */
public final class DemoChannels implements AutoCloseable {
    /** The simulator's default credentials, as the sync job reads them from its environment. */
    public static final Map<String, String> CREDENTIALS = Map.of(
            "STOCKFLOW_SHOPIFY_ACCESS_TOKEN", "shpat_simulator",
            "STOCKFLOW_AMAZON_ACCESS_TOKEN", "Atza|simulator",
            "STOCKFLOW_EBAY_ACCESS_TOKEN", "v^1.1#simulator",
            "STOCKFLOW_WOOCOMMERCE_CONSUMER_KEY", "ck_simulator",
            "STOCKFLOW_WOOCOMMERCE_CONSUMER_SECRET", "cs_simulator");

    private final MarketplaceSimulator simulator;
    private final DemoListings listings;
    private final SimulatorAdmin admin;
    private final URI base;
    private final Path listingMap;
    private long ordersNotSeeded;

    private DemoChannels(MarketplaceSimulator simulator, URI base, DemoListings listings, Path listingMap) {
        this.simulator = simulator;
        this.base = base;
        this.admin = new SimulatorAdmin(base);
        this.listings = listings;
        this.listingMap = listingMap;
    }

    /**
     * Starts the simulator on the port (0 picks a free one), seeds it and writes the listing map under the folder.
     * Throws when the port is taken; nothing is left running then.
     */
    public static DemoChannels start(int port, DemoListings listings, Path folder) {
        MarketplaceSimulator simulator =
                new MarketplaceSimulator(SimulatorSettings.defaults(), Clock.systemUTC(), port);
        try {
            URI base = simulator.start();
            Files.createDirectories(folder);
            Path map = Files.writeString(folder.resolve("demo-listings.json"), listings.listingMap(Instant.now()));
            DemoChannels channels = new DemoChannels(simulator, base, listings, map);
            for (DemoListings.Seed seed : listings.seeds()) channels.admin.seed(seed.path(), seed.body());
            return channels;
        } catch (IOException e) {
            simulator.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    public URI baseUrl() {
        return base;
    }

    public Path listingMap() {
        return listingMap;
    }

    /**
     * The {@code channels.*} keys of every channel, pointing at the simulator, as {@code config.yaml} would hold them,
     * at each channel's default rate (the sync job shares it among its tasks).
     */
    public Map<String, String> configuration() {
        Map<String, String> config = new LinkedHashMap<>();
        for (String channel : DemoListings.CHANNELS) {
            config.put("channels." + channel + ".base-url", base.toString());
        }
        config.put("channels.amazon.seller-id", DemoListings.SELLER_ID);
        config.put("channels.amazon.marketplace-ids", DemoListings.MARKETPLACE_ID);
        return config;
    }

    /**
     * Puts an order placed in the demo on its marketplace in the simulator, as the marketplace would hold it: its lines
     * with their SKUs under the channel's own ids, so that the sync job's shipment confirmations and cancellations
     * find it. {@code canonical} is a PLACED record of {@code orders.canonical}; an order the simulator cannot take
     * (an id of a shape it refuses) is skipped: the sync job's call for it is then refused, as a real marketplace
     * would refuse an unknown order.
     */
    void seedOrder(JsonNode canonical) {
        String channel = canonical.path("channel").asText();
        String id = canonical.path("marketplace_order_id").asText();
        JsonNode lines = canonical.path("lines");
        StringBuilder items = new StringBuilder();
        try {
            switch (channel) {
                case "shopify" -> {
                    for (int i = 0; i < lines.size(); i++) {
                        items.append(i == 0 ? "" : ",")
                                .append("{\"id\":\"gid://shopify/FulfillmentOrderLineItem/")
                                .append(id)
                                .append(i)
                                .append("\",\"sku\":")
                                .append(lines.get(i).path("sku"))
                                .append(",\"quantity\":")
                                .append(lines.get(i).path("quantity").asLong())
                                .append('}');
                    }
                    admin.seed(
                            "/_sim/shopify/orders",
                            "{\"orderId\":\"gid://shopify/Order/" + id + "\",\"fulfillmentOrders\":[{\"id\":"
                                    + "\"gid://shopify/FulfillmentOrder/" + id + "\",\"lineItems\":[" + items + "]}]}");
                }
                case "amazon" -> {
                    for (int i = 0; i < lines.size(); i++) {
                        items.append(i == 0 ? "" : ",")
                                .append("{\"orderItemId\":\"")
                                .append(id.replace("-", ""))
                                .append(i)
                                .append("\",\"sellerSku\":")
                                .append(lines.get(i).path("sku"))
                                .append(",\"quantity\":")
                                .append(lines.get(i).path("quantity").asLong())
                                .append('}');
                    }
                    admin.seed(
                            "/_sim/amazon/orders",
                            "{\"orderId\":\"" + id + "\",\"marketplaceId\":\"" + DemoListings.MARKETPLACE_ID
                                    + "\",\"orderItems\":[" + items + "]}");
                }
                case "ebay" -> {
                    for (int i = 0; i < lines.size(); i++) {
                        items.append(i == 0 ? "" : ",")
                                .append("{\"lineItemId\":\"")
                                .append(id.replace("-", ""))
                                .append(i)
                                .append("\",\"sku\":")
                                .append(lines.get(i).path("sku"))
                                .append(",\"quantity\":")
                                .append(lines.get(i).path("quantity").asLong())
                                .append('}');
                    }
                    admin.seed("/_sim/ebay/orders", "{\"orderId\":\"" + id + "\",\"lineItems\":[" + items + "]}");
                }
                case "woocommerce" -> admin.seed("/_sim/woocommerce/orders", "{\"id\":" + id + "}");
                default -> {}
            }
        } catch (IllegalStateException refused) {
            ordersNotSeeded++;
        }
    }

    /** Orders the simulator refused to take (an id of a shape it does not accept). */
    long ordersNotSeeded() {
        return ordersNotSeeded;
    }

    /** What each channel lists per SKU now, in {@link DemoListings#CHANNELS} order, read from the admin API. */
    Map<String, Long[]> listed() {
        return listings.listed(admin.get("/_sim/quantities"));
    }

    @Override
    public void close() {
        simulator.close();
    }
}

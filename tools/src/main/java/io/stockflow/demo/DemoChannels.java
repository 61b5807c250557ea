package io.stockflow.demo;

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
final class DemoChannels implements AutoCloseable {
    /** The simulator's default credentials, as the sync job reads them from its environment. */
    static final Map<String, String> CREDENTIALS = Map.of(
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
    static DemoChannels start(int port, DemoListings listings, Path folder) {
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

    URI baseUrl() {
        return base;
    }

    Path listingMap() {
        return listingMap;
    }

    /**
     * The {@code channels.*} keys of every channel, pointing at the simulator, as {@code config.yaml} would hold them,
     * at each channel's default rate (the sync job shares it among its tasks).
     */
    Map<String, String> configuration() {
        Map<String, String> config = new LinkedHashMap<>();
        for (String channel : DemoListings.CHANNELS) {
            config.put("channels." + channel + ".base-url", base.toString());
        }
        config.put("channels.amazon.seller-id", DemoListings.SELLER_ID);
        config.put("channels.amazon.marketplace-ids", DemoListings.MARKETPLACE_ID);
        return config;
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

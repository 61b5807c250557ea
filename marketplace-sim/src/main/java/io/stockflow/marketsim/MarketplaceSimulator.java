package io.stockflow.marketsim;

import io.javalin.Javalin;
import io.stockflow.marketsim.admin.AdminApi;
import io.stockflow.marketsim.amazon.AmazonChannel;
import io.stockflow.marketsim.core.CallLog;
import io.stockflow.marketsim.core.Faults;
import io.stockflow.marketsim.core.SimRoutes;
import io.stockflow.marketsim.core.SimulatedChannel;
import io.stockflow.marketsim.ebay.EbayChannel;
import io.stockflow.marketsim.shopify.ShopifyChannel;
import io.stockflow.marketsim.twilio.TwilioChannel;
import io.stockflow.marketsim.woocommerce.WooChannel;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A local stand-in for Shopify, Amazon, eBay, WooCommerce and Twilio: one HTTP server on 127.0.0.1 speaking each
 * API's own paths, auth, validation, limits and error shapes for what channel sync needs, keeping state, and failing on
 * demand (see {@code docs/marketplace-simulator.md}).
 *
 * <p>In a test: {@code try (var sim = new MarketplaceSimulator(settings, clock, 0)) { URI base = sim.start(); ... }}.
 * As its own process: {@code java -cp ... io.stockflow.marketsim.MarketplaceSimulator --port N} prints the address it
 * bound and runs until stopped.
 */
public final class MarketplaceSimulator implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    private static final int CALL_LOG_WINDOW = 10_000;

    private final Javalin server;
    private final int requestedPort;
    private volatile boolean started;

    /**
     * @param clock what every limit, failure mode and timestamp reads; tests pass one they move
     * @param port  0 picks a free one
     */
    public MarketplaceSimulator(SimulatorSettings settings, Clock clock, int port) {
        this.requestedPort = port;
        Faults faults = new Faults(clock);
        CallLog calls = new CallLog(CALL_LOG_WINDOW);
        List<SimulatedChannel> channels = List.of(
                new ShopifyChannel(
                        settings.shopify().accessToken(),
                        settings.shopify().bucketSize(),
                        settings.shopify().restoreRate(),
                        settings.shopify().costPerCall(),
                        clock),
                new AmazonChannel(
                        settings.amazon().accessToken(),
                        new AmazonChannel.Rate(
                                settings.amazon().listingsPerSecond(),
                                settings.amazon().listingsBurst()),
                        new AmazonChannel.Rate(
                                settings.amazon().listingsPerSecond(),
                                settings.amazon().listingsBurst()),
                        new AmazonChannel.Rate(
                                settings.amazon().shipmentsPerSecond(),
                                settings.amazon().shipmentsBurst()),
                        clock),
                new EbayChannel(
                        settings.ebay().accessToken(),
                        settings.ebay().requestsPerCall(),
                        settings.ebay().revisionsPerDay(),
                        settings.ebay().dayZone(),
                        clock),
                new WooChannel(
                        settings.woo().consumerKey(),
                        settings.woo().consumerSecret(),
                        settings.woo().requestsPerSecond(),
                        settings.woo().burst(),
                        settings.woo().batchLimit(),
                        clock),
                new TwilioChannel(
                        settings.twilio().accountSid(), settings.twilio().authToken(), clock));
        this.server = Javalin.create(config -> {
            config.jetty.host = HOST;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            SimRoutes api = new SimRoutes(config.routes, faults, calls, clock);
            channels.forEach(channel -> channel.register(api, config.routes));
            new AdminApi(channels, faults, calls).register(config.routes);
        });
    }

    /** With the default settings and the system clock. */
    public MarketplaceSimulator(int port) {
        this(SimulatorSettings.defaults(), Clock.systemUTC(), port);
    }

    /** Binds and serves; returns the base URL, e.g. {@code http://127.0.0.1:41234}. */
    public synchronized URI start() {
        if (!started) {
            server.start();
            started = true;
        }
        return baseUrl();
    }

    public URI baseUrl() {
        return URI.create("http://" + HOST + ":" + server.port());
    }

    public int port() {
        return started ? server.port() : requestedPort;
    }

    @Override
    public synchronized void close() {
        if (started) {
            server.stop();
            started = false;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (args[i].startsWith("--port=")) {
                port = Integer.parseInt(args[i].substring("--port=".length()));
            } else {
                System.err.println("usage: MarketplaceSimulator [--port N]   (0, the default, picks a free port)");
                System.exit(2);
            }
        }
        MarketplaceSimulator simulator = new MarketplaceSimulator(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            stopped.countDown();
                        },
                        "marketplace-simulator-stop"));
        URI base = simulator.start();
        System.out.println("marketplace simulator listening on " + base + " (port " + base.getPort() + ")");
        System.out.flush();
        stopped.await();
    }
}

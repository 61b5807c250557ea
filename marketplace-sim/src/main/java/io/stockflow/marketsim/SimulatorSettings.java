package io.stockflow.marketsim;

import java.time.ZoneId;

/**
 * What the simulator is configured with: the credentials each API accepts and the limits it enforces, one record per
 * API. The defaults are each marketplace's documented figures where it documents one (Shopify Plus's 1000-point
 * bucket restoring 50 a second, the SP-API usage plans, eBay's 25 requests a call and 250 revisions a listing and day,
 * WooCommerce's 100-item batches); WooCommerce's request rate is the host's, so it is a setting.
 */
public record SimulatorSettings(Shopify shopify, Amazon amazon, Ebay ebay, Woo woo, Twilio twilio) {

    /** Admin GraphQL: a leaky bucket of cost points. */
    public record Shopify(String accessToken, int bucketSize, double restoreRate, int costPerCall) {}

    /** SP-API: a token bucket per operation group (listings, shipment confirmations). */
    public record Amazon(
            String accessToken,
            double listingsPerSecond,
            int listingsBurst,
            double shipmentsPerSecond,
            int shipmentsBurst) {}

    /** Inventory API bulk calls and the revisions a listing may take per day in {@code dayZone}. */
    public record Ebay(String accessToken, int requestsPerCall, int revisionsPerDay, ZoneId dayZone) {}

    /** REST API v3 with consumer key and secret: the host's request rate and the batch size. */
    public record Woo(String consumerKey, String consumerSecret, double requestsPerSecond, int burst, int batchLimit) {}

    /** Messages API credentials. */
    public record Twilio(String accountSid, String authToken) {}

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(
                new Shopify("shpat_simulator", 1000, 50, 10),
                new Amazon("Atza|simulator", 5, 10, 2, 10),
                new Ebay("v^1.1#simulator", 25, 250, ZoneId.of("UTC")),
                new Woo("ck_simulator", "cs_simulator", 10, 10, 100),
                new Twilio("AC00000000000000000000000000000000", "simulator_auth_token"));
    }

    public SimulatorSettings withShopifyThrottle(int bucketSize, double restoreRate, int costPerCall) {
        return new SimulatorSettings(
                new Shopify(shopify.accessToken(), bucketSize, restoreRate, costPerCall), amazon, ebay, woo, twilio);
    }

    public SimulatorSettings withAmazonListingsRate(double perSecond, int burst) {
        Amazon a = new Amazon(
                amazon.accessToken(), perSecond, burst, amazon.shipmentsPerSecond(), amazon.shipmentsBurst());
        return new SimulatorSettings(shopify, a, ebay, woo, twilio);
    }

    public SimulatorSettings withEbayRevisionsPerDay(int perDay) {
        Ebay e = new Ebay(ebay.accessToken(), ebay.requestsPerCall(), perDay, ebay.dayZone());
        return new SimulatorSettings(shopify, amazon, e, woo, twilio);
    }

    public SimulatorSettings withWooRate(double perSecond, int burst) {
        Woo w = new Woo(woo.consumerKey(), woo.consumerSecret(), perSecond, burst, woo.batchLimit());
        return new SimulatorSettings(shopify, amazon, ebay, w, twilio);
    }
}

package io.stockflow.marketsim;

import java.time.ZoneId;

/**
 * What the simulator is configured with: the credentials each API accepts and the limits it enforces. The defaults
 * are each marketplace's documented figures where it documents one (Shopify Plus's 1000-point bucket restoring 50 a
 * second, the SP-API usage plans, eBay's 25 requests a call and 250 revisions a listing and day, WooCommerce's
 * 100-item batches); WooCommerce's request rate is the host's, so it is a setting.
 */
public record SimulatorSettings(
        String shopifyAccessToken,
        int shopifyBucketSize,
        double shopifyRestoreRate,
        int shopifyCostPerCall,
        String amazonAccessToken,
        double amazonListingsPerSecond,
        int amazonListingsBurst,
        double amazonShipmentsPerSecond,
        int amazonShipmentsBurst,
        String ebayAccessToken,
        int ebayRequestsPerCall,
        int ebayRevisionsPerDay,
        ZoneId ebayDayZone,
        String wooConsumerKey,
        String wooConsumerSecret,
        double wooRequestsPerSecond,
        int wooBurst,
        int wooBatchLimit,
        String twilioAccountSid,
        String twilioAuthToken) {

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(
                "shpat_simulator",
                1000,
                50,
                10,
                "Atza|simulator",
                5,
                10,
                2,
                10,
                "v^1.1#simulator",
                25,
                250,
                ZoneId.of("UTC"),
                "ck_simulator",
                "cs_simulator",
                10,
                10,
                100,
                "AC00000000000000000000000000000000",
                "simulator_auth_token");
    }

    public SimulatorSettings withShopifyThrottle(int bucketSize, double restoreRate, int costPerCall) {
        return new SimulatorSettings(
                shopifyAccessToken,
                bucketSize,
                restoreRate,
                costPerCall,
                amazonAccessToken,
                amazonListingsPerSecond,
                amazonListingsBurst,
                amazonShipmentsPerSecond,
                amazonShipmentsBurst,
                ebayAccessToken,
                ebayRequestsPerCall,
                ebayRevisionsPerDay,
                ebayDayZone,
                wooConsumerKey,
                wooConsumerSecret,
                wooRequestsPerSecond,
                wooBurst,
                wooBatchLimit,
                twilioAccountSid,
                twilioAuthToken);
    }

    public SimulatorSettings withAmazonListingsRate(double perSecond, int burst) {
        return new SimulatorSettings(
                shopifyAccessToken,
                shopifyBucketSize,
                shopifyRestoreRate,
                shopifyCostPerCall,
                amazonAccessToken,
                perSecond,
                burst,
                amazonShipmentsPerSecond,
                amazonShipmentsBurst,
                ebayAccessToken,
                ebayRequestsPerCall,
                ebayRevisionsPerDay,
                ebayDayZone,
                wooConsumerKey,
                wooConsumerSecret,
                wooRequestsPerSecond,
                wooBurst,
                wooBatchLimit,
                twilioAccountSid,
                twilioAuthToken);
    }

    public SimulatorSettings withWooRate(double perSecond, int burst) {
        return new SimulatorSettings(
                shopifyAccessToken,
                shopifyBucketSize,
                shopifyRestoreRate,
                shopifyCostPerCall,
                amazonAccessToken,
                amazonListingsPerSecond,
                amazonListingsBurst,
                amazonShipmentsPerSecond,
                amazonShipmentsBurst,
                ebayAccessToken,
                ebayRequestsPerCall,
                ebayRevisionsPerDay,
                ebayDayZone,
                wooConsumerKey,
                wooConsumerSecret,
                perSecond,
                burst,
                wooBatchLimit,
                twilioAccountSid,
                twilioAuthToken);
    }
}

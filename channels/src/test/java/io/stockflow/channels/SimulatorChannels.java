package io.stockflow.channels;

import io.stockflow.channels.http.CallLimits;
import io.stockflow.listing.Channel;
import io.stockflow.listing.Listing;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Channel settings that point at a running simulator with its credentials, built the way production builds them
 * (configuration and environment), with limits that make tests quick: short backoffs and timeouts, a breaker that
 * opens after four failed calls and stays open for 30 s of the simulator's clock.
 */
final class SimulatorChannels {
    static final Map<String, String> ENV = Map.of(
            "STOCKFLOW_SHOPIFY_ACCESS_TOKEN", "shpat_simulator",
            "STOCKFLOW_AMAZON_ACCESS_TOKEN", "Atza|simulator",
            "STOCKFLOW_EBAY_ACCESS_TOKEN", "v^1.1#simulator",
            "STOCKFLOW_WOOCOMMERCE_CONSUMER_KEY", "ck_simulator",
            "STOCKFLOW_WOOCOMMERCE_CONSUMER_SECRET", "cs_simulator");
    static final String SELLER = "A1SELLER";
    static final String US = "ATVPDKIKX0DER";
    static final Duration BREAKER_OPEN = Duration.ofSeconds(30);

    private SimulatorChannels() {}

    static ChannelSettings settings(Channel channel, URI base, Map<String, String> env) {
        String prefix = "channels." + channel.wireName() + ".";
        Map<String, String> config = Map.of(
                prefix + "base-url", base.toString(), prefix + "seller-id", SELLER, prefix + "marketplace-ids", US);
        ChannelSettings settings = ChannelSettings.from(channel, config, env);
        return settings.withLimits(quick(ChannelSettings.defaultRequestsPerSecond(channel)));
    }

    static ChannelSettings settings(Channel channel, URI base) {
        return settings(channel, base, ENV);
    }

    static CallLimits quick(double requestsPerSecond) {
        return CallLimits.defaults(requestsPerSecond)
                .withRequestTimeout(Duration.ofSeconds(2))
                .withRetries(8, Duration.ofMillis(50), Duration.ofMillis(400))
                .withBreaker(4, 4, BREAKER_OPEN, 1);
    }

    static Listing shopify(String sku, int item) {
        return new Listing(sku, Channel.SHOPIFY, Map.of("inventory_item_id", "gid://shopify/InventoryItem/" + item));
    }

    static Listing amazon(String sku) {
        return new Listing(sku, Channel.AMAZON, Map.of("seller_sku", sku));
    }

    static Listing ebay(String sku, String offerId) {
        return new Listing(sku, Channel.EBAY, Map.of("sku", sku, "offer_id", offerId));
    }

    static Listing woo(String sku, long productId, Long variationId) {
        return variationId == null
                ? new Listing(sku, Channel.WOOCOMMERCE, Map.of("product_id", Long.toString(productId)))
                : new Listing(
                        sku,
                        Channel.WOOCOMMERCE,
                        Map.of("product_id", Long.toString(productId), "variation_id", Long.toString(variationId)));
    }
}

package io.stockflow.channels;

import java.time.Clock;

/** The client of a channel, from its settings. */
public final class ChannelClients {
    private ChannelClients() {}

    public static ChannelClient create(ChannelSettings settings, Clock clock) {
        return switch (settings.channel()) {
            case SHOPIFY -> new ShopifyClient(settings, clock);
            case AMAZON -> new AmazonClient(settings, clock);
            case EBAY -> new EbayClient(settings, clock);
            case WOOCOMMERCE -> new WooCommerceClient(settings, clock);
        };
    }

    public static ChannelClient create(ChannelSettings settings) {
        return create(settings, Clock.systemUTC());
    }
}

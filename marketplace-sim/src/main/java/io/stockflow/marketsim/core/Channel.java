package io.stockflow.marketsim.core;

import java.util.Arrays;
import java.util.Optional;

/** The APIs the simulator speaks; each has its own limits, failure modes and counters. */
public enum Channel {
    SHOPIFY("shopify"),
    AMAZON("amazon"),
    EBAY("ebay"),
    WOOCOMMERCE("woocommerce"),
    TWILIO("twilio");

    /** The channel's name in the admin API's paths and answers. */
    public final String key;

    Channel(String key) {
        this.key = key;
    }

    public static Optional<Channel> byKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equalsIgnoreCase(key)).findFirst();
    }
}

package io.stockflow.listing;

import java.io.Serializable;
import java.util.List;

/**
 * One quantity a channel lists per SKU, and the stockflow locations whose available units it may sell ({@code "*"}:
 * every location). {@code target} is where the channel keeps that quantity: a Shopify location GID; null for
 * channels that keep one quantity per listing.
 */
public record Feed(String target, List<String> fedBy) implements Serializable {
    public static final String EVERY_LOCATION = "*";
}

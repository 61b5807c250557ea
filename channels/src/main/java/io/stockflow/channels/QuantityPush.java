package io.stockflow.channels;

import io.stockflow.listing.Listing;

/**
 * One absolute quantity to show on a channel's listing.
 *
 * @param listing  the listing, by the channel's own ids
 * @param target   where on the channel: a Shopify location GID; for Amazon a marketplace id (null: every marketplace
 *                 of the client's settings); null for eBay and WooCommerce
 * @param quantity the quantity to show, 0 or more
 * @param expected the quantity the sync believes the channel shows now, for compare-and-set (Shopify); null when it
 *                 does not know (the first push of a listing), which sets without a check
 * @param version  the availability version the quantity comes from, carried through to the outcome
 */
public record QuantityPush(Listing listing, String target, long quantity, Long expected, long version) {
    public QuantityPush {
        if (quantity < 0) throw new IllegalArgumentException("a listed quantity is 0 or more, got " + quantity);
    }
}

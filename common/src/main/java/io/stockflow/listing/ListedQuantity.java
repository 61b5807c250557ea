package io.stockflow.listing;

/**
 * What one channel should list for a SKU at one of its targets (a Shopify location; null for the listing itself):
 * {@code sellable} units of the locations that feed it, never more than the network has, and {@code quantity} after
 * the channel's buffer.
 */
public record ListedQuantity(Listing listing, String target, long sellable, long quantity) {}

package io.stockflow.listing;

import java.io.Serializable;
import java.util.List;

/**
 * How one channel's listed quantities follow the ledger: the quantities it keeps per SKU (one per Shopify location,
 * else one), its buffer, and for Amazon the marketplaces its offers are listed in.
 */
public record ChannelRules(Channel channel, List<Feed> feeds, Buffer buffer, List<String> marketplaceIds)
        implements Serializable {}

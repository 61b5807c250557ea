package io.stockflow.listing;

import java.io.Serializable;
import java.util.Map;

/**
 * The listing that carries a SKU on one channel, by the ids that channel's API addresses it with: Shopify
 * {@code inventory_item_id}; Amazon {@code seller_sku}; eBay {@code sku} and {@code offer_id}; WooCommerce
 * {@code product_id} and, for a variation, {@code variation_id}.
 */
public record Listing(String sku, Channel channel, Map<String, String> ids) implements Serializable {
    public String id(String field) {
        return ids.get(field);
    }
}

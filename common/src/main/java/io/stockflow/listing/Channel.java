package io.stockflow.listing;

import java.util.Locale;

/** A sales channel whose listed quantities stockflow keeps true; its wire name is the one on orders.canonical. */
public enum Channel {
    SHOPIFY,
    AMAZON,
    EBAY,
    WOOCOMMERCE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel of a wire name ({@code shopify}, ...), or null for a name no channel has. */
    public static Channel of(String wireName) {
        for (Channel c : values()) if (c.wireName().equals(wireName)) return c;
        return null;
    }
}

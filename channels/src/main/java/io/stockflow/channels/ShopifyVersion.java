package io.stockflow.channels;

/**
 * What changed with Shopify Admin API versions for {@code inventorySetQuantities}: 2026-01 adds
 * {@code changeFromQuantity} and the {@code @idempotent} directive; 2026-04 requires both and drops
 * {@code compareQuantity} and {@code ignoreCompareQuantity}. {@code unstable} is the newest.
 */
record ShopifyVersion(String name, int ordinal) {
    static ShopifyVersion of(String name) {
        if ("unstable".equals(name)) return new ShopifyVersion(name, Integer.MAX_VALUE);
        if (name == null || !name.matches("\\d{4}-(01|04|07|10)")) {
            throw new IllegalArgumentException("a Shopify API version is YYYY-01|04|07|10 or unstable, got " + name);
        }
        return new ShopifyVersion(
                name, Integer.parseInt(name.substring(0, 4)) * 100 + Integer.parseInt(name.substring(5)));
    }

    /** Sends {@code changeFromQuantity} (2026-01 and later). */
    boolean hasChangeFrom() {
        return ordinal >= 202601;
    }

    /** Sends {@code compareQuantity} and may send {@code ignoreCompareQuantity} (before 2026-04). */
    boolean hasCompareQuantity() {
        return ordinal < 202604;
    }

    /** Sends {@code @idempotent(key:)} (2026-01 and later; required from 2026-04). */
    boolean hasIdempotency() {
        return ordinal >= 202601;
    }
}

package io.stockflow.channels;

/** How a channel answered one push or one shipment confirmation. */
public enum CallStatus {
    /** The channel took it: it now shows the quantity, or has the shipment. */
    ACCEPTED,
    /**
     * Compare-and-set refused it: the channel held another quantity than the one the sync believed was there (Shopify's
     * {@code CHANGE_FROM_QUANTITY_STALE} / {@code COMPARE_QUANTITY_STALE}). Not retried: the sync reads the channel again
     * and decides.
     */
    STALE,
    /** The channel refused it for a reason of its own (an unknown listing, eBay's daily revision limit, bad input). */
    REFUSED,
    /** No usable answer: retries ran out, or the channel's circuit breaker is open. */
    FAILED
}

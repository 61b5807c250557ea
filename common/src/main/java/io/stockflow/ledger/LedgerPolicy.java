package io.stockflow.ledger;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** The ledger's tunables. */
public final class LedgerPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Far above what one SKU of a real shop has waiting; the queue is read whole when stock arrives. */
    public static final int DEFAULT_MAX_BACKORDERS = 10_000;

    /**
     * How far behind in event time a record may arrive and still be applied in event-time order: a stock count that
     * far behind its position's newest on-hand change (the changes of that long are kept per position), an order's
     * cancellation waiting that long for its creation. Covers partitions read unevenly, restores and rebalances.
     */
    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofHours(1);

    public static final LedgerPolicy DEFAULTS = new LedgerPolicy(5, 0, Duration.ofDays(7));

    /** LOW_STOCK is raised when available falls below this, at a location or overall. */
    public final long lowStockThreshold;
    /** Units kept back at every location until per-location safety stock comes with rule sets. */
    public final long safetyStock;
    /** How long a settled order (cancelled or fully shipped) is remembered, for its late and repeated events. */
    public final Duration settledRetention;
    /**
     * Locations whose stock a marketplace holds and ships itself (Amazon FBA): the shop's own orders are never placed
     * there, and their units are not what the shop has to sell.
     */
    public final List<String> marketplaceHeld;

    /** Orders kept waiting in one SKU's backorder queue at most; a backordered line beyond it is not filled. */
    public final int maxBackorders;

    /** See {@link #DEFAULT_ALLOWED_LATENESS}. */
    public final Duration allowedLateness;

    public LedgerPolicy(long lowStockThreshold, long safetyStock, Duration settledRetention) {
        this(lowStockThreshold, safetyStock, settledRetention, List.of(), DEFAULT_MAX_BACKORDERS);
    }

    public LedgerPolicy(
            long lowStockThreshold, long safetyStock, Duration settledRetention, Collection<String> marketplaceHeld) {
        this(lowStockThreshold, safetyStock, settledRetention, marketplaceHeld, DEFAULT_MAX_BACKORDERS);
    }

    public LedgerPolicy(long lowStockThreshold, long safetyStock, Duration settledRetention, int maxBackorders) {
        this(lowStockThreshold, safetyStock, settledRetention, List.of(), maxBackorders);
    }

    public LedgerPolicy(
            long lowStockThreshold,
            long safetyStock,
            Duration settledRetention,
            Collection<String> marketplaceHeld,
            int maxBackorders) {
        this(
                lowStockThreshold,
                safetyStock,
                settledRetention,
                marketplaceHeld,
                maxBackorders,
                DEFAULT_ALLOWED_LATENESS);
    }

    public LedgerPolicy(
            long lowStockThreshold,
            long safetyStock,
            Duration settledRetention,
            Collection<String> marketplaceHeld,
            int maxBackorders,
            Duration allowedLateness) {
        this.lowStockThreshold = lowStockThreshold;
        this.safetyStock = safetyStock;
        this.settledRetention = settledRetention;
        this.marketplaceHeld = List.copyOf(marketplaceHeld);
        this.maxBackorders = maxBackorders;
        this.allowedLateness = allowedLateness;
    }

    /** These tunables with another {@link #allowedLateness}. */
    public LedgerPolicy withAllowedLateness(Duration lateness) {
        return new LedgerPolicy(
                lowStockThreshold, safetyStock, settledRetention, marketplaceHeld, maxBackorders, lateness);
    }
}

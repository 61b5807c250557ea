package io.stockflow.model;

/**
 * One line of an order as its marketplace names it, for events that name the line and not its SKU: eBay's Post-Order
 * returns name the listing and transaction ({@code <itemId>-<transactionId>}). An eBay order carries one per line item,
 * unmerged, with its SKU and units; a return carries the line it gives back, with no SKU, and the units returned. Kept
 * by the ingest per order (a Flink POJO in keyed state: its name is part of the savepoint format).
 */
public class MarketplaceLine {
    /** eBay: {@code <legacyItemId>-<lineItemId>} of the order, {@code <itemId>-<transactionId>} of a return. */
    public String ref;
    /** Null on a return, whose SKU the ingest takes from the order's line. */
    public String sku;

    public long quantity;

    public MarketplaceLine() {}

    public MarketplaceLine(String ref, String sku, long quantity) {
        this.ref = ref;
        this.sku = sku;
        this.quantity = quantity;
    }

    @Override
    public String toString() {
        return ref + "=" + sku + "x" + quantity;
    }
}

package io.stockflow.ledger;

/** The stock of one SKU at one location (or, under {@link SkuLedger#ALL_LOCATIONS}, summed over all locations). */
public class Position {
    public long onHand;
    public long reserved;
    public long safetyStock;
    /** Rises by one with every change, so consumers can apply updates idempotently. */
    public long version;
    /** Event time of the last change, epoch millis. */
    public long asOf;

    public Position() {}

    public long available() {
        return Math.max(0, onHand - reserved - safetyStock);
    }

    Position copy() {
        Position p = new Position();
        p.onHand = onHand;
        p.reserved = reserved;
        p.safetyStock = safetyStock;
        p.version = version;
        p.asOf = asOf;
        return p;
    }

    @Override
    public String toString() {
        return "onHand=" + onHand + " reserved=" + reserved + " safety=" + safetyStock + " available=" + available()
                + " v" + version;
    }
}

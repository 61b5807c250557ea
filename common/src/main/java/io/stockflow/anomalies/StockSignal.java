package io.stockflow.anomalies;

import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.model.Movement;

/** What the stock detectors read, in one type: an availability update, a bin of sales, or a physical count. */
public class StockSignal {
    public static final String AVAILABILITY = "AVAILABILITY";
    public static final String SALES = "SALES";
    public static final String COUNT = "COUNT";

    public String kind;
    public String sku;
    public String location;
    public long time;
    /** Availability: available; sales: units in the bin; count: units counted. */
    public long quantity;
    /** Availability: on hand. */
    public long onHand;
    /** Availability: its version; count: none. */
    public long version;
    /** Count: the movement id; sales: the bin start as text. */
    public String id;

    public StockSignal() {}

    public static StockSignal of(AvailabilityUpdate u) {
        StockSignal s = new StockSignal();
        s.kind = AVAILABILITY;
        s.sku = u.sku;
        s.location = u.location;
        s.time = u.asOf;
        s.quantity = u.available;
        s.onHand = u.onHand;
        s.version = u.version;
        s.id = "v" + u.version;
        return s;
    }

    public static StockSignal sales(BinCount b) {
        StockSignal s = new StockSignal();
        s.kind = SALES;
        s.sku = b.subject;
        s.location = "*";
        s.time = b.binStart;
        s.quantity = b.units;
        s.id = Long.toString(b.binStart);
        return s;
    }

    public static StockSignal count(Movement m) {
        StockSignal s = new StockSignal();
        s.kind = COUNT;
        s.sku = m.sku;
        s.location = m.location;
        s.time = m.occurredAt;
        s.quantity = m.quantity;
        s.id = m.movementId;
        return s;
    }

    public String skuAtLocation() {
        return sku + "|" + location;
    }

    /**
     * Ties in event time: a count before the availability updates of the same instant (the count's own update
     * among them), so that the count meets the ledger as it stood before it.
     */
    public String sequenceKey() {
        return (COUNT.equals(kind) ? "0|" : SALES.equals(kind) ? "1|" : "2|") + String.format("%019d", version) + id;
    }

    /** Event time for the stream: sales bins count at their end, when they are known. */
    public long eventTime() {
        return SALES.equals(kind) ? time + io.stockflow.anomaly.RhythmModel.BIN_MILLIS - 1 : time;
    }
}

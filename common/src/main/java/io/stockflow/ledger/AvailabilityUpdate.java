package io.stockflow.ledger;

/** One record of {@code inventory.availability}: the absolute levels of a SKU at a location, or at "*". */
public class AvailabilityUpdate {
    public String sku;
    public String location;
    public long onHand;
    public long reserved;
    public long safetyStock;
    public long available;
    public long version;
    public long asOf;

    public AvailabilityUpdate() {}

    static AvailabilityUpdate of(String sku, String location, Position p) {
        AvailabilityUpdate u = new AvailabilityUpdate();
        u.sku = sku;
        u.location = location;
        u.onHand = p.onHand;
        u.reserved = p.reserved;
        u.safetyStock = p.safetyStock;
        u.available = p.available();
        u.version = p.version;
        u.asOf = p.asOf;
        return u;
    }

    @Override
    public String toString() {
        return sku + "@" + location + " onHand=" + onHand + " reserved=" + reserved + " available=" + available + " v"
                + version;
    }
}

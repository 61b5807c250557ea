package io.stockflow.allocation;

import java.util.Objects;

/** Units of a SKU: allocated at {@code location}, or backordered when {@code location} is null. */
public class AllocatedUnits {
    public String sku;
    public long quantity;
    public String location;

    public AllocatedUnits() {}

    public AllocatedUnits(String sku, long quantity, String location) {
        this.sku = sku;
        this.quantity = quantity;
        this.location = location;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AllocatedUnits)) return false;
        AllocatedUnits that = (AllocatedUnits) o;
        return quantity == that.quantity && Objects.equals(sku, that.sku) && Objects.equals(location, that.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sku, quantity, location);
    }

    @Override
    public String toString() {
        return sku + "x" + quantity + (location == null ? "" : "@" + location);
    }
}

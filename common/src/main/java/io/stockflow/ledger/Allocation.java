package io.stockflow.ledger;

import java.util.Objects;

/** Units of one SKU held (or allocated) at one location. */
public class Allocation {
    public String location;
    public long quantity;

    public Allocation() {}

    public Allocation(String location, long quantity) {
        this.location = location;
        this.quantity = quantity;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Allocation
                && ((Allocation) o).quantity == quantity
                && Objects.equals(((Allocation) o).location, location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(location, quantity);
    }

    @Override
    public String toString() {
        return quantity + "@" + location;
    }
}

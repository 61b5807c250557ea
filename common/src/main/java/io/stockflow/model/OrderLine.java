package io.stockflow.model;

import java.util.Objects;

/**
 * One line of a canonical order event. For PLACED and UPDATED it is an ordered line; for SHIPPED a shipped line;
 * for REFUNDED a refunded line, where {@code restock} says whether the units go back to stock and {@code location}
 * where (when the marketplace says).
 */
public class OrderLine {
    public String sku;
    public long quantity;
    /** Decimal string in the event's currency, or null when the event carries no price. */
    public String unitPrice;

    public boolean restock;
    public String location;

    public OrderLine() {}

    public OrderLine(String sku, long quantity, String unitPrice) {
        this.sku = sku;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    public static OrderLine refund(String sku, long quantity, boolean restock, String location) {
        OrderLine line = new OrderLine(sku, quantity, null);
        line.restock = restock;
        line.location = location;
        return line;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OrderLine)) return false;
        OrderLine that = (OrderLine) o;
        return quantity == that.quantity
                && restock == that.restock
                && Objects.equals(sku, that.sku)
                && Objects.equals(unitPrice, that.unitPrice)
                && Objects.equals(location, that.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sku, quantity, unitPrice, restock, location);
    }

    @Override
    public String toString() {
        return sku + "x" + quantity + (unitPrice == null ? "" : "@" + unitPrice) + (restock ? " restock" : "")
                + (location == null ? "" : " at " + location);
    }
}

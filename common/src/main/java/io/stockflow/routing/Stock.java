package io.stockflow.routing;

import java.time.LocalDate;

/**
 * What routing may use of the live state: units of a SKU a location may still promise (after reservations and safety
 * stock), and shipments a location has already planned for a local day (its daily capacity minus this is what is
 * left). Implementations are snapshots: the planner reads, never writes.
 */
public interface Stock {
    /** Units of {@code sku} at {@code location} free to allocate, never negative. */
    long available(String location, String sku);

    /** Shipments already planned from {@code location} on its local {@code day}. */
    long shipmentsPlanned(String location, LocalDate day);
}

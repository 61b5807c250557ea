package io.stockflow.allocation;

/** The order-level outcome on {@code orders.allocations}. */
public enum Decision {
    ALLOCATED,
    PARTIAL,
    BACKORDERED,
    REJECTED
}

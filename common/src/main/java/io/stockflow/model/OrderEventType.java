package io.stockflow.model;

/** What a canonical order event says happened to the order. */
public enum OrderEventType {
    /** A new order; its lines are to be reserved. */
    PLACED,
    /** The marketplace changed the order; its lines are the order's current lines. */
    UPDATED,
    /** The order was cancelled; whatever it still holds is released. */
    CANCELLED,
    /** Money went back to the customer; lines with {@code restock} return units to stock. */
    REFUNDED,
    /** The marketplace reports a shipment; its lines are the shipped units. */
    SHIPPED
}

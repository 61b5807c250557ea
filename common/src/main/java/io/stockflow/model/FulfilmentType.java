package io.stockflow.model;

/** What a warehouse or 3PL reports on {@code fulfilment.events}. */
public enum FulfilmentType {
    PICKED,
    PACKED,
    SHIPPED
}

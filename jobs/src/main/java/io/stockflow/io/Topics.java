package io.stockflow.io;

import java.util.List;

/** The logical topic names of the contract; each maps to a configurable actual name. */
public final class Topics {
    public static final String ORDERS_RAW = "orders.raw";
    public static final String MOVEMENTS = "inventory.movements";
    public static final String FULFILMENT = "fulfilment.events";
    public static final String CARRIER_TRACKING = "carrier.tracking";
    public static final String ROUTING_RULES = "routing.rules";
    public static final String ORDERS_CANONICAL = "orders.canonical";
    public static final String AVAILABILITY = "inventory.availability";
    public static final String ALLOCATIONS = "orders.allocations";
    public static final String ALERTS = "alerts";
    public static final String NOTIFICATIONS = "notifications.customer";
    public static final String DEADLETTER = "deadletter";
    /** Internal: the inventory job's cross-SKU hold corrections, written and read back by the job itself (live only). */
    public static final String ROUTING_CORRECTIONS = "routing.corrections";

    /** Every topic of the contract, inputs first, then the internal ones: what a local broker creates for the jobs. */
    public static final List<String> ALL = List.of(ORDERS_RAW, MOVEMENTS, FULFILMENT, CARRIER_TRACKING, ROUTING_RULES,
            ORDERS_CANONICAL, AVAILABILITY, ALLOCATIONS, ALERTS, NOTIFICATIONS, DEADLETTER, ROUTING_CORRECTIONS);

    private Topics() {}
}

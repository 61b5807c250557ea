package io.stockflow.flink.io;

import java.util.List;
import java.util.Map;

/** The logical topic names of the contract; each maps to a configurable actual name. */
public final class Topics {
    public static final String ORDERS_RAW = "orders.raw";
    public static final String MOVEMENTS = "inventory.movements";
    public static final String FULFILMENT = "fulfilment.events";
    public static final String CARRIER_TRACKING = "carrier.tracking";
    public static final String ROUTING_RULES = "routing.rules";
    /** Listing maps for channel sync, replaced at run time. */
    public static final String CHANNEL_LISTINGS = "channel.listings";
    /** Shipments planned per location and local day: written and read back by the inventory job (compacted). */
    public static final String ROUTING_CAPACITY = "routing.capacity";

    public static final String ORDERS_CANONICAL = "orders.canonical";
    public static final String AVAILABILITY = "inventory.availability";
    public static final String ALLOCATIONS = "orders.allocations";
    public static final String ALERTS = "alerts";
    public static final String NOTIFICATIONS = "notifications.customer";
    public static final String DEADLETTER = "deadletter";
    /**
     * Restricted: each order's raw email and phone, keyed by order id, read only by the notification sender
     * (docs/design/contact-details.md).
     */
    public static final String CUSTOMERS_CONTACTS = "customers.contacts";
    /** Every push of channel sync and what became of it. */
    public static final String CHANNEL_SYNC = "channel.sync";
    /** Every shipment confirmation and order cancellation sent to a marketplace and what became of it. */
    public static final String CHANNEL_SHIPMENTS = "channel.shipments";
    /** Internal: the inventory job's cross-SKU hold corrections, written and read back by the job itself (live only). */
    public static final String ROUTING_CORRECTIONS = "routing.corrections";

    /** Every topic the jobs use, inputs first: what a local broker creates for them. */
    public static final List<String> ALL = List.of(
            ORDERS_RAW,
            MOVEMENTS,
            FULFILMENT,
            CARRIER_TRACKING,
            ROUTING_RULES,
            CHANNEL_LISTINGS,
            ROUTING_CAPACITY,
            ORDERS_CANONICAL,
            AVAILABILITY,
            ALLOCATIONS,
            ALERTS,
            NOTIFICATIONS,
            DEADLETTER,
            CUSTOMERS_CONTACTS,
            CHANNEL_SYNC,
            CHANNEL_SHIPMENTS,
            ROUTING_CORRECTIONS);

    /**
     * Inputs the jobs themselves own, which the Kafka binding creates when missing: the Kafka source fails on a
     * topic that does not exist, and nobody else would create these before an upgraded job starts.
     */
    public static final List<String> OWNED_INPUTS = List.of(
            ROUTING_RULES, CHANNEL_LISTINGS, ROUTING_CAPACITY, ROUTING_CORRECTIONS, CHANNEL_SYNC, CHANNEL_SHIPMENTS);

    /**
     * Topic configuration to create a topic with: {@code routing.capacity} and {@code inventory.availability} keep the
     * latest level per key (their records carry absolute levels, keyed {@code location|day} and {@code sku|location}),
     * so a reader that starts from the beginning, such as the query API after a restart, rebuilds every level without
     * the history; {@code routing.corrections} is read back within a checkpoint interval, a day covers a restore from a
     * recent savepoint.
     */
    public static Map<String, String> config(String topic) {
        if (ROUTING_CAPACITY.equals(topic) || AVAILABILITY.equals(topic)) return Map.of("cleanup.policy", "compact");
        if (CUSTOMERS_CONTACTS.equals(topic)) return CONTACTS_CONFIG;
        if (ROUTING_CORRECTIONS.equals(topic)) return Map.of("retention.ms", String.valueOf(24 * 3600 * 1000L));
        return Map.of();
    }

    /**
     * {@code customers.contacts}: the latest contact per order, for 90 days (its last notification is over by then);
     * an erased or replaced value is gone within about two days, a tombstone readable for one.
     */
    private static final Map<String, String> CONTACTS_CONFIG = Map.of(
            "cleanup.policy", "compact,delete",
            "retention.ms", String.valueOf(90 * 24 * 3600 * 1000L),
            "max.compaction.lag.ms", String.valueOf(24 * 3600 * 1000L),
            "segment.ms", String.valueOf(24 * 3600 * 1000L),
            "delete.retention.ms", String.valueOf(24 * 3600 * 1000L));

    private Topics() {}
}

package io.stockflow.serve;

import java.util.List;

/**
 * The output topics the query API materializes, by their logical names in the contract (docs/contract.md). This module
 * reads topics only and carries no Flink, so it names them itself rather than through the job jar.
 */
public final class ServedTopics {
    public static final String ORDERS_CANONICAL = "orders.canonical";
    public static final String AVAILABILITY = "inventory.availability";
    public static final String ALLOCATIONS = "orders.allocations";
    public static final String ALERTS = "alerts";
    public static final String NOTIFICATIONS = "notifications.customer";
    /** Pushes to the sales channels (the sync job): what each channel lists. */
    public static final String CHANNEL_SYNC = "channel.sync";

    public static final List<String> ALL =
            List.of(ORDERS_CANONICAL, AVAILABILITY, ALLOCATIONS, ALERTS, NOTIFICATIONS, CHANNEL_SYNC);

    private ServedTopics() {}
}

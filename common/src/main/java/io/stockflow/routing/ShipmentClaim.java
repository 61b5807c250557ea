package io.stockflow.routing;

import java.time.LocalDate;

/**
 * One shipment a final routed decision plans from one location on that location's local day ({@code day}, as an epoch
 * day): what the capacity counter counts. {@code dailyCapacity} is the location's capacity in the rule set that
 * decided, null when unlimited. A plain POJO: it crosses the keyBy on location.
 */
public class ShipmentClaim {
    public String location;
    public long day;
    public Long dailyCapacity;
    public String orderId;
    public String ruleSetVersion;
    public long eventTime;

    public ShipmentClaim() {}

    public ShipmentClaim(
            String location, long day, Long dailyCapacity, String orderId, String ruleSetVersion, long eventTime) {
        this.location = location;
        this.day = day;
        this.dailyCapacity = dailyCapacity;
        this.orderId = orderId;
        this.ruleSetVersion = ruleSetVersion;
        this.eventTime = eventTime;
    }

    /** Orders claims of equal event time in a replay. */
    public String sequenceKey() {
        return orderId;
    }

    @Override
    public String toString() {
        return location + " " + LocalDate.ofEpochDay(day) + " " + orderId
                + (dailyCapacity == null ? "" : " (capacity " + dailyCapacity + ")");
    }
}

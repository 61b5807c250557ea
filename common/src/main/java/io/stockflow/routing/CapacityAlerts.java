package io.stockflow.routing;

import io.stockflow.alert.Alert;
import io.stockflow.alert.AlertIds;
import io.stockflow.alert.Evidence;
import io.stockflow.alert.Severity;
import java.time.LocalDate;

/** The alert raised when the shipments planned from a location on one of its days go over its daily capacity. */
public final class CapacityAlerts {
    public static final String CAPACITY_EXCEEDED = "CAPACITY_EXCEEDED";

    private CapacityAlerts() {}

    /** Once per location and day: the id is the same whichever order went over. */
    static Alert exceeded(ShipmentClaim claim, DayCount count, long detectedAt) {
        LocalDate day = LocalDate.ofEpochDay(claim.day);
        Alert a = new Alert();
        a.alertId = AlertIds.of(CAPACITY_EXCEEDED, claim.location, day);
        a.type = CAPACITY_EXCEEDED;
        a.severity = Severity.INFO;
        a.location = claim.location;
        a.eventTime = claim.eventTime;
        a.detectedAt = detectedAt;
        a.observed = (double) count.planned;
        a.expected = (double) count.capacity;
        a.message = "Location " + claim.location + " has " + count.planned + " shipments planned for its day " + day
                + ", over its daily capacity of " + count.capacity + ": order " + claim.orderId
                + " was routed there before routing saw the location full.";
        a.evidenceJson = Evidence.of("ship_day", day.toString())
                .and("shipments_planned", count.planned)
                .and("daily_capacity", count.capacity)
                .and("order_id", claim.orderId)
                .and("rule_set_version", claim.ruleSetVersion)
                .toJson();
        return a;
    }
}

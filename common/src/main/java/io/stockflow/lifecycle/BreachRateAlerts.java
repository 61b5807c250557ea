package io.stockflow.lifecycle;

import io.stockflow.alert.Alert;
import io.stockflow.alert.AlertIds;
import io.stockflow.alert.Evidence;
import io.stockflow.alert.Severity;
import io.stockflow.json.Instants;
import java.util.Locale;

/** {@code SLA_BREACH_RATE}: when a window's share of late orders pages someone, and how the alert explains it. */
public final class BreachRateAlerts {
    public static final String SLA_BREACH_RATE = "SLA_BREACH_RATE";
    public static final String LOCATION = "location";
    public static final String CHANNEL = "channel";

    private BreachRateAlerts() {}

    /** Above the threshold, and with enough volume that one late order of two does not page anyone. */
    public static boolean breaching(BreachRatePolicy policy, long late, long total) {
        return total >= policy.minOrders && (double) late / total > policy.threshold;
    }

    public static Alert of(
            BreachRatePolicy policy,
            String dimension,
            String value,
            String sla,
            long late,
            long total,
            long windowStart,
            long windowEnd,
            long now) {
        double share = (double) late / total;
        Alert a = new Alert();
        a.alertId = AlertIds.of(SLA_BREACH_RATE, dimension, value, sla, windowStart, windowEnd);
        a.type = SLA_BREACH_RATE;
        a.severity = Severity.CRITICAL;
        if (LOCATION.equals(dimension)) a.location = value;
        else a.channel = value;
        a.eventTime = windowEnd - 1;
        a.detectedAt = now;
        a.windowStart = windowStart;
        a.windowEnd = windowEnd;
        a.observed = Math.round(share * 10_000) / 10_000.0;
        a.expected = policy.threshold;
        String deadline = OrderLifecycle.SHIP.equals(sla) ? "ship-by" : "deliver-by";
        a.message = String.format(
                Locale.ROOT,
                "%d of %d orders (%.0f%%) of %s %s with a %s between %s and %s missed"
                        + " it, above the %.0f%% threshold.",
                late,
                total,
                share * 100,
                dimension,
                value,
                deadline,
                Instants.format(windowStart),
                Instants.format(windowEnd),
                policy.threshold * 100);
        a.evidenceJson = Evidence.of("sla", sla)
                .and("dimension", dimension)
                .and("late_orders", late)
                .and("orders", total)
                .and("late_share", a.observed)
                .and("threshold", policy.threshold)
                .and("min_orders", policy.minOrders)
                .and("window", policy.window.toString())
                .and("slide", policy.slide.toString())
                .toJson();
        return a;
    }
}

package io.stockflow.lifecycle;

import io.stockflow.alert.Alert;
import io.stockflow.alert.AlertIds;
import io.stockflow.alert.Evidence;
import io.stockflow.alert.Severity;
import io.stockflow.json.Instants;
import io.stockflow.tracking.TrackingUpdate;
import java.time.Duration;

/**
 * The alerts of an order's lifecycle, each explaining itself: the deadline and where it came from, the stage the order
 * was in and since when, and how long that is. Ids are deterministic: one per order and type (per stage for
 * {@code STUCK_ORDER}, per carrier event for {@code DELIVERY_EXCEPTION}).
 */
public final class LifecycleAlerts {
    public static final String SHIP_SLA_AT_RISK = "SHIP_SLA_AT_RISK";
    public static final String SHIP_SLA_BREACH = "SHIP_SLA_BREACH";
    public static final String DELIVERY_SLA_BREACH = "DELIVERY_SLA_BREACH";
    public static final String STUCK_ORDER = "STUCK_ORDER";
    public static final String DELIVERY_EXCEPTION = "DELIVERY_EXCEPTION";

    private LifecycleAlerts() {}

    public static Alert atRisk(OrderTrack t, Deadline shipBy, long at, long now) {
        Stage stage = t.stageAt(at);
        Alert a = base(t, SHIP_SLA_AT_RISK, Severity.WARNING, at, now, AlertIds.of(SHIP_SLA_AT_RISK, t.orderId));
        a.message = "Order " + t.orderId + " is not picked " + HumanDurations.of(shipBy.time - at)
                + " before its ship-by " + Instants.format(shipBy.time) + ": it is " + describe(t, stage, at) + ".";
        a.evidenceJson = deadlineEvidence(t, shipBy, stage, at).toJson();
        return a;
    }

    public static Alert shipBreach(OrderTrack t, Deadline shipBy, long now) {
        Stage stage = t.stageAt(shipBy.time);
        Alert a =
                base(t, SHIP_SLA_BREACH, Severity.CRITICAL, shipBy.time, now, AlertIds.of(SHIP_SLA_BREACH, t.orderId));
        a.message = "Order " + t.orderId + " was not shipped by its ship-by " + Instants.format(shipBy.time)
                + " (" + shipBy.source + "): it is " + describe(t, stage, shipBy.time) + ", "
                + HumanDurations.of(shipBy.time - t.placedAt) + " after it was placed.";
        a.evidenceJson = deadlineEvidence(t, shipBy, stage, shipBy.time).toJson();
        return a;
    }

    public static Alert deliveryBreach(OrderTrack t, Deadline deliverBy, long now) {
        Stage stage = t.stageAt(deliverBy.time);
        Alert a = base(
                t,
                DELIVERY_SLA_BREACH,
                Severity.CRITICAL,
                deliverBy.time,
                now,
                AlertIds.of(DELIVERY_SLA_BREACH, t.orderId));
        a.message = "Order " + t.orderId + " was not delivered by its deliver-by " + Instants.format(deliverBy.time)
                + " (" + deliverBy.source + "): it is " + describe(t, stage, deliverBy.time)
                + (t.carrier == null ? "" : " with " + t.carrier) + ".";
        Evidence e = deadlineEvidence(t, deliverBy, stage, deliverBy.time);
        if (t.carrier != null) e.and("carrier", t.carrier);
        if (t.trackingCode != null) e.and("tracking_code", t.trackingCode);
        if (t.estimatedDelivery != null) e.and("carrier_estimate", Instants.format(t.estimatedDelivery));
        a.evidenceJson = e.toJson();
        return a;
    }

    public static Alert stuck(OrderTrack t, Stage stage, long entered, Duration limit, long at, long now) {
        Alert a = base(t, STUCK_ORDER, Severity.WARNING, at, now, AlertIds.of(STUCK_ORDER, t.orderId, stage));
        a.message = "Order " + t.orderId + " has been " + stage + " since " + Instants.format(entered) + " ("
                + HumanDurations.of(at - entered) + ") without progress; the limit for " + stage + " is "
                + HumanDurations.of(limit) + ".";
        a.observed = hours(at - entered);
        a.expected = hours(limit.toMillis());
        Evidence e = Evidence.of("stage", stage.name())
                .and("since", Instants.format(entered))
                .and("limit", limit.toString())
                .and("placed_at", t.placedAt == 0 ? null : Instants.format(t.placedAt));
        if (t.carrier != null) e.and("carrier", t.carrier);
        if (t.trackingCode != null) e.and("tracking_code", t.trackingCode);
        a.evidenceJson = e.toJson();
        return a;
    }

    public static Alert deliveryException(OrderTrack t, TrackingUpdate u, long now) {
        Severity severity = u.status == io.stockflow.tracking.TrackingStatus.RETURN_TO_SENDER
                ? Severity.CRITICAL
                : Severity.WARNING;
        Alert a = base(
                t,
                DELIVERY_EXCEPTION,
                severity,
                u.occurredAt,
                now,
                AlertIds.of(DELIVERY_EXCEPTION, t.orderId, u.status, u.occurredAt));
        a.message = "The carrier" + (u.carrier == null ? "" : " " + u.carrier) + " reports " + words(u.status)
                + " for order " + t.orderId + " (tracking " + u.trackingCode + ")"
                + (u.detail == null ? "" : ": " + u.detail) + ".";
        a.evidenceJson = Evidence.of("status", u.status.name())
                .and("provider", u.source)
                .and("provider_status", u.providerStatus)
                .and("tracking_code", u.trackingCode)
                .and("carrier", u.carrier)
                .and("carrier_message", u.detail)
                .toJson();
        return a;
    }

    private static Alert base(OrderTrack t, String type, Severity severity, long eventTime, long now, String id) {
        Alert a = new Alert();
        a.alertId = id;
        a.type = type;
        a.severity = severity;
        a.orderId = t.orderId;
        a.channel = t.channel;
        a.location = t.location;
        a.eventTime = eventTime;
        a.detectedAt = now;
        return a;
    }

    private static Evidence deadlineEvidence(OrderTrack t, Deadline d, Stage stage, long at) {
        long since = stage == null ? 0 : t.enteredAt(stage);
        return Evidence.of("deadline", Instants.format(d.time))
                .and("deadline_source", d.source)
                .and("last_state", stage == null ? null : stage.name())
                .and("last_state_since", since == 0 ? null : Instants.format(since))
                .and(
                        "in_last_state_for",
                        since == 0 ? null : Duration.ofMillis(at - since).toString())
                .and("placed_at", t.placedAt == 0 ? null : Instants.format(t.placedAt))
                .and("service_level", t.serviceLevel)
                .and("location", t.location);
    }

    private static String describe(OrderTrack t, Stage stage, long at) {
        if (stage == null) return "without any recorded progress";
        long since = t.enteredAt(stage);
        return "still " + stage
                + (since == 0 ? "" : " since " + Instants.format(since) + " (" + HumanDurations.of(at - since) + ")");
    }

    private static String words(io.stockflow.tracking.TrackingStatus status) {
        switch (status) {
            case ATTEMPT_FAILED:
                return "a failed delivery attempt";
            case RETURN_TO_SENDER:
                return "a return to sender";
            default:
                return "a delivery exception";
        }
    }

    private static double hours(long millis) {
        return Math.round(millis / 36_000.0) / 100.0;
    }
}

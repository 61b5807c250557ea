package io.stockflow.lifecycle;

import io.stockflow.alert.Alert;
import io.stockflow.alert.AlertIds;
import io.stockflow.alert.EpisodePacing;
import io.stockflow.alert.Evidence;
import io.stockflow.alert.Severity;
import io.stockflow.json.Instants;
import java.io.Serializable;
import java.util.List;

/**
 * One {@code CARRIER_SILENT} alert per carrier (or channel) whose parcels get no tracking, instead of a
 * {@code STUCK_ORDER} and a {@code DELIVERY_SLA_BREACH} per order. A breach of an order its carrier never reported on
 * is folded into the carrier's episode, unless a parcel shipped later by the same carrier has reported: then the
 * carrier works and lost this one parcel, and the order's own breach is sent as it is. The episode's id comes from the
 * group and the first silent order's shipment; its count of orders is sent when {@link EpisodePacing} says so; a
 * parcel shipped after the latest silent one that reports resolves it.
 */
public final class CarrierSilences implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String CARRIER_SILENT = "CARRIER_SILENT";
    private static final int SAMPLES = 5;

    private final EpisodePacing pacing;

    public CarrierSilences(EpisodePacing pacing) {
        this.pacing = pacing;
    }

    /** Applies one report to the group's state; returns what to send: nothing, the order's breach, or an update. */
    public List<Alert> apply(CarrierSilence s, CarrierReport r, long now) {
        if (r.carrier != null) s.carrier = r.carrier;
        if (s.channel == null) s.channel = r.channel;
        if (r.heard) {
            s.lastHeardShippedAt = Math.max(s.lastHeardShippedAt, r.shippedAt);
            if (!s.open || r.shippedAt <= s.latestSilentShippedAt) return List.of();
            s.open = false;
            s.resolvedAt = r.eventTime;
            return List.of(report(s, r, now));
        }
        if (r.shippedAt < s.lastHeardShippedAt) return List.of(r.breach);
        if (!s.open) {
            s.open = true;
            s.startedAt = r.shippedAt;
            s.since = r.shippedAt;
            s.alertId = AlertIds.of(CARRIER_SILENT, r.group, r.shippedAt);
            s.latestSilentShippedAt = r.shippedAt;
            s.orders = 0;
            s.breaches = 0;
            s.sampleOrders.clear();
            s.revision = 0;
            s.reportedOrders = 0;
            s.resolvedAt = 0;
        }
        s.breaches++;
        if (r.firstOfOrder) {
            s.orders++;
            if (s.sampleOrders.size() < SAMPLES) s.sampleOrders.add(r.orderId);
        }
        s.since = Math.min(s.since, r.shippedAt);
        s.latestSilentShippedAt = Math.max(s.latestSilentShippedAt, r.shippedAt);
        s.lastAt = Math.max(s.lastAt, r.eventTime);
        if (s.revision > 0 && !pacing.due(s.orders, s.reportedOrders, r.eventTime, s.reportedAt)) return List.of();
        return List.of(report(s, r, now));
    }

    private static Alert report(CarrierSilence s, CarrierReport r, long now) {
        s.revision++;
        s.reportedOrders = s.orders;
        s.reportedAt = r.eventTime;
        boolean byCarrier = s.carrier != null && r.group.startsWith("carrier:");
        String who = byCarrier ? s.carrier : "the carriers of " + s.channel;
        Alert a = new Alert();
        a.alertId = s.alertId;
        a.type = CARRIER_SILENT;
        a.severity = Severity.CRITICAL;
        if (!byCarrier) a.channel = s.channel;
        a.eventTime = r.eventTime;
        a.detectedAt = now;
        a.observed = (double) s.orders;
        a.expected = 0.0;
        a.status = s.open ? Alert.FIRING : Alert.RESOLVED;
        a.revision = s.revision;
        a.startedAt = s.startedAt;
        String counted = s.orders + (s.orders == 1 ? " shipped order" : " shipped orders");
        if (s.open) {
            a.message = "No tracking from " + who + " for " + counted + " since " + Instants.format(s.since)
                    + " (latest shipped " + Instants.format(s.latestSilentShippedAt)
                    + "): their stuck and late-delivery breaches are counted here, not raised one by one.";
        } else {
            a.resolvedAt = s.resolvedAt;
            a.message = "Tracking from " + who + " is back: order " + r.orderId + ", shipped "
                    + Instants.format(r.shippedAt) + ", had a carrier update at " + Instants.format(r.eventTime)
                    + "; " + counted + " since " + Instants.format(s.since) + " never had one.";
        }
        Evidence e = Evidence.of("orders", s.orders)
                .and("breaches", s.breaches)
                .and("since", Instants.format(s.since))
                .and("latest_shipped_at", Instants.format(s.latestSilentShippedAt))
                .and("sample_orders", List.copyOf(s.sampleOrders));
        if (s.carrier != null) e.and("carrier", s.carrier);
        if (!byCarrier) e.and("channel", s.channel);
        if (!s.open) e.and("reported_order", r.orderId);
        a.evidenceJson = e.toJson();
        return a;
    }
}

package io.stockflow.ledger;

import io.stockflow.alert.Alert;
import io.stockflow.alert.AlertIds;
import io.stockflow.alert.EpisodePacing;
import io.stockflow.alert.Evidence;
import io.stockflow.alert.Severity;
import io.stockflow.json.Instants;
import java.io.Serializable;

/**
 * One {@code OVERSELL} alert per SKU and episode instead of one per order line. The first oversold line opens the
 * episode (id from the SKU and its start, so a replay gives the same id) and sends revision 1; later lines add to its
 * count of lines and units and send an update when {@link EpisodePacing} says so; availability above 0 over all
 * locations resolves it with a last revision. A line older than the resolution belongs to the episode that ended
 * and opens no new one.
 */
public final class OversellEpisodes implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String OVERSELL = StockAlerts.OVERSELL;

    private final EpisodePacing pacing;

    public OversellEpisodes(EpisodePacing pacing) {
        this.pacing = pacing;
    }

    /** Counts an oversold line; returns the episode (new or the same) and the record to send, if any. */
    public Step line(OversellEpisode e, StockSignal s, long now) {
        if (e != null && e.resolved && s.eventTime < e.resolvedAt) return new Step(e, null);
        if (e == null || e.resolved) {
            e = new OversellEpisode();
            e.startedAt = s.eventTime;
            e.alertId = AlertIds.of(OVERSELL, s.sku, e.startedAt);
            e.firstOrderId = s.orderId;
        }
        e.lines++;
        e.units += s.backordered;
        if (s.eventTime >= e.lastLineAt) {
            e.lastLineAt = s.eventTime;
            e.lastOrderId = s.orderId;
            e.lastChannel = s.channel;
        }
        if (e.revision > 0 && !pacing.due(e.lines, e.reportedLines, s.eventTime, e.reportedAt)) {
            return new Step(e, null);
        }
        return new Step(e, report(e, s.sku, s.eventTime, now, null));
    }

    /** Availability over all locations: above 0 after the episode's last line, it resolves the episode. */
    public Step availability(OversellEpisode e, StockSignal s, long now) {
        if (e == null || e.resolved || s.available <= 0 || s.eventTime < e.lastLineAt) return new Step(e, null);
        e.resolved = true;
        e.resolvedAt = s.eventTime;
        return new Step(e, report(e, s.sku, s.eventTime, now, s));
    }

    private static Alert report(OversellEpisode e, String sku, long at, long now, StockSignal back) {
        e.revision++;
        e.reportedLines = e.lines;
        e.reportedAt = at;
        Alert a = new Alert();
        a.alertId = e.alertId;
        a.type = OVERSELL;
        a.severity = Severity.CRITICAL;
        a.sku = sku;
        // The order whose line opened the episode: the record reads like the one alert of a single oversold line.
        a.orderId = e.firstOrderId;
        a.eventTime = at;
        a.detectedAt = now;
        a.observed = (double) e.units;
        a.expected = 0.0;
        a.status = e.resolved ? Alert.RESOLVED : Alert.FIRING;
        a.revision = e.revision;
        a.startedAt = e.startedAt;
        String counted = e.lines + (e.lines == 1 ? " order line" : " order lines") + " asked for " + e.units
                + (e.units == 1 ? " unit" : " units") + " of " + sku + " that no location had";
        if (e.resolved) {
            a.resolvedAt = e.resolvedAt;
            a.message = sku + " is available again (" + back.available + " units over all locations at "
                    + Instants.format(at) + "); while it was sold out from " + Instants.format(e.startedAt) + ", "
                    + counted + ".";
        } else {
            a.message = sku + " is oversold since " + Instants.format(e.startedAt) + ": " + counted + " (latest: order "
                    + e.lastOrderId + " at " + Instants.format(e.lastLineAt) + ").";
        }
        Evidence ev = Evidence.of("lines", e.lines)
                .and("units", e.units)
                .and("since", Instants.format(e.startedAt))
                .and("first_order", e.firstOrderId)
                .and("latest_order", e.lastOrderId)
                .and("latest_channel", e.lastChannel)
                .and("latest_line_at", Instants.format(e.lastLineAt));
        if (back != null) ev.and("available", back.available).and("version", back.version);
        a.evidenceJson = ev.toJson();
        return a;
    }

    /** The episode after a signal, and the record to send (null: nothing worth one). */
    public record Step(OversellEpisode episode, Alert alert) {}
}

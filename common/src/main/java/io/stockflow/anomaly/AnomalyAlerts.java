package io.stockflow.anomaly;

import io.stockflow.alert.Alert;
import io.stockflow.alert.AlertIds;
import io.stockflow.alert.Evidence;
import io.stockflow.alert.Severity;
import io.stockflow.json.Instants;
import java.util.List;
import java.util.Locale;

/** The anomaly alerts: deterministic ids, observed and expected figures, the model in the evidence, one-line messages. */
public final class AnomalyAlerts {
    public static final String DEMAND_SPIKE = "DEMAND_SPIKE";
    public static final String DEMAND_DROP = "DEMAND_DROP";
    public static final String FEED_SILENT = "FEED_SILENT";
    public static final String SUSPICIOUS_ORDER = "SUSPICIOUS_ORDER";
    public static final String REFUND_SPIKE = "REFUND_SPIKE";
    public static final String STOCKOUT_PREDICTED = "STOCKOUT_PREDICTED";
    public static final String LEDGER_MISMATCH = "LEDGER_MISMATCH";
    public static final List<String> TYPES = List.of(
            DEMAND_SPIKE,
            DEMAND_DROP,
            FEED_SILENT,
            SUSPICIOUS_ORDER,
            REFUND_SPIKE,
            STOCKOUT_PREDICTED,
            LEDGER_MISMATCH);

    private AnomalyAlerts() {}

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static Alert base(String type, Severity severity, long eventTime, long detectedAt, String id) {
        Alert a = new Alert();
        a.type = type;
        a.severity = severity;
        a.eventTime = eventTime;
        a.detectedAt = detectedAt;
        a.alertId = id;
        return a;
    }

    static Alert countAlert(
            String type,
            String sku,
            long windowEnd,
            CountVerdict v,
            double baselinePerHour,
            CountTest test,
            int seriesTested,
            double budgetPerWeek,
            long detectedAt) {
        Alert a = base(type, Severity.WARNING, windowEnd, detectedAt, AlertIds.of(type, sku, windowEnd));
        a.sku = sku;
        a.windowStart = windowEnd - v.windowMillis;
        a.windowEnd = windowEnd;
        a.observed = v.observed;
        a.expected = round(v.expected);
        String what = type.equals(REFUND_SPIKE) ? "refunds and returns" : "order lines";
        String how = type.equals(DEMAND_DROP) ? "only " : "";
        a.message = sku + ": " + how + fmt(v.observed) + " " + what + " in the " + span(v.windowMillis) + " to "
                + Instants.format(windowEnd) + " where about " + fmt(v.expected) + " were expected (chance "
                + String.format(java.util.Locale.ROOT, "%.1e", v.pValue) + ")";
        a.evidenceJson = Evidence.of("score", round(v.score()))
                .and("model", "negative-binomial-multiscale")
                .and("baseline_per_hour", round(baselinePerHour))
                .and("window_minutes", v.windowMillis / 60_000)
                .and("p_value", v.pValue)
                .and("threshold", v.alpha)
                .and("dispersion", round(v.dispersion))
                .and("series_tested", seriesTested)
                .and("alerts_per_week_budget", budgetPerWeek)
                .and("parameters", test.describe())
                .toJson();
        return a;
    }

    private static String span(long millis) {
        long hours = millis / 3_600_000L;
        return hours <= 1 ? "hour" : hours + " hours";
    }

    static Alert feedSilent(
            String channel,
            long lastOrder,
            long now,
            long silentFor,
            double expectedOrders,
            double neededOrders,
            double perHour,
            double probability,
            double threshold,
            double dispersion,
            long detectedAt) {
        Alert a = base(FEED_SILENT, Severity.CRITICAL, now, detectedAt, AlertIds.of(FEED_SILENT, channel, lastOrder));
        a.channel = channel;
        a.windowStart = lastOrder;
        a.windowEnd = now;
        a.observed = 0.0;
        a.expected = round(expectedOrders);
        a.message = channel + " has sent no order for " + silentFor / 60_000 + " min (since "
                + Instants.format(lastOrder) + ") where about " + fmt(expectedOrders) + " were expected (usually "
                + fmt(perHour) + " an hour at this time): is the integration down?";
        a.evidenceJson = Evidence.of("score", round(expectedOrders / neededOrders))
                .and("model", "negative-binomial-gap")
                .and("expected_orders", round(expectedOrders))
                .and("expected_orders_per_hour", round(perHour))
                .and("silence_probability", probability)
                .and("threshold", threshold)
                .and("dispersion", round(dispersion))
                .and("threshold_expected_orders", round(neededOrders))
                .and("last_order_at", Instants.format(lastOrder))
                .and("silent_minutes", silentFor / 60_000)
                .toJson();
        return a;
    }

    public static Alert suspiciousOrder(
            String orderId,
            String channel,
            long eventTime,
            List<String> reasons,
            double score,
            Evidence figures,
            long detectedAt,
            String reasonKind) {
        Alert a = base(
                SUSPICIOUS_ORDER,
                Severity.WARNING,
                eventTime,
                detectedAt,
                AlertIds.of(SUSPICIOUS_ORDER, orderId, reasonKind));
        a.orderId = orderId;
        a.channel = channel;
        a.message = "Order " + orderId + " on " + channel + " looks suspicious: " + String.join("; ", reasons);
        a.evidenceJson = figures.prefixedBy(Evidence.of("score", round(score)).and("reasons", reasons))
                .toJson();
        return a;
    }

    public static Alert stockoutPredicted(
            String sku,
            long asOf,
            long available,
            double perHour,
            double hoursLeft,
            long leadTimeMillis,
            double probability,
            double dispersion,
            long detectedAt) {
        double leadHours = leadTimeMillis / 3_600_000.0;
        Severity severity = hoursLeft < leadHours / 2 ? Severity.CRITICAL : Severity.WARNING;
        long stockoutAt = asOf + (long) (hoursLeft * 3_600_000.0);
        Alert a = base(STOCKOUT_PREDICTED, severity, asOf, detectedAt, AlertIds.of(STOCKOUT_PREDICTED, sku, asOf));
        a.sku = sku;
        a.observed = round(hoursLeft);
        a.expected = round(leadHours);
        a.message = sku + ": " + available + " available at " + fmt(perHour) + " units/h runs out about "
                + Instants.format(stockoutAt) + ", in " + fmt(hoursLeft) + " h, before the " + fmt(leadHours)
                + " h replenishment lead time";
        a.evidenceJson = Evidence.of("score", round(leadHours / Math.max(hoursLeft, 0.01)))
                .and("model", "velocity-ewma-negative-binomial")
                .and("stockout_probability", round(probability))
                .and("confidence", StockoutRisk.CONFIDENCE)
                .and("dispersion", round(dispersion))
                .and("available", available)
                .and("units_per_hour", round(perHour))
                .and("hours_left", round(hoursLeft))
                .and("lead_time_hours", round(leadHours))
                .and("expected_stockout_at", Instants.format(stockoutAt))
                .toJson();
        return a;
    }

    public static Alert ledgerMismatch(
            String sku,
            String location,
            String movementId,
            long countedAt,
            long counted,
            long ledger,
            long tolerance,
            long detectedAt) {
        long diff = counted - ledger;
        Alert a = base(
                LEDGER_MISMATCH,
                Severity.WARNING,
                countedAt,
                detectedAt,
                AlertIds.of(LEDGER_MISMATCH, sku, location, movementId));
        a.sku = sku;
        a.location = location;
        a.observed = (double) counted;
        a.expected = (double) ledger;
        a.message = sku + " at " + location + ": a count found " + counted + " units where the ledger had " + ledger
                + " (" + (diff > 0 ? "+" : "") + diff + ", tolerance " + tolerance + "): shrinkage or missed events";
        a.evidenceJson = Evidence.of("score", round(Math.abs(diff) / (double) Math.max(1, tolerance)))
                .and("model", "count-vs-ledger")
                .and("movement_id", movementId)
                .and("difference", diff)
                .and("tolerance", tolerance)
                .toJson();
        return a;
    }
}

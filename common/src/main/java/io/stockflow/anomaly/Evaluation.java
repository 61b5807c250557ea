package io.stockflow.anomaly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Precision, recall and detection delay of alerts against labels of injected anomalies. The matching rule: an alert
 * matches a label of the same type and the same subject (per type: the SKU; the SKU and location; the channel; the
 * order id) when the alert's event time lies in {@code [label start, label end + tolerance]}. Precision is the share
 * of alerts that match some label; recall the share of labels matched by some alert; a label's delay is the event
 * time of its first matching alert minus its start; false alarms per week are the alerts that match no label over the
 * weeks the data span. Only the types of {@link AnomalyAlerts#TYPES} are scored.
 */
public final class Evaluation {
    /** One label or one alert, reduced to what the matching needs. */
    public static final class Item {
        public final String type;
        public final String subject;
        public final long start;
        public final long end;

        public Item(String type, String subject, long start, long end) {
            this.type = type;
            this.subject = subject;
            this.start = start;
            this.end = end;
        }
    }

    /** The figures of one alert type. */
    public static final class Score {
        public final String type;
        public int labels;
        public int matchedLabels;
        public int alerts;
        public int matchedAlerts;
        public final List<Long> delays = new ArrayList<>();
        /** Weeks of data judged (from the first event to the last), for the rate of false alarms. */
        public double weeks;

        Score(String type) {
            this.type = type;
        }

        /** Alerts that match no label, per week of data; NaN when the span is unknown. */
        public double falseAlarmsPerWeek() {
            return weeks > 0 ? (alerts - matchedAlerts) / weeks : Double.NaN;
        }

        public double precision() {
            return alerts == 0 ? (labels == 0 ? 1.0 : 0.0) : matchedAlerts / (double) alerts;
        }

        public double recall() {
            return labels == 0 ? 1.0 : matchedLabels / (double) labels;
        }

        /** Median delay in millis, or -1 without a detection. */
        public long medianDelay() {
            if (delays.isEmpty()) return -1;
            List<Long> sorted = new ArrayList<>(delays);
            sorted.sort(null);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    /** The part of an alert's subject that identifies it for its type. */
    public static String subject(String type, String sku, String location, String channel, String orderId) {
        switch (type) {
            case AnomalyAlerts.FEED_SILENT:
                return "channel=" + channel;
            case AnomalyAlerts.SUSPICIOUS_ORDER:
                return "order_id=" + orderId;
            case AnomalyAlerts.LEDGER_MISMATCH:
                return "sku=" + sku + ",location=" + location;
            default:
                return "sku=" + sku;
        }
    }

    private Evaluation() {}

    /** Alerts are items with {@code start == end ==} their event time. */
    public static Map<String, Score> score(List<Item> labels, List<Item> alerts, long tolerance) {
        return score(labels, alerts, tolerance, 0);
    }

    /** As {@link #score(List, List, long)}, over data spanning {@code spanMillis}, for false alarms per week. */
    public static Map<String, Score> score(List<Item> labels, List<Item> alerts, long tolerance, long spanMillis) {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (String type : AnomalyAlerts.TYPES) scores.put(type, new Score(type));
        for (Score s : scores.values()) s.weeks = spanMillis / (7 * 24 * 3_600_000.0);
        for (Item a : alerts) {
            Score s = scores.get(a.type);
            if (s == null) continue;
            s.alerts++;
            for (Item l : labels) {
                if (matches(l, a, tolerance)) {
                    s.matchedAlerts++;
                    break;
                }
            }
        }
        for (Item l : labels) {
            Score s = scores.get(l.type);
            if (s == null) continue;
            s.labels++;
            long first = Long.MAX_VALUE;
            for (Item a : alerts) if (matches(l, a, tolerance)) first = Math.min(first, a.start);
            if (first != Long.MAX_VALUE) {
                s.matchedLabels++;
                s.delays.add(first - l.start);
            }
        }
        return scores;
    }

    static boolean matches(Item label, Item alert, long tolerance) {
        return label.type.equals(alert.type)
                && label.subject.equals(alert.subject)
                && alert.start >= label.start
                && alert.start <= label.end + tolerance;
    }
}

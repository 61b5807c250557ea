package io.stockflow.notifier.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One alert as Alertmanager's API v2 takes it ({@code POST /api/v2/alerts}): labels say what the alert is about and
 * decide grouping, inhibition and silences; annotations say what happened. Alertmanager tells alerts apart by their
 * labels, so {@code alert_id} is one: two alerts of one type and subject stay two, and a record that updates or resolves
 * an alert (same id) lands on the same alert.
 */
public record PostableAlert(
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant startsAt,
        Instant endsAt,
        String generatorUrl) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The alert, firing until {@code endsAt} (a past instant resolves it). */
    public static PostableAlert of(AlertRecord alert, AlertLinks links, Instant endsAt) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alert.type());
        labels.put("severity", alert.severity());
        labels.put("alert_id", alert.alertId());
        putIfSet(labels, "channel", alert.channel());
        putIfSet(labels, "sku", alert.sku());
        putIfSet(labels, "location", alert.location());
        putIfSet(labels, "order_id", alert.orderId());
        putIfSet(labels, "carrier", alert.carrier());
        putIfSet(labels, "stage", alert.stage());
        labels.put("source", "stockflow");

        String link = links.of(alert);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("message", alert.message());
        annotations.put("evidence", alert.evidenceJson());
        annotations.put("link", link);
        annotations.put("event_time", alert.eventTime().toString());
        if (alert.detectedAt() != null)
            annotations.put("detected_at", alert.detectedAt().toString());
        if (alert.observed() != null) annotations.put("observed", plain(alert.observed()));
        if (alert.expected() != null) annotations.put("expected", plain(alert.expected()));
        // Alertmanager refuses an alert that ends before it starts (an alert written with an event time ahead).
        Instant startsAt = alert.eventTime().isAfter(endsAt) ? endsAt : alert.eventTime();
        return new PostableAlert(Map.copyOf(labels), Map.copyOf(annotations), startsAt, endsAt, link);
    }

    /** The request body of {@code POST /api/v2/alerts}. */
    public static String toJson(Collection<PostableAlert> alerts) {
        ArrayNode array = MAPPER.createArrayNode();
        for (PostableAlert a : alerts) {
            ObjectNode node = array.addObject();
            ObjectNode labels = node.putObject("labels");
            new TreeMap<>(a.labels).forEach(labels::put);
            ObjectNode annotations = node.putObject("annotations");
            new TreeMap<>(a.annotations).forEach(annotations::put);
            node.put("startsAt", a.startsAt.toString());
            node.put("endsAt", a.endsAt.toString());
            node.put("generatorURL", a.generatorUrl);
        }
        return array.toString();
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) map.put(key, value);
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}

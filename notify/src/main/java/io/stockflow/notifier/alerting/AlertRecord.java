package io.stockflow.notifier.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What the forwarder reads of an {@code alerts} record (docs/contract.md): its id, type, severity, subject, times,
 * message and evidence. An optional {@code status} of {@code RESOLVED} (with {@code resolved_at}, else its
 * {@code event_time}) ends the alert; fields it does not know are ignored. Two facts of the evidence become labels,
 * since inhibition needs them: the {@code carrier} (a silent carrier explains its parcels' breaches) and the order's
 * {@code stage} when the alert was raised ({@code stage}, else {@code last_state}).
 */
public record AlertRecord(
        String alertId,
        String type,
        String severity,
        String orderId,
        String sku,
        String location,
        String channel,
        String carrier,
        String stage,
        Instant eventTime,
        Instant detectedAt,
        Double observed,
        Double expected,
        String message,
        String evidenceJson,
        Instant resolvedAt) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A record that cannot be read as an alert, with the reason. */
    public static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason);
        }
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    public static AlertRecord read(String json) throws Unreadable {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new Unreadable("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) throw new Unreadable("not a JSON object");
        JsonNode subject = node.path("subject");
        JsonNode evidence = node.path("evidence");
        String alertId = text(node, "alert_id", true);
        String type = text(node, "type", true);
        String severity = text(node, "severity", true);
        Instant eventTime = time(node, "event_time", true);
        boolean resolved = "RESOLVED".equals(node.path("status").asText(""));
        Instant resolvedAt = null;
        if (resolved) {
            resolvedAt = time(node, "resolved_at", false);
            if (resolvedAt == null) resolvedAt = eventTime;
        }
        return new AlertRecord(
                alertId,
                type,
                severity,
                text(subject, "order_id", false),
                text(subject, "sku", false),
                text(subject, "location", false),
                text(subject, "channel", false),
                optionalText(subject, "carrier") != null
                        ? optionalText(subject, "carrier")
                        : optionalText(evidence, "carrier"),
                optionalText(evidence, "stage") != null
                        ? optionalText(evidence, "stage")
                        : optionalText(evidence, "last_state"),
                eventTime,
                time(node, "detected_at", false),
                number(node, "observed"),
                number(node, "expected"),
                text(node, "message", true),
                evidence.isObject() ? evidence.toString() : "{}",
                resolvedAt);
    }

    private static String text(JsonNode node, String field, boolean required) throws Unreadable {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            if (required) throw new Unreadable("missing field: $." + field);
            return null;
        }
        if (!value.isTextual()) throw new Unreadable("not a string: $." + field);
        return value.asText();
    }

    /** A text field that is only read when present and a string; anything else counts as absent. */
    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    private static Instant time(JsonNode node, String field, boolean required) throws Unreadable {
        String value = text(node, field, required);
        if (value == null) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new Unreadable("not an ISO-8601 instant: $." + field + " = " + value);
        }
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }
}

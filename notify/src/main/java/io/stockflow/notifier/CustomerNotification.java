package io.stockflow.notifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a {@code notifications.customer} record the sender uses. The record carries hashes, never contact
 * details, so its raw text may go to dead letters and the claim log.
 */
public record CustomerNotification(
        String notificationId,
        String type,
        String orderId,
        String channel,
        String template,
        String branch,
        String locale,
        Map<String, String> variables,
        Instant createdAt) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Thrown for a record the sender cannot use; the message is the dead letter's reason. */
    public static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason);
        }
    }

    public static CustomerNotification read(String json) throws Unreadable {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new Unreadable("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) throw new Unreadable("not a JSON object");
        Map<String, String> variables = new LinkedHashMap<>();
        JsonNode vars = n.get("variables");
        if (vars == null || !vars.isObject()) throw new Unreadable("missing field: $.variables");
        vars.properties().forEach(e -> variables.put(e.getKey(), e.getValue().asText()));
        Instant created;
        try {
            created = Instant.parse(required(n, "created_at"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new Unreadable("not an instant: $.created_at");
        }
        String orderId = required(n, "order_id");
        return new CustomerNotification(
                required(n, "notification_id"),
                required(n, "type"),
                orderId,
                channel(n, orderId),
                required(n, "template"),
                required(n, "branch"),
                required(n, "locale"),
                variables,
                created);
    }

    /** The order's channel: the record's {@code channel}, else the part of the order id before its colon. */
    private static String channel(JsonNode n, String orderId) {
        JsonNode v = n.get("channel");
        if (v != null && v.isTextual() && !v.asText().isBlank())
            return v.asText().toLowerCase(Locale.ROOT);
        int colon = orderId.indexOf(':');
        return colon > 0 ? orderId.substring(0, colon).toLowerCase(Locale.ROOT) : "";
    }

    private static String required(JsonNode n, String field) throws Unreadable {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) throw new Unreadable("missing field: $." + field);
        return v.asText();
    }
}

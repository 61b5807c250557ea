package io.stockflow.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the records of the output topics into the views. A record that does not read (not JSON, a missing or mistyped
 * field) is skipped and counted with its reason, never thrown: one bad record must not stop the service or hide the
 * records after it.
 */
public final class Materializer {
    private static final Logger LOG = LoggerFactory.getLogger(Materializer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The contract's values (docs/contract.md): a record with another one was not written by the jobs as they are. */
    static final List<String> DECISIONS = List.of("ALLOCATED", "PARTIAL", "BACKORDERED", "REJECTED");

    static final List<String> EVENT_TYPES = List.of("PLACED", "UPDATED", "CANCELLED", "REFUNDED", "SHIPPED");

    private final AvailabilityView availability;
    private final RecentChanges changes;
    private final OrderTimelines orders;
    private final AlertLog alerts;
    private final ServeMetrics metrics;

    Materializer(
            AvailabilityView availability,
            RecentChanges changes,
            OrderTimelines orders,
            AlertLog alerts,
            ServeMetrics metrics) {
        this.availability = availability;
        this.changes = changes;
        this.orders = orders;
        this.alerts = alerts;
        this.metrics = metrics;
    }

    /** Applies one record of a logical topic; only the consumer's thread calls this. */
    public void accept(String topic, String value) {
        try {
            if (value == null || value.isBlank()) throw new UnusableRecord("empty", "empty record");
            JsonNode record;
            try {
                record = JSON.readTree(value);
            } catch (JsonProcessingException e) {
                throw new UnusableRecord("not_json", "not JSON: " + e.getOriginalMessage());
            }
            if (record == null || !record.isObject()) throw new UnusableRecord("not_object", "not a JSON object");
            switch (topic) {
                case ServedTopics.AVAILABILITY -> availability(record);
                case ServedTopics.ORDERS_CANONICAL -> orderEvent(record, value);
                case ServedTopics.ALLOCATIONS -> decision(record, value);
                case ServedTopics.NOTIFICATIONS -> notification(record, value);
                case ServedTopics.ALERTS -> alert(record, value);
                default -> throw new UnusableRecord("unknown_topic", "not a served topic: " + topic);
            }
            metrics.materialized(topic);
        } catch (UnusableRecord e) {
            metrics.skipped(topic, e.category);
            // The reason only: records carry customer hashes and order details that do not belong in logs.
            LOG.debug("skipped a record on {}: {}", topic, e.getMessage());
        }
    }

    private void availability(JsonNode r) throws UnusableRecord {
        String sku = RecordFields.text(r, "sku");
        Position p = new Position(
                RecordFields.text(r, "location"),
                RecordFields.integer(r, "on_hand"),
                RecordFields.integer(r, "reserved"),
                RecordFields.integer(r, "safety_stock"),
                RecordFields.integer(r, "available"),
                RecordFields.longInteger(r, "version"),
                RecordFields.instant(r, "as_of"));
        Position[] previous = new Position[1];
        AvailabilityView.Outcome outcome = availability.apply(sku, p, previous);
        if (outcome == AvailabilityView.Outcome.REFUSED)
            throw new UnusableRecord("out_of_range", "version out of range or too many locations");
        if (outcome == AvailabilityView.Outcome.APPLIED) {
            Position before = previous[0];
            changes.add(new AvailabilityChange(
                    sku,
                    p.location(),
                    p.onHand(),
                    p.reserved(),
                    p.available(),
                    before == null ? null : p.onHand() - before.onHand(),
                    before == null ? null : p.reserved() - before.reserved(),
                    p.version(),
                    p.asOfMillis()));
        }
    }

    private void orderEvent(JsonNode r, String json) throws UnusableRecord {
        String orderId = RecordFields.text(r, "order_id");
        String type = RecordFields.text(r, "type");
        if (!EVENT_TYPES.contains(type))
            throw new UnusableRecord("wrong_value", "field 'type' is not one of " + EVENT_TYPES + ": " + type);
        TimelineEntry e = new TimelineEntry(
                TimelineEntry.Kind.ORDER_EVENT,
                RecordFields.instant(r, "event_time"),
                RecordFields.text(r, "event_id"),
                json);
        orders.add(orderId, e);
        orders.describe(
                orderId, RecordFields.optionalText(r, "channel"), RecordFields.optionalText(r, "marketplace_order_id"));
    }

    private void decision(JsonNode r, String json) throws UnusableRecord {
        String orderId = RecordFields.text(r, "order_id");
        String decision = RecordFields.text(r, "decision");
        if (!DECISIONS.contains(decision))
            throw new UnusableRecord("wrong_value", "field 'decision' is not one of " + DECISIONS + ": " + decision);
        String decidedAt = RecordFields.optionalText(r, "decided_at");
        String eventTime = RecordFields.optionalText(r, "event_time");
        String when = eventTime != null ? eventTime : decidedAt;
        if (when == null) throw new UnusableRecord("missing_field", "missing field 'event_time' and 'decided_at'");
        long at = RecordFields.parseInstant(when, eventTime != null ? "event_time" : "decided_at");
        orders.add(orderId, new TimelineEntry(TimelineEntry.Kind.DECISION, at, decision + "@" + decidedAt, json));
        orders.describe(orderId, RecordFields.optionalText(r, "channel"), null);
    }

    private void notification(JsonNode r, String json) throws UnusableRecord {
        String orderId = RecordFields.text(r, "order_id");
        orders.add(
                orderId,
                new TimelineEntry(
                        TimelineEntry.Kind.NOTIFICATION,
                        RecordFields.instant(r, "event_time"),
                        RecordFields.text(r, "notification_id"),
                        json));
    }

    private void alert(JsonNode r, String json) throws UnusableRecord {
        String id = RecordFields.text(r, "alert_id");
        String type = RecordFields.text(r, "type");
        String severityName = RecordFields.text(r, "severity");
        Severity severity = Severity.parse(severityName);
        if (severity == null) throw new UnusableRecord("wrong_value", "unknown severity " + severityName);
        long at = RecordFields.instant(r, "event_time");
        JsonNode subject = r.path("subject");
        String orderId = RecordFields.optionalText(subject, "order_id");
        alerts.add(new StoredAlert(
                id,
                type,
                severity,
                orderId,
                RecordFields.optionalText(subject, "sku"),
                RecordFields.optionalText(subject, "location"),
                RecordFields.optionalText(subject, "channel"),
                at,
                json));
        if (orderId != null) orders.add(orderId, new TimelineEntry(TimelineEntry.Kind.ALERT, at, id, json));
    }
}

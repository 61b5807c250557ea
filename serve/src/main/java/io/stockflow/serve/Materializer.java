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

    /** The channel counted for a record that names none. */
    static final String UNKNOWN = "(unknown)";

    static final List<String> EVENT_TYPES = List.of("PLACED", "UPDATED", "CANCELLED", "REFUNDED", "SHIPPED");

    private final AvailabilityView availability;
    private final RecentChanges changes;
    private final OrderTimelines orders;
    private final AlertLog alerts;
    private final ServeMetrics metrics;
    private final ConsoleViews console;

    Materializer(
            AvailabilityView availability,
            RecentChanges changes,
            OrderTimelines orders,
            AlertLog alerts,
            ServeMetrics metrics,
            ConsoleViews console) {
        this.console = console;
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
                case ServedTopics.CHANNEL_SYNC -> push(record);
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
            // A stock-out is the network's available going to 0 from above it.
            if ("*".equals(p.location()) && p.available() == 0 && before != null && before.available() > 0)
                console.reports.add(p.asOfMillis(), DailyReports.Counter.STOCKOUTS, 1, sku);
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
        boolean added = orders.add(orderId, e);
        String channel = RecordFields.optionalText(r, "channel");
        orders.describe(orderId, channel, RecordFields.optionalText(r, "marketplace_order_id"));
        if (!added) return;
        String shown = channel == null ? UNKNOWN : channel;
        console.reports.add(e.eventTimeMillis(), DailyReports.Counter.ORDERS, 1, shown, type);
        if (type.equals("PLACED")) {
            console.live.placed(shown, e.eventTimeMillis());
            for (JsonNode line : r.path("lines")) {
                String sku = RecordFields.optionalText(line, "sku");
                if (sku != null && line.path("quantity").canConvertToInt())
                    console.live.ordered(sku, line.path("quantity").intValue(), e.eventTimeMillis());
            }
        }
        console.deadlines.deadlines(orderId, channel, optionalInstant(r, "ship_by"), optionalInstant(r, "deliver_by"));
    }

    /** A deadline that does not read is left out of the reports; the record itself is still used. */
    private static Long optionalInstant(JsonNode r, String field) {
        String v = RecordFields.optionalText(r, field);
        if (v == null) return null;
        try {
            return RecordFields.parseInstant(v, field);
        } catch (UnusableRecord e) {
            return null;
        }
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
        // A later decision of the order (a backorder filled) has a revision: with it, two decisions alike in outcome
        // and time stay two entries.
        JsonNode revision = r.get("revision");
        boolean later = revision != null && revision.canConvertToInt();
        String id = decision + "@" + decidedAt + (later ? "#" + revision.asInt() : "");
        boolean added = orders.add(orderId, new TimelineEntry(TimelineEntry.Kind.DECISION, at, id, json));
        String channel = RecordFields.optionalText(r, "channel");
        orders.describe(orderId, channel, null);
        if (!added) return;
        JsonNode first = r.path("allocations").path(0);
        console.deadlines.location(orderId, RecordFields.optionalText(first, "location"), channel);
        // The reports count each order's first decision once; a later one changes where it ships, not the counts.
        if (later) return;
        console.reports.add(at, DailyReports.Counter.DECISIONS, 1, channel == null ? UNKNOWN : channel, decision);
        for (JsonNode line : r.path("backordered")) {
            String sku = RecordFields.optionalText(line, "sku");
            if (sku != null && line.path("quantity").canConvertToLong())
                console.reports.add(
                        at,
                        DailyReports.Counter.BACKORDERED_UNITS,
                        line.path("quantity").longValue(),
                        sku);
        }
    }

    /** A push to a channel: what the channel lists now, when it accepted it. */
    private void push(JsonNode r) throws UnusableRecord {
        String sku = RecordFields.text(r, "sku");
        String channel = RecordFields.text(r, "channel");
        String status = RecordFields.text(r, "status");
        int quantity = RecordFields.integer(r, "quantity");
        long version = RecordFields.longInteger(r, "availability_version");
        long pushedAt = RecordFields.instant(r, "pushed_at");
        if (!status.equals("ACCEPTED")) return;
        String target = RecordFields.optionalText(r, "target");
        if (!console.listed.apply(sku, target == null ? channel : channel + "@" + target, quantity, version, pushedAt))
            throw new UnusableRecord("out_of_range", "availability_version out of range or too many listing targets");
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
        String location = RecordFields.optionalText(subject, "location");
        String channel = RecordFields.optionalText(subject, "channel");
        // Fields the alert may carry beyond the contract's are left as they are; status and revision are read when
        // present, for alerts published again as they change.
        JsonNode revision = r.get("revision");
        boolean isNew = !alerts.holds(id);
        boolean kept = alerts.add(new StoredAlert(
                id,
                type,
                severity,
                orderId,
                RecordFields.optionalText(subject, "sku"),
                location,
                channel,
                at,
                json,
                RecordFields.optionalText(r, "status"),
                revision != null && revision.canConvertToLong() ? revision.longValue() : 0));
        if (kept && isNew) {
            console.reports.add(at, DailyReports.Counter.ALERTS, 1, type);
            DailyReports.Counter breached = switch (type) {
                case "SHIP_SLA_BREACH" -> DailyReports.Counter.SHIP_BREACHED;
                case "DELIVERY_SLA_BREACH" -> DailyReports.Counter.DELIVERY_BREACHED;
                default -> null;
            };
            if (breached != null)
                console.reports.add(
                        at,
                        breached,
                        1,
                        location == null ? OrderDeadlines.UNALLOCATED : location,
                        channel == null ? UNKNOWN : channel);
        }
        if (orderId != null) orders.add(orderId, new TimelineEntry(TimelineEntry.Kind.ALERT, at, id, json));
    }
}

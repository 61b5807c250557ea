package io.stockflow.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.stockflow.alert.Alert;
import io.stockflow.allocation.AllocatedUnits;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.json.Instants;
import io.stockflow.json.JsonText;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.model.DeadLetter;
import io.stockflow.notify.Notification;
import java.io.IOException;
import java.util.List;

/** Writes the output records of the contract ({@code docs/contract.md}) as compact JSON, field names in snake_case. */
public final class OutputJson {
    private OutputJson() {}

    public static String availability(AvailabilityUpdate u) {
        return JsonText.object(availabilityFields(u));
    }

    /** {@link #availability} as UTF-8 bytes. */
    public static byte[] availabilityUtf8(AvailabilityUpdate u) {
        return JsonText.utf8(availabilityFields(u));
    }

    private static JsonText.Fields availabilityFields(AvailabilityUpdate u) {
        return g -> {
            g.writeStringField("sku", u.sku);
            g.writeStringField("location", u.location);
            g.writeNumberField("on_hand", u.onHand);
            g.writeNumberField("reserved", u.reserved);
            g.writeNumberField("safety_stock", u.safetyStock);
            g.writeNumberField("available", u.available);
            g.writeNumberField("version", u.version);
            g.writeStringField("as_of", Instants.format(u.asOf));
        };
    }

    public static String allocation(OrderAllocation a) {
        return JsonText.object(allocationFields(a));
    }

    /** {@link #allocation} as UTF-8 bytes. */
    public static byte[] allocationUtf8(OrderAllocation a) {
        return JsonText.utf8(allocationFields(a));
    }

    private static JsonText.Fields allocationFields(OrderAllocation a) {
        return g -> {
            g.writeStringField("order_id", a.orderId);
            g.writeStringField("decision", a.decision.name());
            units(g, "allocations", a.allocations, true);
            units(g, "backordered", a.backordered, false);
            g.writeStringField("rule_set_version", a.ruleSetVersion);
            g.writeArrayFieldStart("rule_ids");
            for (String id : a.ruleIds) g.writeString(id);
            g.writeEndArray();
            g.writeStringField("reason", a.reason);
            g.writeStringField("decided_at", Instants.format(a.decidedAt));
            if (a.channel != null) g.writeStringField("channel", a.channel);
            g.writeStringField("event_time", Instants.format(a.eventTime));
            if (a.explanationJson != null) {
                g.writeFieldName("explanation");
                g.writeRawValue(a.explanationJson);
            }
            if (a.revision > 1) g.writeNumberField("revision", a.revision);
            if (!a.filled.isEmpty()) units(g, "filled", a.filled, true);
        };
    }

    public static String alert(Alert a) {
        return JsonText.object(g -> {
            g.writeStringField("alert_id", a.alertId);
            g.writeStringField("type", a.type);
            g.writeStringField("severity", a.severity.name());
            g.writeObjectFieldStart("subject");
            if (a.orderId != null) g.writeStringField("order_id", a.orderId);
            if (a.sku != null) g.writeStringField("sku", a.sku);
            if (a.location != null) g.writeStringField("location", a.location);
            if (a.channel != null) g.writeStringField("channel", a.channel);
            g.writeEndObject();
            g.writeStringField("event_time", Instants.format(a.eventTime));
            g.writeStringField("detected_at", Instants.format(a.detectedAt));
            if (a.windowStart != null && a.windowEnd != null) {
                g.writeObjectFieldStart("window");
                g.writeStringField("start", Instants.format(a.windowStart));
                g.writeStringField("end", Instants.format(a.windowEnd));
                g.writeEndObject();
            }
            if (a.observed != null) number(g, "observed", a.observed);
            if (a.expected != null) number(g, "expected", a.expected);
            g.writeStringField("message", a.message);
            g.writeFieldName("evidence");
            g.writeRawValue(a.evidenceJson != null ? a.evidenceJson : "{}");
            if (a.status != null) {
                g.writeStringField("status", a.status);
                g.writeNumberField("revision", a.revision == null ? 1 : a.revision);
                if (a.startedAt != null) g.writeStringField("started_at", Instants.format(a.startedAt));
                if (a.resolvedAt != null) g.writeStringField("resolved_at", Instants.format(a.resolvedAt));
            }
        });
    }

    /** A record of {@code notifications.customer} (schema: {@code docs/schemas/notifications.customer.schema.json}). */
    public static String notification(Notification n) {
        return JsonText.object(g -> {
            g.writeStringField("notification_id", n.notificationId);
            g.writeStringField("type", n.kind.name());
            g.writeStringField("order_id", n.orderId);
            g.writeStringField("channel", n.channel);
            g.writeStringField("template", n.template);
            g.writeStringField("branch", n.branch);
            g.writeStringField("locale", n.locale);
            g.writeObjectFieldStart("recipient");
            if (n.emailHash != null) g.writeStringField("email_hash", n.emailHash);
            if (n.phoneHash != null) g.writeStringField("phone_hash", n.phoneHash);
            g.writeEndObject();
            g.writeFieldName("variables");
            g.writeRawValue(n.variablesJson != null ? n.variablesJson : "{}");
            g.writeStringField("event_time", Instants.format(n.eventTime));
            g.writeStringField("created_at", Instants.format(n.createdAt));
        });
    }

    public static String deadLetter(DeadLetter d) {
        return JsonText.object(g -> {
            g.writeStringField("source_topic", d.sourceTopic);
            g.writeStringField("error", d.error);
            g.writeStringField("raw", d.raw);
            g.writeStringField("received_at", Instants.format(d.receivedAt));
        });
    }

    private static void units(JsonGenerator g, String field, List<AllocatedUnits> units, boolean withLocation)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (AllocatedUnits u : units) {
            g.writeStartObject();
            g.writeStringField("sku", u.sku);
            g.writeNumberField("quantity", u.quantity);
            if (withLocation) g.writeStringField("location", u.location);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, String field, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) g.writeNumberField(field, (long) value);
        else g.writeNumberField(field, value);
    }
}

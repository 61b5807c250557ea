package io.stockflow.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Output records as the jobs write them (docs/contract.md), built for the console's tests. */
final class ConsoleRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsoleRecords() {}

    static String placed(String channel, String number, Instant at, String sku, int quantity, Instant shipBy) {
        return event("PLACED", channel, number, at, sku, quantity, shipBy);
    }

    static String event(
            String type, String channel, String number, Instant at, String sku, int quantity, Instant shipBy) {
        String orderId = channel + ":" + number;
        ObjectNode r = JSON.createObjectNode()
                .put("event_id", orderId + ":" + type + ":" + at)
                .put("order_id", orderId)
                .put("channel", channel)
                .put("marketplace_order_id", number)
                .put("type", type)
                .put("event_time", at.toString())
                .put("received_at", at.toString())
                .put("currency", "EUR")
                .put("total", "10.00");
        if (shipBy != null)
            r.put("ship_by", shipBy.toString())
                    .put("deliver_by", shipBy.plusSeconds(3 * 86400).toString());
        r.putArray("lines").addObject().put("sku", sku).put("quantity", quantity);
        return r.toString();
    }

    static String decision(
            String orderId, String channel, String decision, Instant at, String location, String sku, int backordered) {
        ObjectNode r = JSON.createObjectNode()
                .put("order_id", orderId)
                .put("decision", decision)
                .put("reason", decision + " by the test")
                .put("decided_at", at.toString())
                .put("event_time", at.toString())
                .put("channel", channel)
                .put("rule_set_version", "builtin-1");
        ArrayNode allocations = r.putArray("allocations");
        if (location != null)
            allocations.addObject().put("sku", sku).put("quantity", 1).put("location", location);
        ArrayNode back = r.putArray("backordered");
        if (backordered > 0) back.addObject().put("sku", sku).put("quantity", backordered);
        return r.toString();
    }

    static String availability(String sku, String location, int onHand, int reserved, long version, Instant at) {
        return JSON.createObjectNode()
                .put("sku", sku)
                .put("location", location)
                .put("on_hand", onHand)
                .put("reserved", reserved)
                .put("safety_stock", 0)
                .put("available", Math.max(0, onHand - reserved))
                .put("version", version)
                .put("as_of", at.toString())
                .toString();
    }

    static String alert(
            String id, String type, String severity, Instant at, String orderId, String sku, String message) {
        return alert(id, type, severity, at, orderId, sku, "WH-EAST", message);
    }

    static String alert(
            String id,
            String type,
            String severity,
            Instant at,
            String orderId,
            String sku,
            String location,
            String message) {
        ObjectNode r = JSON.createObjectNode()
                .put("alert_id", id)
                .put("type", type)
                .put("severity", severity)
                .put("event_time", at.toString())
                .put("detected_at", at.toString())
                .put("message", message);
        ObjectNode subject = r.putObject("subject");
        if (orderId != null)
            subject.put("order_id", orderId).put("channel", orderId.substring(0, orderId.indexOf(':')));
        if (sku != null) subject.put("sku", sku);
        subject.put("location", location);
        r.putObject("evidence");
        return r.toString();
    }

    static String push(String channel, String sku, int quantity, long version, String status, Instant at) {
        ObjectNode r = JSON.createObjectNode().put("channel", channel);
        r.putObject("listing").put("sku", sku);
        return r.put("sku", sku)
                .put("quantity", quantity)
                .put("availability_version", version)
                .put("status", status)
                .put("attempts", 1)
                .put("latency_ms", 12)
                .put("pushed_at", at.toString())
                .toString();
    }
}

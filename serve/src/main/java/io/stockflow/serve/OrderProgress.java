package io.stockflow.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An order's stage and deadlines as its records on the output topics show them. The lifecycle job keeps the stage in
 * its state and publishes none; picked and packed are on {@code fulfilment.events}, an input. So the stage here is
 * the highest one a record shows, with the lifecycle job's rules (docs/jobs/lifecycle.md): a late record never moves
 * an order back, a cancellation counts only before shipment, a refund is final.
 */
final class OrderProgress {
    /** Stages by rank, as records show them: canonical event types, decisions, notification types. */
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("PLACED", 1),
            Map.entry("BACKORDERED", 2),
            Map.entry("ALLOCATED", 2),
            Map.entry("SHIPPED", 5),
            Map.entry("OUT_FOR_DELIVERY", 7),
            Map.entry("DELIVERY_FAILED", 7),
            Map.entry("DELIVERED", 8),
            Map.entry("CANCELLED", 9),
            Map.entry("REFUNDED", 10));

    private OrderProgress() {}

    /** {@code stage} (name and the event time it was reached) and {@code deadlines}, added to the order's answer. */
    static void describe(List<TimelineEntry> timeline, ObjectNode into) {
        String stage = null;
        long since = 0;
        boolean shipped = false;
        String shipBy = null;
        String deliverBy = null;
        for (TimelineEntry e : timeline) {
            JsonNode r = JsonBodies.record(e.json());
            if (e.kind() == TimelineEntry.Kind.ORDER_EVENT) {
                // The latest event that carries a deadline sets it: an update may move it.
                if (r.hasNonNull("ship_by")) shipBy = r.get("ship_by").asText();
                if (r.hasNonNull("deliver_by")) deliverBy = r.get("deliver_by").asText();
            }
            String shown = shown(e.kind(), r);
            if (shown == null) continue;
            if (RANK.get(shown) >= RANK.get("SHIPPED") && !shown.equals("CANCELLED") && !shown.equals("REFUNDED"))
                shipped = true;
            if (shown.equals("CANCELLED") && shipped) continue;
            if (stage == null || RANK.get(shown) > RANK.get(stage)) {
                stage = shown;
                since = e.eventTimeMillis();
            }
        }
        if (stage != null)
            into.putObject("stage")
                    .put("name", stage)
                    .put("since", Instant.ofEpochMilli(since).toString());
        ObjectNode deadlines = into.putObject("deadlines");
        if (shipBy != null) deadlines.put("ship_by", shipBy);
        if (deliverBy != null) deadlines.put("deliver_by", deliverBy);
    }

    /** The stage a record shows, or null when it shows none (an update, a confirmation, an apology, an alert). */
    private static String shown(TimelineEntry.Kind kind, JsonNode r) {
        String value = switch (kind) {
            case ORDER_EVENT -> r.path("type").asText();
            case DECISION ->
                switch (r.path("decision").asText()) {
                    case "ALLOCATED", "PARTIAL" -> "ALLOCATED";
                    case "BACKORDERED" -> "BACKORDERED";
                    default -> null;
                };
            case NOTIFICATION -> r.path("type").asText();
            case ALERT -> null;
        };
        return value != null && RANK.containsKey(value) ? value : null;
    }
}

package io.stockflow.routing;

import com.fasterxml.jackson.core.JsonGenerator;
import io.stockflow.json.JsonText;
import java.io.IOException;

/**
 * Writes the {@code explanation} object of an {@code orders.allocations} record (see
 * {@code docs/schemas/orders.allocations.schema.json}): the deciding rule, the ranking with its figures, the
 * locations left out and why, the split policy, where the order ships from and what was short.
 */
public final class RoutingJson {
    private RoutingJson() {}

    public static String explanation(RoutingDecision d) {
        return JsonText.object(g -> fields(g, d));
    }

    private static void fields(JsonGenerator g, RoutingDecision d) throws IOException {
        Evaluation e = d.evaluation();
        g.writeStringField("rule_id", e.ruleId());
        g.writeBooleanField("fallback", e.fallback());
        strings(g, "matched_rule_ids", e.matchedRuleIds());
        g.writeArrayFieldStart("rank_by");
        for (Criterion c : e.rankBy()) g.writeString(c.name());
        g.writeEndArray();
        g.writeStringField("service_level", e.serviceLevel());
        if (e.zone() != null) g.writeStringField("zone", e.zone());
        g.writeArrayFieldStart("ranking");
        for (Candidate c : e.ranking()) candidate(g, c);
        g.writeEndArray();
        g.writeArrayFieldStart("excluded");
        for (Exclusion x : e.excluded()) {
            g.writeStartObject();
            g.writeStringField("location", x.location());
            g.writeStringField("why", x.why());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("split");
        g.writeBooleanField("ship_complete_preferred", e.split().shipCompletePreferred());
        g.writeNumberField("max_shipments", e.split().maxShipments());
        g.writeBooleanField("allow_backorder", e.split().allowBackorder());
        g.writeEndObject();
        strings(g, "ship_from", d.shipFrom());
        g.writeArrayFieldStart("shortfall");
        for (PlannedUnits u : d.shortfall()) {
            g.writeStartObject();
            g.writeStringField("sku", u.sku());
            g.writeNumberField("quantity", u.quantity());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void candidate(JsonGenerator g, Candidate c) throws IOException {
        g.writeStartObject();
        g.writeStringField("location", c.location());
        g.writeNumberField("rank", c.rank());
        if (c.preferred() >= 0) g.writeNumberField("preferred", c.preferred() + 1);
        g.writeStringField("cost", c.cost().toPlainString());
        g.writeNumberField("transit_days", c.transitDays());
        if (c.distanceKm() != null) g.writeNumberField("distance_km", c.distanceKm());
        if (c.capacityLeft() != null) g.writeNumberField("capacity_left", c.capacityLeft());
        if (c.dailyCapacity() != null) g.writeNumberField("daily_capacity", c.dailyCapacity());
        g.writeStringField("ship_day", c.shipDay().toString());
        g.writeBooleanField("after_cutoff", c.afterCutoff());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }
}

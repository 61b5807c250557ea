package io.stockflow.routing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.stockflow.allocation.AllocatedUnits;
import io.stockflow.allocation.OrderAllocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shipments a final decision plans: one claim per location it ships from, on the ship day and with the daily
 * capacity its candidate had in the decision's explanation. Decisions of the built-in allocator (no explanation) and
 * decisions that ship nothing claim nothing. Read from the {@code orders.allocations} record, so every path that
 * publishes a decision is counted the same way.
 */
public final class ShipmentClaims {
    private static final JsonFactory JSON = new JsonFactory();

    private ShipmentClaims() {}

    public static List<ShipmentClaim> of(OrderAllocation a) {
        if (a.explanationJson == null || a.allocations.isEmpty()) return List.of();
        Set<String> shipFrom = a.revision > 1 ? newPlaces(a) : new LinkedHashSet<>();
        if (a.revision <= 1) {
            for (AllocatedUnits u : a.allocations) shipFrom.add(u.location);
        }
        Map<String, ShipmentClaim> byLocation = ranking(a.explanationJson);
        List<ShipmentClaim> claims = new ArrayList<>(shipFrom.size());
        for (String location : shipFrom) {
            ShipmentClaim candidate = byLocation.get(location);
            if (candidate == null) continue; // held outside the ranking: nothing to count against
            candidate.orderId = a.orderId;
            candidate.ruleSetVersion = a.ruleSetVersion;
            candidate.eventTime = a.eventTime;
            claims.add(candidate);
        }
        return claims;
    }

    /**
     * Of a later decision (a backorder filled), the locations its fill added: where all the order holds is what the
     * fill reserved. A location that already held units of the order was counted with an earlier decision.
     */
    private static Set<String> newPlaces(OrderAllocation a) {
        Map<String, Long> filled = new HashMap<>();
        for (AllocatedUnits u : a.filled) filled.merge(u.location, u.quantity, Long::sum);
        Map<String, Long> held = new HashMap<>();
        for (AllocatedUnits u : a.allocations) held.merge(u.location, u.quantity, Long::sum);
        Set<String> places = new LinkedHashSet<>();
        for (AllocatedUnits u : a.filled) {
            if (held.getOrDefault(u.location, 0L).equals(filled.get(u.location))) places.add(u.location);
        }
        return places;
    }

    /** Location, ship day and daily capacity of each ranked candidate with a ship day. */
    private static Map<String, ShipmentClaim> ranking(String explanation) {
        Map<String, ShipmentClaim> byLocation = new HashMap<>();
        try (JsonParser p = JSON.createParser(explanation)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return byLocation;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"ranking".equals(field) || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    ShipmentClaim c = candidate(p);
                    if (c.location != null && c.day != Long.MIN_VALUE) byLocation.put(c.location, c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the explanation this job wrote could not be read", e);
        }
        return byLocation;
    }

    private static ShipmentClaim candidate(JsonParser p) throws IOException {
        ShipmentClaim c = new ShipmentClaim();
        c.day = Long.MIN_VALUE;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "location" -> c.location = p.getText();
                case "ship_day" -> c.day = LocalDate.parse(p.getText()).toEpochDay();
                case "daily_capacity" -> c.dailyCapacity = p.getLongValue();
                default -> p.skipChildren();
            }
        }
        return c;
    }
}

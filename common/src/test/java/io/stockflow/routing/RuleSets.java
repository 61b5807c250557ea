package io.stockflow.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.json.InvalidRecordException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Rule-set documents for tests: the published example, and a small three-warehouse set to vary one field at a time. */
final class RuleSets {
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Three warehouses serving zone US-EAST (center near Philadelphia), STANDARD promise 4 days:
     * A (Newark: cost 5.00, 3 days, capacity 100, cut-off 15:00 New York), B (Los Angeles: 4.00, 5 days, capacity 10,
     * no cut-off), C (no coordinates: 6.00, 1 day, unlimited, UTC). One fallback rule, ranking by COST.
     */
    static final String SMALL = """
            {
              "version": "t-1",
              "effective_from": "2026-11-01T00:00:00Z",
              "defaults": {"currency": "USD", "promise_days": {"STANDARD": 4, "EXPEDITED": 2}},
              "zones": [
                {"id": "US-EAST", "country": "US", "center": {"lat": 40.0, "lon": -75.0}},
                {"id": "US-NYC", "country": "US", "postcode_prefixes": ["100"], "center": {"lat": 40.71, "lon": -74.0}}
              ],
              "locations": [
                {"id": "A", "type": "WAREHOUSE", "country": "US", "region": "NJ",
                 "coordinates": {"lat": 40.73, "lon": -74.17}, "time_zone": "America/New_York",
                 "cutoff_local": "15:00", "daily_capacity": 100,
                 "rates": [{"service_level": "STANDARD", "zone": "US-EAST", "cost": "5.00", "transit_days": 3},
                           {"service_level": "EXPEDITED", "zone": "US-EAST", "cost": "9.00", "transit_days": 1}]},
                {"id": "B", "type": "3PL", "country": "US", "region": "CA",
                 "coordinates": {"lat": 34.05, "lon": -118.24}, "time_zone": "America/Los_Angeles", "daily_capacity": 10,
                 "rates": [{"service_level": "STANDARD", "zone": "US-EAST", "cost": "4.00", "transit_days": 5},
                           {"service_level": "EXPEDITED", "zone": "US-EAST", "cost": "8.00", "transit_days": 2}]},
                {"id": "C", "type": "STORE", "country": "US", "time_zone": "UTC",
                 "rates": [{"service_level": "STANDARD", "zone": "US-EAST", "cost": "6.00", "transit_days": 1}]}
              ],
              "safety_stock": [{"location": "*", "sku": "TEE-*", "units": 3}, {"location": "C", "sku": "TEE-L", "units": 1}],
              "rules": [],
              "fallback": {"id": "fb", "actions": {"rank_by": ["COST"]}}
            }
            """;

    /** 2026-11-26 12:00 in New York, before A's cut-off. */
    static final long NOON_NEW_YORK = Instant.parse("2026-11-26T17:00:00Z").toEpochMilli();

    private RuleSets() {}

    static ObjectNode small() {
        return tree(SMALL);
    }

    static ObjectNode small(Consumer<ObjectNode> change) {
        ObjectNode doc = small();
        change.accept(doc);
        return doc;
    }

    static RuleSet smallSet(Consumer<ObjectNode> change) {
        return parse(small(change));
    }

    static ObjectNode example() {
        return tree(text(find("docs/examples/rules.example.json")));
    }

    static RuleSet exampleSet() {
        return parse(example());
    }

    static RuleSet parse(JsonNode doc) {
        try {
            return RuleSetParser.parse(bytes(doc));
        } catch (InvalidRecordException e) {
            throw new AssertionError("expected a valid rule set: " + e.getMessage(), e);
        }
    }

    static byte[] bytes(JsonNode doc) {
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An order to US-EAST at STANDARD, at noon in New York, of the given SKU/quantity pairs. */
    static RoutingRequest order(String id, Object... skuQuantity) {
        return orderTo(id, "shopify", "US", "PA", "19103", "STANDARD", "100.00", NOON_NEW_YORK, skuQuantity);
    }

    /** An order with every attribute given; {@code value} null means the order has no total. */
    static RoutingRequest orderTo(
            String id,
            String channel,
            String country,
            String region,
            String postcode,
            String level,
            String value,
            long eventTime,
            Object... skuQuantity) {
        Map<String, Long> lines = new LinkedHashMap<>();
        for (int i = 0; i < skuQuantity.length; i += 2) {
            lines.put((String) skuQuantity[i], ((Number) skuQuantity[i + 1]).longValue());
        }
        return new RoutingRequest(
                id,
                channel,
                country,
                region,
                postcode,
                level,
                value == null ? null : new BigDecimal(value),
                "USD",
                lines,
                eventTime);
    }

    static Path find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException(relative + " not found");
    }

    static String text(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.stockflow.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one rule set did to a history of orders, read from the {@code orders.allocations} records of its bounded run
 * (each order's last decision, so a backorder filled later counts as filled): decisions by kind, orders shipped complete (one location) or split, units ordered and allocated, and per shipment
 * (one location of one order) the cost and transit days of that location's candidate in the decision's explanation.
 * From its {@code routing.capacity} records: shipments planned per location and local day, against the daily capacity.
 */
public final class BacktestSummary {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final String version;
    public long orders;
    public long allocated;
    public long shippedComplete;
    public long split;
    public long partial;
    public long backordered;
    public long rejected;
    public long unitsAllocated;
    public long unitsBackordered;
    public long shipments;
    public BigDecimal shippingCost = BigDecimal.ZERO;
    public long transitDays;
    /** Shipments per location, by location id. */
    public final Map<String, Long> load = new TreeMap<>();
    /** Shipments planned per location and local day, with the daily capacity (null: unlimited). */
    public final Map<String, Map<LocalDate, DayLoad>> days = new TreeMap<>();

    /** The final count of one location's day. */
    public record DayLoad(long planned, Long capacity) {
        public boolean over() {
            return capacity != null && planned > capacity;
        }

        @Override
        public String toString() {
            return capacity == null ? String.valueOf(planned) : planned + "/" + capacity;
        }
    }

    private BacktestSummary(String version) {
        this.version = version;
    }

    /** {@code capacityLevels}: the run's {@code routing.capacity} records; the latest version of each day counts. */
    public static BacktestSummary of(
            String version, Collection<String> allocations, Collection<String> capacityLevels) {
        BacktestSummary s = new BacktestSummary(version);
        // An order's later decisions (its backorder filled) supersede the earlier ones: each order counts once, as
        // its last decision has it.
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        for (String line : allocations) {
            JsonNode a = read(line);
            latest.merge(a.path("order_id").asText(), a, (was, now) -> revision(now) > revision(was) ? now : was);
        }
        for (JsonNode a : latest.values()) s.add(a);
        Map<String, Long> versions = new HashMap<>();
        for (String line : capacityLevels) s.addLevel(read(line), versions);
        return s;
    }

    private void addLevel(JsonNode level, Map<String, Long> versions) {
        String location = level.path("location").asText();
        LocalDate day = LocalDate.parse(level.path("day").asText());
        long version = level.path("version").asLong();
        Long seen = versions.get(location + "|" + day);
        if (seen != null && seen >= version) return;
        versions.put(location + "|" + day, version);
        Long capacity =
                level.hasNonNull("daily_capacity") ? level.get("daily_capacity").asLong() : null;
        days.computeIfAbsent(location, l -> new TreeMap<>())
                .put(day, new DayLoad(level.path("shipments_planned").asLong(), capacity));
    }

    /** Location-days whose planned shipments went over the daily capacity. */
    public long daysOverCapacity() {
        return days.values().stream()
                .flatMap(d -> d.values().stream())
                .filter(DayLoad::over)
                .count();
    }

    private void add(JsonNode a) {
        orders++;
        switch (a.path("decision").asText()) {
            case "ALLOCATED" -> allocated++;
            case "PARTIAL" -> partial++;
            case "BACKORDERED" -> backordered++;
            case "REJECTED" -> rejected++;
            default -> {}
        }
        Set<String> from = new LinkedHashSet<>();
        for (JsonNode u : a.path("allocations")) {
            unitsAllocated += u.path("quantity").asLong();
            from.add(u.path("location").asText());
        }
        for (JsonNode u : a.path("backordered"))
            unitsBackordered += u.path("quantity").asLong();
        if (from.size() == 1 && "ALLOCATED".equals(a.path("decision").asText())) shippedComplete++;
        if (from.size() > 1) split++;
        for (String location : from) {
            shipments++;
            load.merge(location, 1L, Long::sum);
            for (JsonNode c : a.path("explanation").path("ranking")) {
                if (!c.path("location").asText().equals(location)) continue;
                if (c.hasNonNull("cost"))
                    shippingCost = shippingCost.add(new BigDecimal(c.get("cost").asText()));
                transitDays += c.path("transit_days").asLong();
            }
        }
    }

    /** Mean transit days per shipment, or 0 without shipments. */
    public double meanTransitDays() {
        return shipments == 0 ? 0 : (double) transitDays / shipments;
    }

    private static int revision(JsonNode decision) {
        return decision.path("revision").asInt(1);
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

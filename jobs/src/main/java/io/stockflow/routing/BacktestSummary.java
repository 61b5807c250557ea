package io.stockflow.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one rule set did to a history of orders, read from the {@code orders.allocations} records of its bounded run:
 * decisions by kind, orders shipped complete (one location) or split, units ordered and allocated, and per shipment
 * (one location of one order) the cost and transit days of that location's candidate in the decision's explanation.
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

    private BacktestSummary(String version) {
        this.version = version;
    }

    public static BacktestSummary of(String version, Collection<String> allocations) {
        BacktestSummary s = new BacktestSummary(version);
        for (String line : allocations) s.add(read(line));
        return s;
    }

    private void add(JsonNode a) {
        orders++;
        switch (a.path("decision").asText()) {
            case "ALLOCATED" -> allocated++;
            case "PARTIAL" -> partial++;
            case "BACKORDERED" -> backordered++;
            case "REJECTED" -> rejected++;
            default -> { }
        }
        Set<String> from = new LinkedHashSet<>();
        for (JsonNode u : a.path("allocations")) {
            unitsAllocated += u.path("quantity").asLong();
            from.add(u.path("location").asText());
        }
        for (JsonNode u : a.path("backordered")) unitsBackordered += u.path("quantity").asLong();
        if (from.size() == 1 && "ALLOCATED".equals(a.path("decision").asText())) shippedComplete++;
        if (from.size() > 1) split++;
        for (String location : from) {
            shipments++;
            load.merge(location, 1L, Long::sum);
            for (JsonNode c : a.path("explanation").path("ranking")) {
                if (!c.path("location").asText().equals(location)) continue;
                if (c.hasNonNull("cost")) shippingCost = shippingCost.add(new BigDecimal(c.get("cost").asText()));
                transitDays += c.path("transit_days").asLong();
            }
        }
    }

    /** Mean transit days per shipment, or 0 without shipments. */
    public double meanTransitDays() {
        return shipments == 0 ? 0 : (double) transitDays / shipments;
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

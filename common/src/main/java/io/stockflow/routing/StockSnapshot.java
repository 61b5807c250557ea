package io.stockflow.routing;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link Stock} held in maps: free units (on hand minus reserved) per location and SKU, with the rule set's safety
 * stock taken off when read, and planned shipments per location and day. Built fluently; for the assembler and tests.
 */
public final class StockSnapshot implements Stock, Serializable {
    private static final long serialVersionUID = 1L;

    private final RuleSet ruleSet;
    private final Map<String, Map<String, Long>> free = new HashMap<>();
    private final Map<String, Map<LocalDate, Long>> planned = new HashMap<>();

    /** Safety stock comes from {@code ruleSet}; null means none. */
    public StockSnapshot(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    /** Sets the units of {@code sku} at {@code location} not yet reserved (on hand minus reserved). */
    public StockSnapshot free(String location, String sku, long units) {
        free.computeIfAbsent(location, k -> new HashMap<>()).put(sku, units);
        return this;
    }

    public StockSnapshot planned(String location, LocalDate day, long shipments) {
        planned.computeIfAbsent(location, k -> new HashMap<>()).put(day, shipments);
        return this;
    }

    @Override
    public long available(String location, String sku) {
        long units = free.getOrDefault(location, Map.of()).getOrDefault(sku, 0L);
        long safety = ruleSet == null ? 0 : ruleSet.safetyStock(location, sku);
        return Math.max(0, units - safety);
    }

    @Override
    public long shipmentsPlanned(String location, LocalDate day) {
        return planned.getOrDefault(location, Map.of()).getOrDefault(day, 0L);
    }
}

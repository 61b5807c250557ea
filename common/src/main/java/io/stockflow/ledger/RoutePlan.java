package io.stockflow.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule set decided for an order before stock is known, as the SKU ledgers need it: the candidate locations in
 * rank order, the rule set's safety stock per {@code location|sku} (only where not zero), and the split policy. The
 * evaluation behind it (figures, exclusions, matched rules) travels as opaque bytes for the assembler's explanation.
 * A plain POJO: it crosses the SKU and order shuffles with Flink's own serializer.
 */
public class RoutePlan {
    public String ruleSetVersion;
    public List<String> candidates = new ArrayList<>();
    public Map<String, Long> safetyStock = new HashMap<>();
    public int maxShipments = 1;
    public boolean allowBackorder = true;
    /** The serialized {@code io.stockflow.routing.Evaluation}. */
    public byte[] evaluation;

    public RoutePlan() {}

    /** Units the rule set keeps back of {@code sku} at {@code location}. */
    public long safetyStock(String location, String sku) {
        Long units = safetyStock.get(location + "|" + sku);
        return units == null ? 0 : units;
    }
}

package io.stockflow.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a line goes under a rule set: whole at the best-ranked candidate that has all of it; otherwise over the
 * candidates in rank order, at most {@code maxShipments} of them. Only candidates are used (excluded locations never),
 * and never more than a location has free after the rule set's safety stock. When the line cannot be covered and the
 * rule allows no backorder, nothing is taken: the line is refused whole rather than half reserved.
 */
public final class RankedAllocator {
    private RankedAllocator() {}

    public static List<Allocation> allocate(String sku, long quantity, RoutePlan plan, Map<String, Long> available) {
        List<String> ranked = plan.candidates;
        for (String location : ranked) {
            if (free(sku, location, plan, available) >= quantity) return List.of(new Allocation(location, quantity));
        }
        List<Allocation> result = new ArrayList<>();
        long left = quantity;
        for (String location : ranked) {
            if (left == 0 || result.size() >= Math.max(1, plan.maxShipments)) break;
            long take = Math.min(left, free(sku, location, plan, available));
            if (take <= 0) continue;
            result.add(new Allocation(location, take));
            left -= take;
        }
        if (left > 0 && !plan.allowBackorder) return List.of();
        return result;
    }

    private static long free(String sku, String location, RoutePlan plan, Map<String, Long> available) {
        long units = available.getOrDefault(location, 0L);
        return Math.max(0, units - plan.safetyStock(location, sku));
    }
}

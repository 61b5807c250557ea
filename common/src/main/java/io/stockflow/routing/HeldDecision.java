package io.stockflow.routing;

import io.stockflow.allocation.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decision of an order as its SKU ledgers hold it: what {@code orders.allocations} says is exactly what is
 * reserved. The evaluation explains it (rule, ranking with figures, exclusions); a split, backorder or a policy the
 * holds could not meet is said in the reason.
 */
public final class HeldDecision {
    private HeldDecision() {}

    /**
     * @param wanted units per SKU the order asked for
     * @param held units held per SKU and location, by the ledgers
     * @param backordered units per SKU no candidate had
     */
    public static RoutingDecision of(
            String orderId,
            Evaluation evaluation,
            Map<String, Long> wanted,
            List<PlannedUnits> held,
            List<PlannedUnits> backordered) {
        Set<String> used = new LinkedHashSet<>();
        for (PlannedUnits u : held) used.add(u.location());
        List<String> shipFrom = new ArrayList<>();
        for (Candidate c : evaluation.ranking()) {
            if (used.contains(c.location())) shipFrom.add(c.location());
        }
        for (String location : used) {
            if (!shipFrom.contains(location)) shipFrom.add(location);
        }
        long wantedUnits = wanted.values().stream().mapToLong(Long::longValue).sum();
        long short_ = backordered.stream().mapToLong(PlannedUnits::quantity).sum();
        Decision decision;
        String reason;
        if (wantedUnits == 0 || (held.isEmpty() && !evaluation.split().allowBackorder())) {
            decision = Decision.REJECTED;
            reason = wantedUnits == 0
                    ? "rejected: the order has no lines to ship"
                    : Reasons.rejected(shortfall(wanted, held), evaluation);
        } else if (short_ == 0) {
            decision = Decision.ALLOCATED;
            Candidate only = shipFrom.size() == 1 ? evaluation.candidate(shipFrom.get(0)) : null;
            reason = only != null
                    ? Reasons.shipsComplete(only, evaluation)
                    : Reasons.split(shipFrom, evaluation, wanted, heldStock(held));
        } else {
            decision = held.isEmpty() ? Decision.BACKORDERED : Decision.PARTIAL;
            reason = Reasons.backordered(shipFrom, backordered, evaluation);
        }
        if (decision != Decision.REJECTED
                && shipFrom.size() > evaluation.split().maxShipments()) {
            reason += "; the lines were held at " + shipFrom.size() + " locations, more than the "
                    + evaluation.split().maxShipments() + " rule " + evaluation.ruleId() + " allows";
        } else if (decision == Decision.PARTIAL && !evaluation.split().allowBackorder()) {
            reason += "; rule " + evaluation.ruleId() + " allows no backorder, the lines that were held stay reserved";
        }
        return new RoutingDecision(
                orderId,
                decision,
                decision == Decision.REJECTED ? List.of() : held,
                decision == Decision.REJECTED ? List.of() : backordered,
                Reasons.sentence(reason),
                evaluation,
                decision == Decision.REJECTED ? List.of() : shipFrom,
                decision == Decision.REJECTED ? shortfall(wanted, held) : backordered);
    }

    private static List<PlannedUnits> shortfall(Map<String, Long> wanted, List<PlannedUnits> held) {
        Map<String, Long> missing = new LinkedHashMap<>(wanted);
        for (PlannedUnits u : held) missing.merge(u.sku(), -u.quantity(), Long::sum);
        List<PlannedUnits> result = new ArrayList<>();
        missing.forEach((sku, q) -> {
            if (q > 0) result.add(new PlannedUnits(sku, q, null));
        });
        return result;
    }

    private static Stock heldStock(List<PlannedUnits> held) {
        StockSnapshot stock = new StockSnapshot(null);
        Map<String, Long> sums = new LinkedHashMap<>();
        for (PlannedUnits u : held) sums.merge(u.location() + "\u0000" + u.sku(), u.quantity(), Long::sum);
        sums.forEach((k, q) -> {
            String[] parts = k.split("\u0000");
            stock.free(parts[0], parts[1], q);
        });
        return stock;
    }
}

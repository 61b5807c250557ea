package io.stockflow.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The assembler's half of the cross-SKU coordination (docs/design/routing.md): once every line of an order has been
 * held by its SKU's ledger and answered with a {@link LineOffer}, plan the whole order on what is free to it (its own
 * holds plus what is available) and name, per SKU whose plan differs from its holds, the target holds. Sent once per
 * decision; the ledgers apply each all-or-nothing or keep the old holds, so every decision is final after one round.
 */
public final class CorrectionPlanner {
    /** One SKU's answer to a hold: where this order holds it, and what each candidate has free for this order. */
    public record LineOffer(String sku, Map<String, Long> held, Map<String, Long> free) {}

    /** The plan and the corrections it needs (empty when the holds already are the plan). */
    public record Plan(RoutingDecision decision, Map<String, List<PlannedUnits>> corrections) {}

    private CorrectionPlanner() {}

    public static Plan plan(RoutingRequest order, Evaluation evaluation, Collection<LineOffer> offers) {
        StockSnapshot free = new StockSnapshot(null);
        for (LineOffer o : offers) o.free().forEach((location, units) -> free.free(location, o.sku(), units));
        RoutingDecision decision = AllocationPlanner.plan(order, evaluation, free);
        Map<String, List<PlannedUnits>> corrections = new LinkedHashMap<>();
        for (LineOffer o : offers) {
            Map<String, Long> planned = new TreeMap<>();
            for (PlannedUnits u : decision.allocations()) {
                if (u.sku().equals(o.sku())) planned.merge(u.location(), u.quantity(), Long::sum);
            }
            Map<String, Long> held = new TreeMap<>();
            o.held().forEach((location, units) -> {
                if (units > 0) held.merge(location, units, Long::sum);
            });
            if (!planned.equals(held)) {
                List<PlannedUnits> targets = new ArrayList<>();
                planned.forEach((location, units) -> targets.add(new PlannedUnits(o.sku(), units, location)));
                corrections.put(o.sku(), targets);
            }
        }
        return new Plan(decision, corrections);
    }
}

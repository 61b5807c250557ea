package io.stockflow.flink.ledger;

import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.Allocation;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.routing.Evaluation;
import io.stockflow.routing.HeldDecision;
import io.stockflow.routing.PlannedUnits;
import io.stockflow.routing.RoutePlans;
import io.stockflow.routing.RoutingDecision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order-level record of lines decided under a rule set: what the SKU ledgers hold, explained by the rule set's
 * evaluation (version, deciding and matched rules, the ranking with its figures, exclusions, and for a split or a
 * backorder why).
 */
final class RoutedAllocations {
    private RoutedAllocations() {}

    static OrderAllocation assemble(List<LineAllocation> lines, DecisionClock clock) {
        LineAllocation first = lines.get(0);
        Map<String, Long> wanted = new LinkedHashMap<>();
        List<PlannedUnits> held = new ArrayList<>();
        List<PlannedUnits> backordered = new ArrayList<>();
        long eventTime = 0;
        for (LineAllocation l : lines) {
            wanted.merge(l.sku, l.requested, Long::sum);
            for (Allocation a : l.allocations) held.add(new PlannedUnits(l.sku, a.quantity, a.location));
            if (l.backordered > 0) backordered.add(new PlannedUnits(l.sku, l.backordered, null));
            eventTime = Math.max(eventTime, l.eventTime);
        }
        RoutingDecision decision = HeldDecision.of(first.orderId, evaluation(lines), wanted, held, backordered);
        return decision.toOrderAllocation(first.channel, eventTime, clock.now(eventTime));
    }

    /** One line of the order carries the rule set's evaluation (the gate attaches it to the first line only). */
    static Evaluation evaluation(List<LineAllocation> lines) {
        for (LineAllocation l : lines) {
            if (l.route != null && l.route.evaluation != null) return RoutePlans.evaluation(l.route);
        }
        throw new IllegalStateException("no line of order " + lines.get(0).orderId + " carries the evaluation");
    }
}

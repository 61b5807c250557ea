package io.stockflow.routing;

import io.stockflow.allocation.AllocatedUnits;
import io.stockflow.allocation.Decision;
import io.stockflow.allocation.OrderAllocation;
import java.io.Serializable;
import java.util.List;

/**
 * The plan for one order, shaped as a record of {@code orders.allocations}: the decision, units per SKU and location,
 * backordered units, the rule set version and deciding rule, a one-sentence reason, and the {@link Evaluation} plus
 * planning facts behind it. {@code shortfall} lists units no candidate could ship (backordered, or the cause of a
 * rejection); {@code shipFrom} the locations used, best-ranked first.
 */
public record RoutingDecision(
        String orderId,
        Decision decision,
        List<PlannedUnits> allocations,
        List<PlannedUnits> backordered,
        String reason,
        Evaluation evaluation,
        List<String> shipFrom,
        List<PlannedUnits> shortfall)
        implements Serializable {

    public RoutingDecision {
        allocations = List.copyOf(allocations);
        backordered = List.copyOf(backordered);
        shipFrom = List.copyOf(shipFrom);
        shortfall = List.copyOf(shortfall);
    }

    public String ruleSetVersion() {
        return evaluation.ruleSetVersion();
    }

    /** The rules named in the decision: the one that decided (a rule, or the fallback). */
    public List<String> ruleIds() {
        return List.of(evaluation.ruleId());
    }

    /** Units planned at {@code location} of {@code sku} (0 when none). */
    public long planned(String location, String sku) {
        long sum = 0;
        for (PlannedUnits u : allocations) {
            if (u.location().equals(location) && u.sku().equals(sku)) sum += u.quantity();
        }
        return sum;
    }

    /** The record of {@code orders.allocations}, with the explanation as JSON. */
    public OrderAllocation toOrderAllocation(String channel, long eventTime, long decidedAt) {
        OrderAllocation a = new OrderAllocation();
        a.orderId = orderId;
        a.channel = channel;
        a.decision = decision;
        for (PlannedUnits u : allocations) a.allocations.add(new AllocatedUnits(u.sku(), u.quantity(), u.location()));
        for (PlannedUnits u : backordered) a.backordered.add(new AllocatedUnits(u.sku(), u.quantity(), null));
        a.ruleSetVersion = ruleSetVersion();
        a.ruleIds.addAll(ruleIds());
        a.reason = reason;
        a.eventTime = eventTime;
        a.decidedAt = decidedAt;
        a.explanationJson = RoutingJson.explanation(this);
        return a;
    }
}

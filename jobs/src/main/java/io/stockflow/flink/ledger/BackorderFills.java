package io.stockflow.flink.ledger;

import io.stockflow.allocation.AllocatedUnits;
import io.stockflow.allocation.Decision;
import io.stockflow.allocation.DefaultRules;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.Allocation;
import io.stockflow.ledger.LineAllocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision that follows a backorder fill: the order's last decision with the filled SKU's holds and backorder
 * replaced by what its ledger holds now (the other SKUs as they were), one revision higher, under the rules that
 * decided the order. It is ALLOCATED once nothing is backordered, else PARTIAL.
 */
final class BackorderFills {
    private BackorderFills() {}

    /** {@code previous}: the order's last decision, or null when it is no longer known (then only this SKU is listed). */
    static OrderAllocation next(OrderAllocation previous, LineAllocation fill, DecisionClock clock) {
        OrderAllocation a = new OrderAllocation();
        a.orderId = fill.orderId;
        if (previous != null) {
            a.channel = previous.channel;
            a.ruleSetVersion = previous.ruleSetVersion;
            a.ruleIds.addAll(previous.ruleIds);
            a.explanationJson = previous.explanationJson;
            a.revision = previous.revision + 1;
            for (AllocatedUnits u : previous.allocations) {
                if (!u.sku.equals(fill.sku)) a.allocations.add(u);
            }
            for (AllocatedUnits u : previous.backordered) {
                if (!u.sku.equals(fill.sku)) a.backordered.add(u);
            }
        } else {
            a.channel = fill.channel;
            a.ruleSetVersion = fill.route != null ? fill.route.ruleSetVersion : DefaultRules.RULE_SET_VERSION;
            if (fill.route == null) a.ruleIds.add(DefaultRules.MOST_AVAILABLE);
            a.revision = 2;
        }
        for (Allocation h : fill.allocations) a.allocations.add(new AllocatedUnits(fill.sku, h.quantity, h.location));
        if (fill.backordered > 0) a.backordered.add(new AllocatedUnits(fill.sku, fill.backordered, null));
        for (Allocation f : fill.fill) a.filled.add(new AllocatedUnits(fill.sku, f.quantity, f.location));
        a.decision = a.backordered.isEmpty() ? Decision.ALLOCATED : Decision.PARTIAL;
        List<String> still = new ArrayList<>();
        for (AllocatedUnits u : a.backordered) {
            if (!u.sku.equals(fill.sku)) still.add(u.quantity + " of " + u.sku);
        }
        a.reason = "Backorder filled: " + fill.reason
                + (still.isEmpty() ? "" : "; still backordered: " + String.join(", ", still))
                + (previous == null
                        ? "; the order's earlier decision is no longer kept, so only " + fill.sku + " is listed"
                        : "")
                + ".";
        a.eventTime = fill.eventTime;
        a.decidedAt = clock.now(fill.eventTime);
        return a;
    }
}

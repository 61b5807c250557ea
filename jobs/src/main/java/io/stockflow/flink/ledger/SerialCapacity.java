package io.stockflow.flink.ledger;

import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.PlanInProgress;
import io.stockflow.routing.RoutePlans;
import io.stockflow.routing.ShipmentClaim;
import io.stockflow.routing.ShipmentClaims;
import io.stockflow.routing.ShipmentCounts;
import java.util.List;

/**
 * Daily capacity where one task decides every order ({@link SerialLedger}: the replay, and live routing in serial mode),
 * beside the ledgers. It counts the shipments of each decision the allocation assembler will publish from the lines the
 * ledger sends on (the same records, made by the same code: {@link RoutedAllocations}, {@link BackorderFills},
 * {@link ShipmentClaims}), and finishes each reserve's plan, made before capacity, with the counts so far
 * ({@link RoutePlans#withCapacity}): what live routing does with the levels it has read back once every earlier
 * decision's level has come back. Its counts and bookkeeping are kept where the ledger keeps its own ({@link Table}).
 */
final class SerialCapacity {
    private final DecisionClock clock;
    private final ShipmentCounts counts;
    /** The finished plan of a reserve whose other lines are still to come, by decision id. */
    private final Table<PlanInProgress> finishing;
    /** Each routed order's last decision while it has backordered units, as the assembler keeps it for fills. */
    private final Table<OrderAllocation> backordered;

    SerialCapacity(
            DecisionClock clock,
            ShipmentCounts counts,
            Table<PlanInProgress> finishing,
            Table<OrderAllocation> backordered) {
        this.clock = clock;
        this.counts = counts;
        this.finishing = finishing;
        this.backordered = backordered;
    }

    /** Counts and bookkeeping on the heap, for a replay. */
    static SerialCapacity onHeap(DecisionClock clock) {
        return new SerialCapacity(clock, new ShipmentCounts(), Table.onHeap(), Table.onHeap());
    }

    /**
     * Puts capacity into a reserve's plan: on its first line, which carries the evaluation, from the counts now; its
     * other lines (next in the ledger's input) take the same plan.
     */
    void finishPlan(LedgerCommand command) throws Exception {
        if (command.kind != LedgerCommand.Kind.RESERVE || command.route == null) return;
        if (command.route.evaluation != null) {
            command.route = RoutePlans.withCapacity(command.route, counts);
            if (command.lineCount > 1) {
                finishing.put(
                        command.eventId,
                        new PlanInProgress(RoutePlans.withoutEvaluation(command.route), command.lineCount - 1));
            }
            return;
        }
        PlanInProgress f = finishing.get(command.eventId);
        if (f == null) {
            throw new IllegalStateException("a line of reserve " + command.eventId + " came before its first line");
        }
        command.route = f.plan;
        if (--f.linesLeft == 0) finishing.remove(command.eventId);
        else finishing.put(command.eventId, f);
    }

    /** A routed order's first decision, as its lines are sent on: its shipments are counted. */
    void decided(List<LineAllocation> lines) throws Exception {
        if (lines.get(0).route == null) return;
        remember(count(RoutedAllocations.assemble(lines, clock)));
    }

    /** A backorder filled: the order's next decision, its new places counted. */
    void filled(LineAllocation fill) throws Exception {
        if (fill.route == null) return;
        remember(count(BackorderFills.next(backordered.get(fill.orderId), fill, clock)));
    }

    private OrderAllocation count(OrderAllocation decision) {
        for (ShipmentClaim claim : ShipmentClaims.of(decision)) counts.claim(claim);
        return decision;
    }

    private void remember(OrderAllocation decision) throws Exception {
        if (decision.backordered.isEmpty()) backordered.remove(decision.orderId);
        else backordered.put(decision.orderId, decision);
    }
}

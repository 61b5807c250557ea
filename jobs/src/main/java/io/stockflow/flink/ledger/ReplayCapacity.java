package io.stockflow.flink.ledger;

import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.RoutePlan;
import io.stockflow.routing.RoutePlans;
import io.stockflow.routing.ShipmentClaim;
import io.stockflow.routing.ShipmentClaims;
import io.stockflow.routing.ShipmentCounts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily capacity in a replay, beside the ledgers of {@link ReplayLedgerFunction}. It counts the shipments of each
 * decision the allocation assembler will publish from the lines the ledger sends on (the same records, made by the same
 * code: {@link RoutedAllocations}, {@link BackorderFills}, {@link ShipmentClaims}), and finishes each reserve's plan,
 * made before capacity, with the counts so far ({@link RoutePlans#withCapacity}): what live routing does with the
 * levels it has read back once every earlier decision's level has come back. Plain maps, no Flink state: a replay
 * is decided again from its input.
 */
final class ReplayCapacity {
    private final DecisionClock clock;
    private final ShipmentCounts counts = new ShipmentCounts();
    /** The finished plan of a reserve whose other lines are still to come, by decision id. */
    private final Map<String, Finishing> finishing = new HashMap<>();
    /** Each routed order's last decision while it has backordered units, as the assembler keeps it for fills. */
    private final Map<String, OrderAllocation> backordered = new HashMap<>();

    private static final class Finishing {
        final RoutePlan lean;
        int linesLeft;

        Finishing(RoutePlan lean, int linesLeft) {
            this.lean = lean;
            this.linesLeft = linesLeft;
        }
    }

    ReplayCapacity(DecisionClock clock) {
        this.clock = clock;
    }

    /**
     * Puts capacity into a reserve's plan: on its first line, which carries the evaluation, from the counts now; its
     * other lines (next in the ledger's input) take the same plan.
     */
    void finishPlan(LedgerCommand command) {
        if (command.kind != LedgerCommand.Kind.RESERVE || command.route == null) return;
        if (command.route.evaluation != null) {
            command.route = RoutePlans.withCapacity(command.route, counts);
            if (command.lineCount > 1) {
                finishing.put(
                        command.eventId,
                        new Finishing(RoutePlans.withoutEvaluation(command.route), command.lineCount - 1));
            }
            return;
        }
        Finishing f = finishing.get(command.eventId);
        if (f == null) {
            throw new IllegalStateException("a line of reserve " + command.eventId + " came before its first line");
        }
        command.route = f.lean;
        if (--f.linesLeft == 0) finishing.remove(command.eventId);
    }

    /** A routed order's first decision, as its lines are sent on: its shipments are counted. */
    void decided(List<LineAllocation> lines) {
        if (lines.get(0).route == null) return;
        remember(count(RoutedAllocations.assemble(lines, clock)));
    }

    /** A backorder filled: the order's next decision, its new places counted. */
    void filled(LineAllocation fill) {
        if (fill.route == null) return;
        remember(count(BackorderFills.next(backordered.get(fill.orderId), fill, clock)));
    }

    private OrderAllocation count(OrderAllocation decision) {
        for (ShipmentClaim claim : ShipmentClaims.of(decision)) counts.claim(claim);
        return decision;
    }

    private void remember(OrderAllocation decision) {
        if (decision.backordered.isEmpty()) backordered.remove(decision.orderId);
        else backordered.put(decision.orderId, decision);
    }
}

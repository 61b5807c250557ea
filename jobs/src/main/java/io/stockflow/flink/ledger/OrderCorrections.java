package io.stockflow.flink.ledger;

import io.stockflow.allocation.Decision;
import io.stockflow.ledger.Allocation;
import io.stockflow.ledger.HoldCorrection;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.LineCorrection;
import io.stockflow.routing.CorrectionPlanner;
import io.stockflow.routing.Evaluation;
import io.stockflow.routing.PlannedUnits;
import io.stockflow.routing.RoutingRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The assembler's side of the correction round, without Flink state: from the held lines of an order, the corrections
 * to send (none when the holds already are the plan); from the held lines and the ledgers' answers, the lines as they
 * are held now and what to say about corrections that did not move.
 */
final class OrderCorrections {
    private OrderCorrections() {}

    /**
     * One correction per SKU whose holds differ from the plan on what is free to the order; empty for orders the round
     * does not apply to (built-in allocator, one line, a SKU on two lines, a line with nothing outstanding).
     */
    static List<LineCorrection> plan(List<LineAllocation> lines) {
        LineAllocation first = lines.get(0);
        if (first.route == null || lines.size() < 2) return List.of();
        Map<String, Long> wanted = new LinkedHashMap<>();
        List<CorrectionPlanner.LineOffer> offers = new ArrayList<>();
        long eventTime = 0;
        for (LineAllocation l : lines) {
            Map<String, Long> held = new TreeMap<>();
            for (Allocation a : l.allocations) held.merge(a.location, a.quantity, Long::sum);
            long outstanding = l.backordered
                    + held.values().stream().mapToLong(Long::longValue).sum();
            if (l.free == null || outstanding <= 0 || wanted.containsKey(l.sku)) return List.of();
            wanted.put(l.sku, outstanding);
            offers.add(new CorrectionPlanner.LineOffer(l.sku, held, l.free));
            eventTime = Math.max(eventTime, l.eventTime);
        }
        Evaluation evaluation = RoutedAllocations.evaluation(lines);
        RoutingRequest request =
                new RoutingRequest(first.orderId, first.channel, null, null, null, null, null, null, wanted, eventTime);
        CorrectionPlanner.Plan plan = CorrectionPlanner.plan(request, evaluation, offers);
        List<LineCorrection> corrections = new ArrayList<>();
        for (Map.Entry<String, List<PlannedUnits>> e : plan.corrections().entrySet()) {
            LineCorrection c = new LineCorrection();
            c.orderId = first.orderId;
            c.decisionId = first.eventId;
            c.sku = e.getKey();
            c.eventTime = eventTime;
            c.rejected = plan.decision().decision() == Decision.REJECTED;
            c.candidates.addAll(first.route.candidates);
            for (PlannedUnits u : e.getValue()) {
                c.targets.add(new Allocation(u.location(), u.quantity()));
                long safety = first.route.safetyStock(u.location(), c.sku);
                if (safety != 0) c.ruleSafety.put(u.location(), safety);
            }
            corrections.add(c);
        }
        return corrections;
    }

    /**
     * The held lines with each answered SKU's holds replaced by what its ledger holds after the correction. A stale
     * answer that holds and owes nothing (the order was cancelled, shipped or forgotten before the correction came)
     * keeps the line as it was held at the decision: the decision was made before those events, which follow it on
     * their own; taken as the decision's holds, they made an ALLOCATED decision without a single unit.
     */
    static List<LineAllocation> held(List<LineAllocation> lines, List<LineAllocation> answers) {
        List<LineAllocation> result = new ArrayList<>();
        for (LineAllocation l : lines) {
            LineAllocation answer = answerFor(l.sku, answers);
            if (answer == null || settledBefore(answer)) {
                result.add(l);
                continue;
            }
            LineAllocation now = new LineAllocation();
            now.orderId = l.orderId;
            now.eventId = l.eventId;
            now.channel = l.channel;
            now.sku = l.sku;
            now.lineCount = l.lineCount;
            now.requested = l.requested;
            now.eventTime = l.eventTime;
            now.route = l.route;
            now.allocations.addAll(answer.allocations);
            now.backordered = answer.backordered;
            result.add(now);
        }
        return result;
    }

    /** Why corrections did not move (kept or stale), one clause each; empty when all were applied. */
    static List<String> notes(List<LineAllocation> answers) {
        List<String> notes = new ArrayList<>();
        for (LineAllocation a : answers) {
            if (a.correction != HoldCorrection.Outcome.APPLIED && a.reason != null) notes.add(a.reason);
        }
        return notes;
    }

    private static boolean settledBefore(LineAllocation answer) {
        return answer.correction == HoldCorrection.Outcome.STALE
                && answer.allocations.isEmpty()
                && answer.backordered == 0;
    }

    private static LineAllocation answerFor(String sku, List<LineAllocation> answers) {
        for (LineAllocation a : answers) {
            if (a.sku.equals(sku)) return a;
        }
        return null;
    }
}

package io.stockflow.flink.ledger;

import io.stockflow.allocation.AllocatedUnits;
import io.stockflow.allocation.Decision;
import io.stockflow.allocation.DefaultRules;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.Allocation;
import io.stockflow.ledger.CorrectionRound;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.LineCorrection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per order id: gathers the line decisions of the order's SKUs and, once every line has answered, publishes the
 * order-level decision on {@code orders.allocations}. Its state lasts only until the order is complete.
 *
 * <p>With corrections on (live, where {@code routing.corrections} closes the loop), a routed multi-line order whose
 * holds differ from the plan on what is free to it is not published yet: one correction per differing SKU goes to
 * {@link #CORRECTIONS}, once, and the decision follows from the holds the ledgers answer with (docs/design/routing.md).
 * Orders whose holds already are the plan are published at once, as without corrections.
 *
 * <p>A backorder filled when stock came (a line with {@code fill} set) gives the order its next decision: the last
 * decision with that SKU's holds and backorder as the ledger now has them, one {@code revision} higher. So only the
 * last decision of an order that still has backordered units is kept; a fill that comes while the order's first
 * decision is still being assembled or corrected waits for it.
 */
public final class AllocationAssembler extends KeyedProcessFunction<String, LineAllocation, OrderAllocation> {
    public static final OutputTag<LineCorrection> CORRECTIONS = new OutputTag<>("hold-corrections") {};

    private final DecisionClock clock;
    private final Duration incompleteTtl;
    private final boolean corrections;
    private transient ListState<LineAllocation> lines;
    private transient ValueState<CorrectionRound> round;
    /**
     * The order's last published decision while it has backordered units (state added with backorder fills), for
     * the same time as an incomplete order's lines: the order's TTL after it was last written.
     */
    private transient ValueState<OrderAllocation> backordered;
    /** Fills that came while the order's decision was still being assembled. */
    private transient ListState<LineAllocation> pendingFills;

    private transient Counter fillDecisions;
    private transient Counter rounds;
    private transient Counter unexpectedAnswers;

    public AllocationAssembler(DecisionClock clock, Duration incompleteTtl) {
        this(clock, incompleteTtl, false);
    }

    /** {@code corrections}: send corrections and wait for their answers (only where the loop is wired). */
    public AllocationAssembler(DecisionClock clock, Duration incompleteTtl, boolean corrections) {
        this.clock = clock;
        this.incompleteTtl = incompleteTtl;
        this.corrections = corrections;
    }

    /** Orders an order's lines of equal event time in a replay: decisions first, then fills, each by SKU. */
    public static String sequenceKey(LineAllocation line) {
        return (line.fill == null ? "0|" : "1|") + line.sku + "|" + line.filledBy;
    }

    @Override
    public void open(OpenContext context) {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(incompleteTtl).build();
        ListStateDescriptor<LineAllocation> descriptor =
                new ListStateDescriptor<>("lines", TypeInformation.of(LineAllocation.class));
        descriptor.enableTimeToLive(ttl);
        lines = getRuntimeContext().getListState(descriptor);
        ValueStateDescriptor<CorrectionRound> roundDescriptor =
                new ValueStateDescriptor<>("correction-round", TypeInformation.of(CorrectionRound.class));
        roundDescriptor.enableTimeToLive(ttl);
        round = getRuntimeContext().getState(roundDescriptor);
        ValueStateDescriptor<OrderAllocation> backorderedDescriptor =
                new ValueStateDescriptor<>("backordered-decision", TypeInformation.of(OrderAllocation.class));
        backorderedDescriptor.enableTimeToLive(ttl);
        backordered = getRuntimeContext().getState(backorderedDescriptor);
        ListStateDescriptor<LineAllocation> pendingDescriptor =
                new ListStateDescriptor<>("pending-fills", TypeInformation.of(LineAllocation.class));
        pendingDescriptor.enableTimeToLive(ttl);
        pendingFills = getRuntimeContext().getListState(pendingDescriptor);
        fillDecisions = getRuntimeContext().getMetricGroup().counter("backorderFillDecisions");
        rounds = getRuntimeContext().getMetricGroup().counter("correctionRounds");
        unexpectedAnswers = getRuntimeContext().getMetricGroup().counter("unexpectedCorrectionAnswers");
    }

    @Override
    public void processElement(LineAllocation line, Context ctx, Collector<OrderAllocation> out) throws Exception {
        if (line.fill != null) {
            onFill(line, out);
            return;
        }
        if (line.correction != null) {
            onAnswer(line, out);
            return;
        }
        if (line.lineCount == 1) {
            // Most orders have one line, and one line needs no correction: decided as it comes, without reading or
            // clearing state (a RocksDB get and a delete per order; the delete is flushed at the next checkpoint).
            // Its fills come after it from the same ledger, so none can be waiting.
            OrderAllocation decision = assemble(List.of(line));
            out.collect(decision);
            if (!decision.backordered.isEmpty()) backordered.update(decision);
            return;
        }
        List<LineAllocation> received = new ArrayList<>();
        for (LineAllocation l : lines.get()) {
            if (l.eventId.equals(line.eventId)) received.add(l);
        }
        received.add(line);
        if (received.size() < line.lineCount) {
            lines.add(line);
            return;
        }
        received.sort(Comparator.comparing(l -> l.sku));
        if (corrections) {
            // Planned first: orders of the built-in allocator then never read the round's state.
            List<LineCorrection> planned = OrderCorrections.plan(received);
            if (!planned.isEmpty() && round.value() == null) {
                List<String> skus = new ArrayList<>();
                for (LineCorrection c : planned) {
                    ctx.output(CORRECTIONS, c);
                    skus.add(c.sku);
                }
                round.update(new CorrectionRound(line.eventId, skus));
                lines.update(received);
                rounds.inc();
                return;
            }
        }
        lines.clear();
        publish(assemble(received), out);
    }

    /** A ledger's answer to a correction: once every corrected SKU has answered, the decision as they hold it. */
    private void onAnswer(LineAllocation answer, Collector<OrderAllocation> out) throws Exception {
        CorrectionRound r = round.value();
        if (r == null || !r.decisionId.equals(answer.eventId) || !r.awaiting.remove(answer.sku)) {
            // Only after a restart without state, or a bug: the ledgers' holds stay the truth either way.
            unexpectedAnswers.inc();
            return;
        }
        dropFillsOf(answer.sku);
        if (!r.awaiting.isEmpty()) {
            round.update(r);
            lines.add(answer);
            return;
        }
        List<LineAllocation> held = new ArrayList<>();
        List<LineAllocation> answers = new ArrayList<>();
        answers.add(answer);
        for (LineAllocation l : lines.get()) {
            if (!l.eventId.equals(r.decisionId)) continue;
            (l.correction == null ? held : answers).add(l);
        }
        lines.clear();
        round.clear();
        OrderAllocation decision = assemble(OrderCorrections.held(held, answers));
        List<String> notes = OrderCorrections.notes(answers);
        if (!notes.isEmpty()) decision.reason += " Not corrected: " + String.join("; ", notes) + ".";
        publish(decision, out);
    }

    /** Publishes a multi-line order's first decision, then the fills that waited for it. */
    private void publish(OrderAllocation decision, Collector<OrderAllocation> out) throws Exception {
        out.collect(decision);
        OrderAllocation last = decision;
        for (LineAllocation fill : pendingFills.get()) {
            last = BackorderFills.next(last, fill, clock);
            fillDecisions.inc();
            out.collect(last);
        }
        pendingFills.clear();
        if (last.backordered.isEmpty()) backordered.clear();
        else backordered.update(last);
    }

    /**
     * Drops waiting fills of a SKU whose correction answered: its ledger sent the answer after them, so the holds it
     * names already include them.
     */
    private void dropFillsOf(String sku) throws Exception {
        List<LineAllocation> kept = new ArrayList<>();
        boolean dropped = false;
        for (LineAllocation fill : pendingFills.get()) {
            if (fill.sku.equals(sku)) dropped = true;
            else kept.add(fill);
        }
        if (dropped) pendingFills.update(kept);
    }

    /** A backorder filled: the order's next decision, or later, once its first decision is out. */
    private void onFill(LineAllocation fill, Collector<OrderAllocation> out) throws Exception {
        if (round.value() != null || lines.get().iterator().hasNext()) {
            pendingFills.add(fill);
            return;
        }
        OrderAllocation next = BackorderFills.next(backordered.value(), fill, clock);
        fillDecisions.inc();
        out.collect(next);
        if (next.backordered.isEmpty()) backordered.clear();
        else backordered.update(next);
    }

    private OrderAllocation assemble(List<LineAllocation> received) {
        LineAllocation first = received.get(0);
        if (first.route != null) return RoutedAllocations.assemble(received, clock);
        OrderAllocation a = new OrderAllocation();
        a.orderId = first.orderId;
        a.channel = first.channel;
        a.ruleSetVersion = DefaultRules.RULE_SET_VERSION;
        a.ruleIds.add(DefaultRules.MOST_AVAILABLE);
        long requested = 0;
        long backordered = 0;
        List<String> reasons = new ArrayList<>();
        for (LineAllocation l : received) {
            requested += l.requested;
            backordered += l.backordered;
            for (Allocation x : l.allocations) a.allocations.add(new AllocatedUnits(l.sku, x.quantity, x.location));
            if (l.backordered > 0) a.backordered.add(new AllocatedUnits(l.sku, l.backordered, null));
            if (l.reason != null) reasons.add(l.reason);
            a.eventTime = Math.max(a.eventTime, l.eventTime);
        }
        boolean rejected =
                received.stream().allMatch(l -> l.allocations.isEmpty() && l.backordered == 0 && l.reason != null);
        if (rejected) {
            a.decision = Decision.REJECTED;
        } else if (backordered == 0) {
            a.decision = Decision.ALLOCATED;
        } else if (backordered == requested) {
            a.decision = Decision.BACKORDERED;
        } else {
            a.decision = Decision.PARTIAL;
        }
        a.reason = reasons.isEmpty()
                ? "all " + requested + " units reserved: " + DefaultRules.DESCRIPTION
                : String.join("; ", reasons);
        a.decidedAt = clock.now(a.eventTime);
        return a;
    }
}

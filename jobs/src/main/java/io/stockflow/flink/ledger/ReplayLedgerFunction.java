package io.stockflow.flink.ledger;

import io.stockflow.alert.Alert;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LedgerEffects;
import io.stockflow.ledger.LedgerPolicy;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.LineCorrection;
import io.stockflow.ledger.SkuLedger;
import io.stockflow.model.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The stock ledger of a bounded run: every SKU's {@link SkuLedger} in one task, fed in event-time order, with the
 * correction round of live routing done in place. When the last line of a routed multi-line order is held, the order
 * is planned on what is free to it ({@link OrderCorrections#plan}), the corrections are applied to their SKUs' ledgers
 * at once, and the lines go on as the ledgers then hold them. Live, the same round travels through
 * {@code routing.corrections}; fed one order at a time, live reaches the same holds (docs/design/routing.md).
 *
 * <p>Daily capacity is counted here too ({@link ReplayCapacity}): each decision's shipments as the lines go on, and
 * each reserve's plan, made before capacity by the order router, is finished with the counts so far before it is held,
 * so a location whose day is full is left out as live routing leaves it out once the level has come back.
 *
 * <p>It sits where {@link StockLedgerFunction} sits live, with the same outputs ({@link StockLedgerFunction#LINES},
 * {@link StockLedgerFunction#ALERTS}, {@link StockLedgerFunction#DEAD_LETTERS}), so the allocation assembly, backorder fills and capacity counting downstream
 * are the live ones. Its ledgers are on the heap: a bounded run is decided again from its input.
 */
public final class ReplayLedgerFunction extends KeyedProcessFunction<String, LedgerCommand, AvailabilityUpdate> {
    /** The one key: every SKU's ledger is in one task, so an order's lines and their corrections are one step. */
    public static final String ALL_SKUS = "*";

    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final LedgerPolicy policy;
    private final DecisionClock clock;
    private transient Map<String, HeapLedgerStore> ledgers;
    private transient Set<String> appliedMovements;
    /** Held lines of multi-line orders whose other lines are not held yet, by decision id. */
    private transient Map<String, List<LineAllocation>> open;
    /** Fills of orders with an open decision: they follow the decision, as the live assembler orders them. */
    private transient Map<String, List<LineAllocation>> fillsOfOpen;

    private transient ReplayCapacity capacity;

    private transient long expiryDue;

    public ReplayLedgerFunction(LedgerPolicy policy, DecisionClock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext context) {
        ledgers = new HashMap<>();
        appliedMovements = new HashSet<>();
        open = new HashMap<>();
        fillsOfOpen = new HashMap<>();
        capacity = new ReplayCapacity(clock);
        expiryDue = Long.MAX_VALUE;
    }

    @Override
    public void processElement(LedgerCommand command, Context ctx, Collector<AvailabilityUpdate> out) throws Exception {
        if (command.kind == LedgerCommand.Kind.MOVEMENT && !appliedMovements.add(command.eventId)) return;
        capacity.finishPlan(command);
        LedgerEffects effects = ledger(command.sku).apply(command, clock.now(command.eventTime));
        publish(effects, ctx, out);
        LineAllocation line = effects.line;
        if (line == null) return;
        if (line.free == null) {
            // One line, or the built-in allocator's: decided as held.
            ctx.output(StockLedgerFunction.LINES, line);
            if (line.lineCount == 1) capacity.decided(List.of(line));
            return;
        }
        List<LineAllocation> held = open.computeIfAbsent(line.eventId, id -> new ArrayList<>());
        held.add(line);
        if (held.size() < line.lineCount) return;
        open.remove(line.eventId);
        decide(held, ctx, out);
    }

    /** The order's correction round, in place: the same plan and the same per-SKU checks as the live loop. */
    private void decide(List<LineAllocation> held, Context ctx, Collector<AvailabilityUpdate> out) throws Exception {
        held.sort(Comparator.comparing(l -> l.sku));
        String orderId = held.get(0).orderId;
        List<LineAllocation> answers = new ArrayList<>();
        for (LineCorrection c : OrderCorrections.plan(held)) {
            LedgerEffects effects = ledger(c.sku).apply(c, clock.now(c.eventTime));
            publish(effects, ctx, out);
            answers.add(effects.line);
        }
        // Every answer is APPLIED: the order's lines are held one after the other, nothing in between, so what
        // they offered is still free when the plan comes back.
        List<LineAllocation> decided = OrderCorrections.held(held, answers);
        for (LineAllocation l : decided) ctx.output(StockLedgerFunction.LINES, l);
        capacity.decided(decided);
        List<LineAllocation> fills = fillsOfOpen.remove(orderId);
        if (fills == null) return;
        for (LineAllocation fill : fills) {
            // An answered SKU's holds already include its fills of this order (the live assembler drops them alike).
            boolean answered = answers.stream().anyMatch(a -> a.sku.equals(fill.sku));
            if (!answered) sendFill(fill, ctx);
        }
    }

    private void publish(LedgerEffects effects, Context ctx, Collector<AvailabilityUpdate> out) {
        for (AvailabilityUpdate update : effects.availability) out.collect(update);
        for (LineAllocation fill : effects.fills) {
            if (isOpen(fill.orderId))
                fillsOfOpen
                        .computeIfAbsent(fill.orderId, id -> new ArrayList<>())
                        .add(fill);
            else sendFill(fill, ctx);
        }
        for (Alert alert : effects.alerts) ctx.output(StockLedgerFunction.ALERTS, alert);
        for (DeadLetter letter : effects.deadLetters) ctx.output(StockLedgerFunction.DEAD_LETTERS, letter);
        if (effects.settledAt > 0) {
            long due = (Math.floorDiv(effects.settledAt + policy.settledRetention.toMillis(), HOUR) + 1) * HOUR;
            if (due < expiryDue) {
                if (expiryDue != Long.MAX_VALUE) ctx.timerService().deleteEventTimeTimer(expiryDue);
                ctx.timerService().registerEventTimeTimer(due);
                expiryDue = due;
            }
        }
    }

    private void sendFill(LineAllocation fill, Context ctx) {
        ctx.output(StockLedgerFunction.LINES, fill);
        capacity.filled(fill);
    }

    private boolean isOpen(String orderId) {
        for (List<LineAllocation> lines : open.values()) {
            if (lines.get(0).orderId.equals(orderId)) return true;
        }
        return false;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AvailabilityUpdate> out) throws Exception {
        expiryDue = Long.MAX_VALUE;
        long next = Long.MAX_VALUE;
        for (Map.Entry<String, HeapLedgerStore> e : ledgers.entrySet()) {
            SkuLedger.Expiry expiry = new SkuLedger(e.getKey(), e.getValue(), policy)
                    .expire(ctx.timerService().currentWatermark());
            if (expiry.earliestKeptSettlement() > 0) next = Math.min(next, expiry.earliestKeptSettlement());
        }
        if (next != Long.MAX_VALUE) {
            expiryDue = (Math.floorDiv(next + policy.settledRetention.toMillis(), HOUR) + 1) * HOUR;
            ctx.timerService().registerEventTimeTimer(expiryDue);
        }
    }

    private SkuLedger ledger(String sku) {
        return new SkuLedger(sku, ledgers.computeIfAbsent(sku, s -> new HeapLedgerStore()), policy);
    }
}

package io.stockflow.flink.ledger;

import io.stockflow.alert.Alert;
import io.stockflow.flink.metrics.StockflowMetrics;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.Allocation;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.ledger.Backorder;
import io.stockflow.ledger.BackorderTally;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LedgerEffects;
import io.stockflow.ledger.LedgerPolicy;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.LineCorrection;
import io.stockflow.ledger.OrderHold;
import io.stockflow.ledger.Position;
import io.stockflow.ledger.PositionHistory;
import io.stockflow.ledger.SkuLedger;
import io.stockflow.model.DeadLetter;
import io.stockflow.types.CompactTypeInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The live stock ledger, keyed by SKU: applies each command through {@link SkuLedger}, publishes the changed
 * availability, sends line decisions and stock alerts to side outputs, and forgets settled orders with event-time
 * timers. Movements retried by their sender (same movement id) are applied once.
 *
 * <p>Stock that arrives fills the SKU's backorder queue first, oldest order first ({@link SkuLedger}); each fill goes
 * to {@link #LINES} as a line with {@code fill} set, and the allocation assembly publishes the order's next
 * decision from it.
 *
 * <p>A stock COUNT is the position's on-hand as of its event time ({@link SkuLedger}): the position remembers its
 * newest count and the on-hand changes of the allowed count lateness, so movements and shipments that arrive around
 * a count, in any order, end in the same on-hand. A count too late to place goes to {@link #DEAD_LETTERS}.
 *
 * <p>Its second input are the assembler's corrections of routed holds ({@code routing.corrections}): each is applied
 * all or nothing and answered on {@link #LINES}, like a line decision (see docs/design/routing.md).
 */
public final class StockLedgerFunction
        extends KeyedCoProcessFunction<String, LedgerCommand, LineCorrection, AvailabilityUpdate> {
    public static final OutputTag<LineAllocation> LINES =
            new OutputTag<>("line-allocations", CompactTypeInfo.LINE_ALLOCATION);
    public static final OutputTag<Alert> ALERTS = new OutputTag<>("stock-alerts") {};
    /** Stock counts that arrived later than the allowed count lateness: not applied, with the reason. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("ledger-dead-letters") {};

    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final LedgerPolicy policy;
    private final Duration movementIdTtl;
    private final DecisionClock clock;
    private transient ValueState<Map<String, Position>> positions;
    /** Where 0.1 kept positions; read only to move a restored SKU's positions into {@link #positions}. */
    private transient MapState<String, Position> positionsPerLocation;

    private transient MapState<String, OrderHold> holds;
    private transient MapState<String, Boolean> appliedMovements;
    /** The SKU's backorder queue: one entry per waiting order (state added with backorder fills). */
    private transient MapState<String, Backorder> backorders;
    /** How many orders wait in the queue, and whether it is turning lines away. */
    private transient ValueState<BackorderTally> backorderTally;
    /** The SKU's one pending expiry timer (absent in state from before it existed: those timers still fire). */
    private transient ValueState<Long> expiryTimer;
    /** Per location: the newest stock count and the on-hand changes after it (state added with time-true counts). */
    private transient MapState<String, PositionHistory> histories;

    private transient Counter duplicateMovements;
    private transient Counter oversells;
    private transient Counter reservations;
    private transient Counter reservedUnits;
    private transient Counter backorderedUnits;
    private transient Counter backorderFills;
    private transient Counter filledUnits;
    private transient Counter changesInCount;
    private transient Counter lateCounts;
    private transient StockflowMetrics.PerKey<Counter> alertsByType;
    private transient StockflowMetrics.PerKey<Counter> correctionsByOutcome;
    private transient Histogram latency;
    private transient volatile long eventTimeLag;

    public StockLedgerFunction(LedgerPolicy policy, Duration movementIdTtl, DecisionClock clock) {
        this.policy = policy;
        this.movementIdTtl = movementIdTtl;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext context) {
        positions = getRuntimeContext()
                .getState(new ValueStateDescriptor<>(
                        "sku-positions", Types.MAP(Types.STRING, TypeInformation.of(Position.class))));
        positionsPerLocation = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("positions", Types.STRING, TypeInformation.of(Position.class)));
        holds = getRuntimeContext()
                .getMapState(
                        new MapStateDescriptor<>("order-holds", Types.STRING, TypeInformation.of(OrderHold.class)));
        MapStateDescriptor<String, Boolean> applied =
                new MapStateDescriptor<>("applied-movements", Types.STRING, Types.BOOLEAN);
        applied.enableTimeToLive(StateTtlConfig.newBuilder(movementIdTtl).build());
        appliedMovements = getRuntimeContext().getMapState(applied);
        expiryTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("settled-expiry-timer", Types.LONG));
        backorders = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("backorders", Types.STRING, TypeInformation.of(Backorder.class)));
        backorderTally = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("backorder-tally", TypeInformation.of(BackorderTally.class)));
        histories = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "position-history", Types.STRING, TypeInformation.of(PositionHistory.class)));
        duplicateMovements = getRuntimeContext().getMetricGroup().counter("duplicateMovementsDropped");
        oversells = getRuntimeContext().getMetricGroup().counter("oversells");
        MetricGroup metrics = StockflowMetrics.group(getRuntimeContext().getMetricGroup());
        reservations = metrics.counter(StockflowMetrics.RESERVATIONS);
        reservedUnits = metrics.counter(StockflowMetrics.RESERVED_UNITS);
        backorderedUnits = metrics.counter(StockflowMetrics.BACKORDERED_UNITS);
        backorderFills = getRuntimeContext().getMetricGroup().counter("backorderFills");
        filledUnits = getRuntimeContext().getMetricGroup().counter("backorderFilledUnits");
        changesInCount = getRuntimeContext().getMetricGroup().counter("changesInNewerCount");
        lateCounts = getRuntimeContext().getMetricGroup().counter("countsTooLate");
        alertsByType = StockflowMetrics.counters(
                getRuntimeContext().getMetricGroup(), StockflowMetrics.ALERT_TYPE, StockflowMetrics.ALERTS);
        correctionsByOutcome =
                StockflowMetrics.counters(getRuntimeContext().getMetricGroup(), "outcome", "holdCorrections");
        latency = metrics.histogram(StockflowMetrics.END_TO_END_LATENCY, StockflowMetrics.latencyHistogram());
        metrics.gauge(StockflowMetrics.EVENT_TIME_LAG, (Gauge<Long>) () -> eventTimeLag);
    }

    @Override
    public void processElement1(LedgerCommand command, Context ctx, Collector<AvailabilityUpdate> out)
            throws Exception {
        if (command.kind == LedgerCommand.Kind.MOVEMENT) {
            if (appliedMovements.contains(command.eventId)) {
                duplicateMovements.inc();
                return;
            }
            appliedMovements.put(command.eventId, Boolean.TRUE);
        }
        KeyedLedgerStore store = store();
        LedgerEffects effects =
                new SkuLedger(ctx.getCurrentKey(), store, policy).apply(command, clock.now(command.eventTime));
        store.flush();
        if (effects.line != null) {
            long reserved = effects.line.requested - effects.line.backordered;
            if (reserved > 0) {
                reservations.inc();
                reservedUnits.inc(reserved);
            }
            backorderedUnits.inc(effects.line.backordered);
        }
        publish(effects, ctx, out);
        long now = ctx.timerService().currentProcessingTime();
        eventTimeLag = now - command.eventTime;
        if (command.receivedAt > 0 && command.kind == LedgerCommand.Kind.RESERVE)
            latency.update(now - command.receivedAt);
    }

    @Override
    public void processElement2(LineCorrection correction, Context ctx, Collector<AvailabilityUpdate> out)
            throws Exception {
        KeyedLedgerStore store = store();
        LedgerEffects effects =
                new SkuLedger(ctx.getCurrentKey(), store, policy).apply(correction, clock.now(correction.eventTime));
        store.flush();
        correctionsByOutcome.get(effects.line.correction.name()).inc();
        publish(effects, ctx, out);
    }

    private void publish(LedgerEffects effects, Context ctx, Collector<AvailabilityUpdate> out) throws IOException {
        for (AvailabilityUpdate update : effects.availability) out.collect(update);
        if (effects.line != null) ctx.output(LINES, effects.line);
        for (LineAllocation fill : effects.fills) {
            backorderFills.inc();
            for (Allocation a : fill.fill) filledUnits.inc(a.quantity);
            ctx.output(LINES, fill);
        }
        changesInCount.inc(effects.changesInCount);
        for (DeadLetter letter : effects.deadLetters) {
            lateCounts.inc();
            ctx.output(DEAD_LETTERS, letter);
        }
        for (Alert alert : effects.alerts) {
            if ("OVERSELL".equals(alert.type)) oversells.inc();
            alertsByType.get(alert.type).inc();
            ctx.output(ALERTS, alert);
        }
        if (effects.settledAt > 0) scheduleExpiry(ctx.timerService(), ctx.getCurrentKey(), effects.settledAt);
    }

    /**
     * One expiry timer per SKU, for its earliest settled order; each pass schedules the next. With a timer per SKU and
     * hour instead, a jump of event time (the first order after a quiet night, a catch-up) fired all of a SKU's
     * timers at once, and each went over all its holds: a stall of seconds.
     */
    private void scheduleExpiry(TimerService timers, String sku, long settledAt) throws IOException {
        // At most one pass an hour per SKU, each SKU at its own minute of the hour: rounded to the hour for every SKU
        // alike, all of them went over their holds together when event time crossed the hour, a stall that grows
        // with the number of SKUs.
        // Similar ids have close String hashes ("SKU-1", "SKU-2" differ by one): mixed, they spread over the hour.
        long offset = Math.floorMod(((sku.hashCode() & 0xffffffffL) * 0x9E3779B97F4A7C15L) >>> 32, HOUR);
        long due = (Math.floorDiv(settledAt + policy.settledRetention.toMillis() - offset, HOUR) + 1) * HOUR + offset;
        Long pending = expiryTimer.value();
        if (pending != null && pending <= due) return;
        if (pending != null) timers.deleteEventTimeTimer(pending);
        timers.registerEventTimeTimer(due);
        expiryTimer.update(due);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AvailabilityUpdate> out) throws Exception {
        if (Long.valueOf(timestamp).equals(expiryTimer.value())) expiryTimer.clear();
        KeyedLedgerStore store = store();
        // Up to the watermark, not the timer's hour: after a jump, this pass does the work of every hour jumped.
        SkuLedger.Expiry expiry = new SkuLedger(ctx.getCurrentKey(), store, policy)
                .expire(ctx.timerService().currentWatermark());
        store.flush();
        if (expiry.earliestKeptSettlement() > 0) {
            scheduleExpiry(ctx.timerService(), ctx.getCurrentKey(), expiry.earliestKeptSettlement());
        }
    }

    private KeyedLedgerStore store() {
        return new KeyedLedgerStore(positions, positionsPerLocation, holds, backorders, backorderTally, histories);
    }
}

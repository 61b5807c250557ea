package io.stockflow.flink.ledger;

import io.stockflow.alert.Alert;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.metrics.StockflowMetrics;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.ledger.Backorder;
import io.stockflow.ledger.BackorderTally;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LedgerPolicy;
import io.stockflow.ledger.LedgerStore;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.OrderHold;
import io.stockflow.ledger.PlanInProgress;
import io.stockflow.ledger.Position;
import io.stockflow.ledger.PositionHistory;
import io.stockflow.ledger.SkuLedger;
import io.stockflow.model.DeadLetter;
import io.stockflow.routing.DailyCapacity;
import io.stockflow.routing.DayCount;
import io.stockflow.routing.ShipmentCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The live stock ledger of serial routing ({@code --routing-mode serial}): every SKU's ledger in one task, keyed by one
 * constant ({@link ReplayLedgerFunction#ALL_SKUS}), applying commands in the order they arrive with each order's
 * correction round and daily capacity in place ({@link SerialLedger}), as a replay does. No decision waits for
 * {@code routing.corrections} or for capacity levels read back, so each is the one an order-at-a-time feed gets,
 * whatever the checkpoint interval or the pace of the orders (docs/design/routing.md, Serial routing).
 *
 * <p>Its state is keyed state under the one key, written per command for what the command changed: each SKU's
 * positions (one value per SKU), holds, backorder queue, its count and count histories (one entry per SKU and order
 * or location), the applied movement ids (with the live ledger's TTL), the open multi-line orders and the fills
 * waiting for them, the plans being finished, routed orders' backordered decisions (with the order TTL), the
 * shipments counted per location and day, and the pending expiry timer. Its uid and state names are its own: the
 * SKU-keyed ledger's are untouched.
 */
public final class SerialLedgerFunction extends KeyedProcessFunction<String, LedgerCommand, AvailabilityUpdate> {
    private final LedgerPolicy policy;
    private final Duration movementIdTtl;
    private final Duration orderTtl;
    private final DecisionClock clock;

    private transient MapState<String, Map<String, Position>> positions;
    private transient MapState<String, OrderHold> holds;
    private transient MapState<String, Backorder> backorders;
    private transient MapState<String, BackorderTally> tallies;
    private transient MapState<String, PositionHistory> histories;
    private transient ValueState<Long> expiryTimer;
    private transient SerialLedger serial;

    private transient Counter duplicateMovements;
    private transient Counter reservations;
    private transient Counter reservedUnits;
    private transient Counter backorderedUnits;
    private transient Histogram latency;
    private transient volatile long eventTimeLag;

    public SerialLedgerFunction(LedgerPolicy policy, Duration movementIdTtl, Duration orderTtl, DecisionClock clock) {
        this.policy = policy;
        this.movementIdTtl = movementIdTtl;
        this.orderTtl = orderTtl;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext context) {
        positions = map("serial-sku-positions", Types.MAP(Types.STRING, TypeInformation.of(Position.class)), null);
        holds = map("serial-order-holds", TypeInformation.of(OrderHold.class), null);
        backorders = map("serial-backorders", TypeInformation.of(Backorder.class), null);
        tallies = map("serial-backorder-tally", TypeInformation.of(BackorderTally.class), null);
        histories = map("serial-position-history", TypeInformation.of(PositionHistory.class), null);
        expiryTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("serial-expiry-timer", Types.LONG));
        MapState<String, Map<Long, DayCount>> days =
                map("serial-shipments-per-day", Types.MAP(Types.LONG, TypeInformation.of(DayCount.class)), null);
        ValueState<Long> newestDay =
                getRuntimeContext().getState(new ValueStateDescriptor<>("serial-newest-shipment-day", Types.LONG));
        StateTtlConfig orders = StateTtlConfig.newBuilder(orderTtl).build();
        // Flink's POJO serializer, as the allocation assembler keeps lines: no class of this module in a savepoint.
        var lines = Types.LIST(TypeInformation.of(LineAllocation.class));
        serial = new SerialLedger(
                policy,
                clock,
                new KeyedLedgers(),
                Table.of(map(
                        "serial-applied-movements",
                        Types.BOOLEAN,
                        StateTtlConfig.newBuilder(movementIdTtl).build())),
                Table.of(map("serial-open-lines", lines, orders)),
                Table.of(map("serial-fills-of-open", lines, orders)),
                new SerialCapacity(
                        clock,
                        new ShipmentCounts(new KeyedCounts(days, newestDay)),
                        Table.of(map("serial-plans-in-progress", TypeInformation.of(PlanInProgress.class), orders)),
                        Table.of(map(
                                "serial-backordered-decisions", TypeInformation.of(OrderAllocation.class), orders))));
        duplicateMovements = getRuntimeContext().getMetricGroup().counter("duplicateMovementsDropped");
        MetricGroup metrics = StockflowMetrics.group(getRuntimeContext().getMetricGroup());
        reservations = metrics.counter(StockflowMetrics.RESERVATIONS);
        reservedUnits = metrics.counter(StockflowMetrics.RESERVED_UNITS);
        backorderedUnits = metrics.counter(StockflowMetrics.BACKORDERED_UNITS);
        latency = metrics.histogram(StockflowMetrics.END_TO_END_LATENCY, StockflowMetrics.latencyHistogram());
        metrics.gauge(StockflowMetrics.EVENT_TIME_LAG, (Gauge<Long>) () -> eventTimeLag);
    }

    private <V> MapState<String, V> map(String name, TypeInformation<V> type, StateTtlConfig ttl) {
        MapStateDescriptor<String, V> descriptor = new MapStateDescriptor<>(name, Types.STRING, type);
        if (ttl != null) descriptor.enableTimeToLive(ttl);
        return getRuntimeContext().getMapState(descriptor);
    }

    @Override
    public void processElement(LedgerCommand command, Context ctx, Collector<AvailabilityUpdate> out) throws Exception {
        boolean applied = serial.apply(command, new SerialLedger.Output() {
            @Override
            public void availability(AvailabilityUpdate update) {
                out.collect(update);
            }

            @Override
            public void line(LineAllocation line) {
                if (line.fill == null && line.correction == null) {
                    long reserved = line.requested - line.backordered;
                    if (reserved > 0) {
                        reservations.inc();
                        reservedUnits.inc(reserved);
                    }
                    backorderedUnits.inc(line.backordered);
                }
                ctx.output(StockLedgerFunction.LINES, line);
            }

            @Override
            public void alert(Alert alert) {
                ctx.output(StockLedgerFunction.ALERTS, alert);
            }

            @Override
            public void deadLetter(DeadLetter letter) {
                ctx.output(StockLedgerFunction.DEAD_LETTERS, letter);
            }

            @Override
            public void settled(long settledAt) throws Exception {
                long due = SerialLedger.expiryDue(settledAt, policy);
                Long pending = expiryTimer.value();
                if (pending != null && pending <= due) return;
                if (pending != null) ctx.timerService().deleteEventTimeTimer(pending);
                ctx.timerService().registerEventTimeTimer(due);
                expiryTimer.update(due);
            }
        });
        if (!applied) duplicateMovements.inc();
        long now = ctx.timerService().currentProcessingTime();
        eventTimeLag = now - command.eventTime;
        if (command.receivedAt > 0 && command.kind == LedgerCommand.Kind.RESERVE)
            latency.update(now - command.receivedAt);
    }

    /**
     * Forgets settled orders of every SKU up to the watermark, in one scan of the holds: each SKU's ledger goes over
     * its own, as the SKU-keyed ledger's expiry does.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AvailabilityUpdate> out) throws Exception {
        expiryTimer.clear();
        Map<String, List<Map.Entry<String, OrderHold>>> bySku = new HashMap<>();
        for (Map.Entry<String, OrderHold> e : holds.entries()) {
            String sku = SkuStateViews.skuOf(e.getKey());
            bySku.computeIfAbsent(sku, s -> new ArrayList<>())
                    .add(Map.entry(e.getKey().substring(sku.length() + 1), e.getValue()));
        }
        long next = Long.MAX_VALUE;
        for (Map.Entry<String, List<Map.Entry<String, OrderHold>>> e : bySku.entrySet()) {
            KeyedLedgerStore store = store(e.getKey(), e.getValue());
            SkuLedger.Expiry expiry = new SkuLedger(e.getKey(), store, policy)
                    .expire(ctx.timerService().currentWatermark());
            store.flush();
            if (expiry.earliestKeptSettlement() > 0) next = Math.min(next, expiry.earliestKeptSettlement());
        }
        if (next != Long.MAX_VALUE) {
            long due = SerialLedger.expiryDue(next, policy);
            ctx.timerService().registerEventTimeTimer(due);
            expiryTimer.update(due);
        }
    }

    /** {@code sku}'s ledger in the state under the one key; {@code knownHolds}: its holds, or null to scan. */
    private KeyedLedgerStore store(String sku, List<Map.Entry<String, OrderHold>> knownHolds) {
        return new KeyedLedgerStore(
                SkuStateViews.value(positions, sku),
                SkuStateViews.none(),
                SkuStateViews.map(holds, sku, knownHolds),
                SkuStateViews.map(backorders, sku),
                SkuStateViews.value(tallies, sku),
                SkuStateViews.map(histories, sku));
    }

    /** The stores a command used, written back once it is applied. */
    private final class KeyedLedgers implements SerialLedger.Ledgers {
        private final Map<String, KeyedLedgerStore> used = new HashMap<>();

        @Override
        public LedgerStore of(String sku) {
            return used.computeIfAbsent(sku, s -> store(s, null));
        }

        @Override
        public void flush() throws Exception {
            for (KeyedLedgerStore store : used.values()) store.flush();
            used.clear();
        }
    }

    /** Shipments per location and day, one map of a few days per location; the newest day claimed. */
    private static final class KeyedCounts implements ShipmentCounts.Counts {
        private final MapState<String, Map<Long, DayCount>> days;
        private final ValueState<Long> newestDay;

        KeyedCounts(MapState<String, Map<Long, DayCount>> days, ValueState<Long> newestDay) {
            this.days = days;
            this.newestDay = newestDay;
        }

        @Override
        public long newestDay() throws Exception {
            Long day = newestDay.value();
            return day == null ? Long.MIN_VALUE : day;
        }

        @Override
        public void newestDay(long day) throws Exception {
            newestDay.update(day);
        }

        @Override
        public DailyCapacity.Store location(String location) {
            return new DailyCapacity.Store() {
                @Override
                public DayCount get(long day) throws Exception {
                    Map<Long, DayCount> counts = days.get(location);
                    return counts == null ? null : counts.get(day);
                }

                @Override
                public void put(long day, DayCount count) throws Exception {
                    Map<Long, DayCount> counts = days.get(location);
                    if (counts == null) counts = new HashMap<>();
                    counts.put(day, count);
                    days.put(location, counts);
                }

                @Override
                public Iterable<Long> days() throws Exception {
                    Map<Long, DayCount> counts = days.get(location);
                    return counts == null ? List.of() : new ArrayList<>(counts.keySet());
                }

                @Override
                public void remove(long day) throws Exception {
                    Map<Long, DayCount> counts = days.get(location);
                    if (counts == null || counts.remove(day) == null) return;
                    if (counts.isEmpty()) days.remove(location);
                    else days.put(location, counts);
                }
            };
        }
    }
}

package io.stockflow.flink.ingest;

import io.stockflow.allocation.Decision;
import io.stockflow.allocation.DefaultRules;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.metrics.StockflowMetrics;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ingest.OrderInput;
import io.stockflow.ingest.OrderProgress;
import io.stockflow.ingest.ReturnLines;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LedgerCommand.Kind;
import io.stockflow.ledger.RoutePlan;
import io.stockflow.model.DeadLetter;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.FulfilmentType;
import io.stockflow.model.MarketplaceLine;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import io.stockflow.routing.RoutePlans;
import io.stockflow.types.CompactTypeInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per order id: drops repeated deliveries (the same event id), publishes each new canonical event once, and turns
 * order and fulfilment events into per-SKU ledger commands. It decides which event carries the order's allocation
 * decision (the first placement) and rejects a placement that arrives after the order's cancellation.
 *
 * <p>Events of one order may arrive in any order (its records may come on different partitions and topics). A
 * cancellation or a warehouse event that arrives before the order's creation waits for it, up to the allowed lateness
 * of event time: when the creation comes, they are applied in event-time order, as a bounded run applies them (a
 * creation older than its cancellation is decided, then released; one older than its shipment is decided where the
 * units are, then shipped). What waited out the lateness is applied without it, and a creation after a cancellation
 * applied so is REJECTED as cancelled before it was placed. A restocking refund of a warehouse order whose units
 * the gate has not seen ship waits for their shipment the same way: the ledger returns to stock only what left it,
 * so a refund applied before its shipment would return nothing and the shipment would then take the units for good.
 * A shipment that covers it applies it; without one, it applies when the lateness has passed (units refunded before
 * they shipped are then released from their reservation).
 *
 * <p>An event's id is remembered in the order's progress, so that an event costs one state write. Savepoints of the
 * older layout keep ids in a map state of their own ({@code seen-events}); it is still read until its entries expire:
 * for an order's first event (a miss its Bloom filter answers), and for progress restored without ids, whose order's
 * ids it adopts before that order's first new event (whichever topic that event comes from).
 *
 * <p>Marketplace SHIPPED events are published but move no stock: the warehouse's {@code fulfilment.events} SHIPPED is
 * the one source of truth for what left which location, so a shipment reported by both is not taken twice.
 *
 * <p>An order the marketplace fulfils from its own stock ({@code fulfilledBy} MARKETPLACE, Amazon FBA) is published
 * but never reserves the shop's stock. When its channel has a marketplace-held location, the order moves that location
 * instead: it is reserved there, the marketplace's first SHIPPED takes the units from there (no warehouse of the
 * shop reports it), and its restocked returns go back there.
 *
 * <p>A return that names its order's lines and not their SKUs (eBay Post-Order: listing and transaction) takes each
 * line's SKU from the lines the order's own events carried, kept per order ({@code marketplace-lines}); a return of an
 * order not seen, of a line the order does not have, or of more units than the line had, goes to the dead letters with
 * the reason and is not taken (a corrected delivery is read). A return restocks once: a later state of the same return
 * (refunded, closed) moves money only ({@code restocked-returns}). It restocks where the order's units shipped from.
 */
public final class OrderGate extends KeyedProcessFunction<String, OrderInput, LedgerCommand> {
    public static final OutputTag<OrderEvent> CANONICAL = new OutputTag<>("canonical-orders") {};
    public static final OutputTag<OrderAllocation> REJECTED =
            new OutputTag<>("rejected-orders", CompactTypeInfo.ORDER_ALLOCATION);
    /** Returns whose lines cannot be resolved to SKUs. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("unresolved-returns") {};

    private final Duration seenBeforeTtl;
    private final Duration progressTtl;
    /**
     * How long a cancellation or a warehouse event waits for its order's creation; zero applies it at once (bounded
     * runs, which read each order's events in event-time order).
     */
    private final Duration hold;

    private final DecisionClock clock;
    /** Channel to the location holding the stock its marketplace fulfils from; none, and such orders move no stock. */
    private final HashMap<String, String> marketplaceLocations;

    private transient MapState<String, Boolean> seenBefore;
    private transient ValueState<OrderProgress> progress;
    private transient MapState<String, MarketplaceLine> marketplaceLines;
    private transient MapState<String, Boolean> restockedReturns;
    private transient Counter unresolvedReturns;
    /** Cancellations and warehouse events that came before the order's creation, waiting for it (new state). */
    private transient ListState<OrderInput> held;
    /** Restocking refunds of units not seen shipping yet, waiting for their shipment (new state). */
    private transient ListState<OrderInput> heldForShipment;
    /** Units of each SKU the order's warehouse shipments took, to know whether a refund's units have shipped. */
    private transient MapState<String, Long> shippedUnits;

    private transient Counter duplicates;
    private transient StockflowMetrics.PerKey<Counter> ordersIn;

    public OrderGate(Duration seenBeforeTtl, Duration progressTtl, DecisionClock clock) {
        this(seenBeforeTtl, progressTtl, Duration.ZERO, clock, Map.of());
    }

    public OrderGate(
            Duration seenBeforeTtl,
            Duration progressTtl,
            Duration hold,
            DecisionClock clock,
            Map<String, String> marketplaceLocations) {
        this.seenBeforeTtl = seenBeforeTtl;
        this.progressTtl = progressTtl;
        this.hold = hold;
        this.clock = clock;
        this.marketplaceLocations = new HashMap<>(marketplaceLocations);
    }

    @Override
    public void open(OpenContext context) {
        seenBefore = getRuntimeContext().getMapState(seenBeforeDescriptor(seenBeforeTtl));
        progress = getRuntimeContext().getState(progressDescriptor(progressTtl));
        marketplaceLines = getRuntimeContext().getMapState(marketplaceLinesDescriptor(progressTtl));
        restockedReturns = getRuntimeContext().getMapState(restockedReturnsDescriptor(progressTtl));
        unresolvedReturns = getRuntimeContext().getMetricGroup().counter("returnsUnresolved");
        held = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("held-for-creation", CompactTypeInfo.ORDER_INPUT));
        heldForShipment = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("held-for-shipment", CompactTypeInfo.ORDER_INPUT));
        shippedUnits = getRuntimeContext().getMapState(shippedUnitsDescriptor(progressTtl));
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicatesDropped");
        ordersIn = StockflowMetrics.counters(
                getRuntimeContext().getMetricGroup(), StockflowMetrics.CHANNEL, StockflowMetrics.ORDERS_IN);
    }

    /** Event ids kept apart from the order's progress, as savepoints of the older layout hold them; read only. */
    static MapStateDescriptor<String, Boolean> seenBeforeDescriptor(Duration ttl) {
        MapStateDescriptor<String, Boolean> d = new MapStateDescriptor<>("seen-events", Types.STRING, Types.BOOLEAN);
        d.enableTimeToLive(StateTtlConfig.newBuilder(ttl).build());
        return d;
    }

    static ValueStateDescriptor<OrderProgress> progressDescriptor(Duration ttl) {
        ValueStateDescriptor<OrderProgress> d =
                new ValueStateDescriptor<>("progress", TypeInformation.of(OrderProgress.class));
        d.enableTimeToLive(StateTtlConfig.newBuilder(ttl).build());
        return d;
    }

    /**
     * The order's lines as its marketplace names them (eBay: {@code <itemId>-<transactionId>}), with SKU and units;
     * written with each event that carries them, so they live as long as the order's progress.
     */
    static MapStateDescriptor<String, MarketplaceLine> marketplaceLinesDescriptor(Duration ttl) {
        MapStateDescriptor<String, MarketplaceLine> d =
                new MapStateDescriptor<>("marketplace-lines", Types.STRING, TypeInformation.of(MarketplaceLine.class));
        d.enableTimeToLive(StateTtlConfig.newBuilder(ttl).build());
        return d;
    }

    /** The ids of the order's returns that restocked already. */
    static MapStateDescriptor<String, Boolean> restockedReturnsDescriptor(Duration ttl) {
        MapStateDescriptor<String, Boolean> d =
                new MapStateDescriptor<>("restocked-returns", Types.STRING, Types.BOOLEAN);
        d.enableTimeToLive(StateTtlConfig.newBuilder(ttl).build());
        return d;
    }

    static MapStateDescriptor<String, Long> shippedUnitsDescriptor(Duration ttl) {
        MapStateDescriptor<String, Long> d = new MapStateDescriptor<>("shipped-units", Types.STRING, Types.LONG);
        d.enableTimeToLive(StateTtlConfig.newBuilder(ttl).build());
        return d;
    }

    @Override
    public void processElement(OrderInput input, Context ctx, Collector<LedgerCommand> out) throws Exception {
        OrderProgress state = progress.value();
        if (state != null && state.events == null) adoptSeenBefore(state);
        long eventHash = OrderProgress.hash(input.eventId());
        if (state != null && state.took(eventHash) || state == null && seenBefore.contains(input.eventId())) {
            duplicates.inc();
            return;
        }
        if (input.order != null && input.order.returnId != null && !resolveReturn(input.order, state, ctx)) return;
        if (input.order != null && input.order.returnId == null) keepMarketplaceLines(input.order);
        if (state == null) state = new OrderProgress();
        state.take(eventHash);
        if (input.order != null) {
            ctx.output(CANONICAL, input.order);
            if (input.order.type == OrderEventType.PLACED)
                ordersIn.get(input.order.channel).inc();
        }
        inEventTimeOrder(input, state, ctx, out);
        progress.update(state);
    }

    /**
     * Holds a cancellation or a warehouse event that comes before the order's creation; when the creation comes, applies
     * it and what waited for it in event-time order, as a bounded run does.
     */
    private void inEventTimeOrder(OrderInput input, OrderProgress state, Context ctx, Collector<LedgerCommand> out)
            throws Exception {
        if (waitsForCreation(input, state)) {
            held.add(input);
            ctx.timerService().registerEventTimeTimer(due(input));
            return;
        }
        if (waitsForShipment(input)) {
            heldForShipment.add(input);
            ctx.timerService().registerEventTimeTimer(due(input));
            return;
        }
        List<OrderInput> waiting = isCreation(input) ? list(held.get()) : List.of();
        if (waiting.isEmpty()) {
            apply(input, state, ctx, out);
            return;
        }
        held.clear();
        for (OrderInput w : waiting) ctx.timerService().deleteEventTimeTimer(due(w));
        List<OrderInput> all = new ArrayList<>(waiting);
        all.add(input);
        all.sort(IN_EVENT_TIME_ORDER);
        for (OrderInput i : all) apply(i, state, ctx, out);
    }

    /** Orders inputs as a bounded run does: by event time, then order events before warehouse events, by id. */
    private static final Comparator<OrderInput> IN_EVENT_TIME_ORDER =
            Comparator.comparingLong(OrderInput::eventTime).thenComparing(OrderInput::sequenceKey);

    private boolean waitsForCreation(OrderInput input, OrderProgress state) {
        if (hold.isZero() || state.decided || state.cancelled) return false;
        return input.fulfilment != null || input.order.type == OrderEventType.CANCELLED;
    }

    /** A restocking refund of a warehouse order, of more units of a SKU than the order's shipments took so far. */
    private boolean waitsForShipment(OrderInput input) throws Exception {
        if (hold.isZero() || input.order == null || input.order.type != OrderEventType.REFUNDED) return false;
        if (OrderEvent.MARKETPLACE.equals(input.order.fulfilledBy)) return false;
        for (OrderLine line : input.order.lines) {
            if (line.restock && line.quantity > shipped(line.sku)) return true;
        }
        return false;
    }

    private long shipped(String sku) throws Exception {
        Long units = shippedUnits.get(sku);
        return units == null ? 0 : units;
    }

    private static boolean isCreation(OrderInput input) {
        return input.order != null
                && (input.order.type == OrderEventType.PLACED || input.order.type == OrderEventType.UPDATED);
    }

    private long due(OrderInput input) {
        return input.eventTime() + hold.toMillis();
    }

    private void apply(OrderInput input, OrderProgress state, Context ctx, Collector<LedgerCommand> out)
            throws Exception {
        if (input.order != null) {
            onOrderEvent(input.order, input.route, state, ctx, out);
        } else {
            onFulfilment(input.fulfilment, out);
            if (input.fulfilment.type == FulfilmentType.SHIPPED) onShipped(input.fulfilment, state, ctx, out);
        }
    }

    /** Counts the shipment's units and applies the waiting refunds that it covers, in event-time order. */
    private void onShipped(FulfilmentEvent f, OrderProgress state, Context ctx, Collector<LedgerCommand> out)
            throws Exception {
        for (OrderLine line : f.lines) shippedUnits.put(line.sku, shipped(line.sku) + line.quantity);
        List<OrderInput> waiting = list(heldForShipment.get());
        if (waiting.isEmpty()) return;
        List<OrderInput> covered = new ArrayList<>();
        List<OrderInput> kept = new ArrayList<>();
        for (OrderInput w : waiting) (waitsForShipment(w) ? kept : covered).add(w);
        if (covered.isEmpty()) return;
        heldForShipment.update(kept);
        covered.sort(IN_EVENT_TIME_ORDER);
        for (OrderInput r : covered) {
            ctx.timerService().deleteEventTimeTimer(due(r));
            onOrderEvent(r.order, r.route, state, ctx, out);
        }
    }

    private static List<OrderInput> list(Iterable<OrderInput> items) {
        List<OrderInput> result = new ArrayList<>();
        if (items != null) for (OrderInput i : items) result.add(i);
        return result;
    }

    /**
     * The order's creation, or a refund's shipment, did not come within the lateness: what waited that long applies
     * without it.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LedgerCommand> out) throws Exception {
        List<OrderInput> due = takeDue(held, timestamp);
        due.addAll(takeDue(heldForShipment, timestamp));
        if (due.isEmpty()) return;
        OrderProgress state = progress.value();
        if (state == null) state = new OrderProgress();
        due.sort(IN_EVENT_TIME_ORDER);
        for (OrderInput i : due) apply(i, state, ctx, out);
        progress.update(state);
    }

    /** Removes from {@code waiting} and returns the inputs due by {@code timestamp}. */
    private List<OrderInput> takeDue(ListState<OrderInput> waiting, long timestamp) throws Exception {
        List<OrderInput> due = new ArrayList<>();
        List<OrderInput> kept = new ArrayList<>();
        for (OrderInput w : list(waiting.get())) (due(w) <= timestamp ? due : kept).add(w);
        if (!due.isEmpty()) waiting.update(kept);
        return due;
    }

    /**
     * Progress restored from the older layout has no ids: the order's ids move into it from {@code seen-events} before
     * its first new event, so that a repeat of an old event is still known once the progress holds ids of its own.
     */
    private void adoptSeenBefore(OrderProgress state) throws Exception {
        Iterable<String> ids = seenBefore.keys();
        if (ids == null) return;
        for (String id : ids) state.take(OrderProgress.hash(id));
    }

    private void onOrderEvent(
            OrderEvent e, RoutePlan route, OrderProgress state, Context ctx, Collector<LedgerCommand> out) {
        if (OrderEvent.MARKETPLACE.equals(e.fulfilledBy)) {
            String location = marketplaceLocations.get(e.channel);
            if (location != null) onMarketplaceFulfilled(e, location, state, ctx, out);
            return;
        }
        switch (e.type) {
            case PLACED:
            case UPDATED:
                reserve(e, route, null, state, ctx, out);
                break;
            case CANCELLED:
                cancel(e, state, out);
                break;
            case REFUNDED:
                refund(e, null, out);
                break;
            case SHIPPED:
                break;
            default:
                throw new IllegalStateException("unhandled order event type " + e.type);
        }
    }

    /**
     * Gives the return's lines their SKUs from the order's lines, and restocks only on the return's first restock;
     * false (and a dead letter) when a line cannot be resolved.
     */
    private boolean resolveReturn(OrderEvent e, OrderProgress state, Context ctx) throws Exception {
        String reason = ReturnLines.resolve(e, state != null, marketplaceLines::get, marketplaceLines.keys());
        if (reason != null) {
            unresolvedReturns.inc();
            ctx.output(DEAD_LETTERS, new DeadLetter(Topics.ORDERS_RAW, reason, ReturnLines.summary(e), e.receivedAt));
            return false;
        }
        boolean restocks = false;
        for (OrderLine line : e.lines) restocks |= line.restock;
        if (!restocks) return true;
        if (restockedReturns.contains(e.returnId)) {
            for (OrderLine line : e.lines) line.restock = false;
        } else {
            restockedReturns.put(e.returnId, true);
        }
        return true;
    }

    private void keepMarketplaceLines(OrderEvent e) throws Exception {
        if (e.marketplaceLines == null) return;
        for (MarketplaceLine line : e.marketplaceLines) marketplaceLines.put(line.ref, line);
    }

    /** An order its marketplace fulfils, moving the marketplace-held {@code location} (rule sets do not route it). */
    private void onMarketplaceFulfilled(
            OrderEvent e, String location, OrderProgress state, Context ctx, Collector<LedgerCommand> out) {
        switch (e.type) {
            case PLACED:
            case UPDATED:
                reserve(e, null, location, state, ctx, out);
                break;
            case CANCELLED:
                cancel(e, state, out);
                break;
            case REFUNDED:
                refund(e, location, out);
                break;
            case SHIPPED:
                // The marketplace repeats an order's status in later notifications; its units leave once.
                if (state.marketplaceShipped) break;
                for (OrderLine line : e.lines) {
                    LedgerCommand c = command(Kind.SHIP, e, line.sku, line.quantity);
                    c.location = location;
                    out.collect(c);
                }
                state.marketplaceShipped = true;
                break;
            default:
                throw new IllegalStateException("unhandled order event type " + e.type);
        }
    }

    /** RESERVE commands for the order's current lines; {@code pinned}, when set, is the one location to hold them. */
    private void reserve(
            OrderEvent e,
            RoutePlan route,
            String pinned,
            OrderProgress state,
            Context ctx,
            Collector<LedgerCommand> out) {
        if (state.cancelled) {
            if (!state.decided) ctx.output(REJECTED, rejected(e));
            state.decided = true;
            return;
        }
        boolean decision = !state.decided;
        Set<String> removed = new LinkedHashSet<>(state.skus);
        List<String> skus = new ArrayList<>();
        // The evaluation travels once per reserve, on its first line: the assembler explains a decision with it, and a
        // replay's ledger adds daily capacity to a decision's or an update's plan from it.
        RoutePlan lean = route == null ? null : RoutePlans.withoutEvaluation(route);
        for (OrderLine line : e.lines) {
            LedgerCommand c = command(Kind.RESERVE, e, line.sku, line.quantity);
            c.location = pinned;
            c.decision = decision;
            c.lineCount = e.lines.size();
            c.route = skus.isEmpty() ? route : lean; // skus: the lines sent so far
            out.collect(c);
            skus.add(line.sku);
            removed.remove(line.sku);
        }
        for (String sku : removed) {
            LedgerCommand c = command(Kind.RESERVE, e, sku, 0);
            c.location = pinned;
            out.collect(c);
        }
        state.decided = true;
        state.skus = skus;
    }

    private void cancel(OrderEvent e, OrderProgress state, Collector<LedgerCommand> out) {
        Set<String> toRelease = new LinkedHashSet<>(state.skus);
        for (OrderLine line : e.lines) toRelease.add(line.sku);
        for (String sku : toRelease) out.collect(command(Kind.CANCEL, e, sku, 0));
        state.cancelled = true;
        state.skus = new ArrayList<>(toRelease);
    }

    /** REFUND commands; a line's own location first, else {@code location} (null: where the order last shipped). */
    private void refund(OrderEvent e, String location, Collector<LedgerCommand> out) {
        for (OrderLine line : e.lines) {
            LedgerCommand c = command(Kind.REFUND, e, line.sku, line.quantity);
            c.restock = line.restock;
            c.location = line.location != null ? line.location : location;
            out.collect(c);
        }
    }

    private void onFulfilment(FulfilmentEvent f, Collector<LedgerCommand> out) {
        if (f.type != FulfilmentType.SHIPPED) return;
        for (OrderLine line : f.lines) {
            LedgerCommand c = LedgerCommand.forOrder(
                    Kind.SHIP, f.eventId, f.orderId, null, line.sku, line.quantity, f.occurredAt);
            c.location = f.location;
            out.collect(c);
        }
    }

    private static LedgerCommand command(Kind kind, OrderEvent e, String sku, long quantity) {
        LedgerCommand c = LedgerCommand.forOrder(kind, e.eventId, e.orderId, e.channel, sku, quantity, e.eventTime);
        c.receivedAt = e.receivedAt;
        return c;
    }

    private OrderAllocation rejected(OrderEvent e) {
        OrderAllocation a = new OrderAllocation();
        a.orderId = e.orderId;
        a.channel = e.channel;
        a.decision = Decision.REJECTED;
        a.ruleSetVersion = DefaultRules.RULE_SET_VERSION;
        a.reason = "the order was cancelled before it was placed; nothing was reserved";
        a.eventTime = e.eventTime;
        a.decidedAt = clock.now(e.eventTime);
        return a;
    }
}

package io.stockflow.flink.inventory;

import io.stockflow.alert.Alert;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.ingest.OrderGate;
import io.stockflow.flink.ingest.ParseRecords;
import io.stockflow.flink.ingest.RecordParser;
import io.stockflow.flink.ingest.TaskContactHashes;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.RoutingMode;
import io.stockflow.flink.ledger.AllocationAssembler;
import io.stockflow.flink.ledger.OversellEpisodeFunction;
import io.stockflow.flink.ledger.ReplayLedgerFunction;
import io.stockflow.flink.ledger.SerialLedgerFunction;
import io.stockflow.flink.ledger.StockLedgerFunction;
import io.stockflow.flink.routing.CapacityCounting;
import io.stockflow.flink.routing.RuleSetRouting;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.flink.time.EndOfTime;
import io.stockflow.flink.time.EventTimeSorter;
import io.stockflow.flink.time.EventTimes;
import io.stockflow.ingest.FulfilmentParser;
import io.stockflow.ingest.MovementParser;
import io.stockflow.ingest.OrderContact;
import io.stockflow.ingest.OrderEnvelopeParser;
import io.stockflow.ingest.OrderInput;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LineAllocation;
import io.stockflow.ledger.LineCorrection;
import io.stockflow.ledger.OversellEpisodes;
import io.stockflow.ledger.SkuLedger;
import io.stockflow.ledger.StockSignal;
import io.stockflow.model.DeadLetter;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.Movement;
import io.stockflow.model.OrderEvent;
import io.stockflow.types.CompactTypeInfo;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * The hot path as a function from typed streams to typed streams ({@link InventoryInputs} to
 * {@link InventoryOutputs}): it knows nothing of Kafka, files or JSON output; {@link InventoryJob} binds it to topics.
 * It parses marketplace, movement and warehouse records once, as they enter (the parsing chains into the source's task,
 * so no raw payload crosses a {@code keyBy}), and validates rule-set documents; what it cannot use goes to the dead
 * letters with the reason and the raw text.
 *
 * <pre>
 * orders.raw ──parse──┐                                   ┌─► orders.canonical
 * fulfilment.events ──┴─► keyBy order: OrderGate (dedup) ─┤
 *                                                         └─► ledger commands ─┐
 * inventory.movements ──parse──────────────────────────────────────────────────┴─► keyBy sku: StockLedgerFunction
 *     ─► inventory.availability, alerts; line decisions and backorder fills ─► keyBy order: AllocationAssembler
 *     ─► orders.allocations (a fill: the order's next decision)
 * OVERSELL alerts (one per line), availability over all locations ─► keyBy sku: OversellEpisodeFunction ─► alerts
 *     (one OVERSELL episode per SKU, updated, resolved when the SKU is available again)
 * orders.allocations ─► shipment claims ─► keyBy location: CapacityCounter ─► routing.capacity, alerts
 * routing.rules, routing.capacity (live: read back) ─► broadcast to the order router, in front of the gate
 * routing.corrections (live: read back) ──► keyBy sku: StockLedgerFunction's 2nd input ◄── the
 *     AllocationAssembler's corrections, through Kafka (the one-round correction loop of docs/design/routing.md)
 * </pre>
 *
 * <p>In serial routing mode (live) and in a bounded run, one task holds every SKU's ledger instead
 * ({@link SerialLedgerFunction}, {@link ReplayLedgerFunction}) and does the correction round and capacity counting in
 * place: nothing is read back.
 */
public final class InventoryTopology {
    /**
     * How long the two exchanges between an order and its availability update (parsed orders to the gate, the gate's
     * commands to the ledger) hold a part-filled network buffer. Every other exchange takes the configured
     * {@code execution.buffer-timeout.interval}: each exchange's flusher thread wakes that often, and the job's
     * 40-odd flushers all waking every 10 ms would cost a noticeable share of a small machine's CPU.
     */
    static final long LATENCY_PATH_FLUSH_MILLIS = 10;

    /** The raw contact of each order placed, for {@code customers.contacts} (docs/design/contact-details.md). */
    public static final OutputTag<OrderContact> CONTACTS =
            new OutputTag<>("order-contacts", TypeInformation.of(OrderContact.class));

    private InventoryTopology() {}

    public static InventoryOutputs build(InventoryInputs inputs, InventorySettings settings) {
        DecisionClock clock = new DecisionClock(settings.replay);
        EventTimes eventTimes = new EventTimes(settings.replay, settings.outOfOrderness, settings.idleness);
        var limits = settings.limits;

        // The buyer's raw contact leaves the parse step on a side output of its own, to customers.contacts only: it
        // never enters the OrderEvent, which is kept in state, nor any other output.
        SingleOutputStreamOperator<OrderEvent> orders = ParseRecords.parse(
                inputs.orderEnvelopes(),
                Topics.ORDERS_RAW,
                () -> new OrderEnvelopeParser(limits, TaskContactHashes.fromEnvironment())::parse,
                CONTACTS,
                OrderEvent.class,
                "parse-" + Topics.ORDERS_RAW);
        SingleOutputStreamOperator<Movement> movements =
                parse(inputs.movements(), Topics.MOVEMENTS, () -> new MovementParser(limits)::parse, Movement.class);
        SingleOutputStreamOperator<FulfilmentEvent> fulfilments = parse(
                inputs.fulfilmentEvents(),
                Topics.FULFILMENT,
                () -> new FulfilmentParser(limits)::parse,
                FulfilmentEvent.class);

        // Event time is assigned on each input before the union, so it chains into the parsing task: assigned after
        // the union, it would be a task of its own, one more network hop for every order.
        DataStream<OrderInput> orderInputs = eventTimes
                .assign(
                        orders.map(OrderInput::of)
                                .returns(CompactTypeInfo.ORDER_INPUT)
                                .name("order events")
                                .uid("wrap-orders"),
                        OrderInput::eventTime,
                        "orders")
                .setBufferTimeout(LATENCY_PATH_FLUSH_MILLIS)
                .union(eventTimes.assign(
                        fulfilments
                                .map(OrderInput::of)
                                .returns(CompactTypeInfo.ORDER_INPUT)
                                .name("fulfilment events")
                                .uid("wrap-fulfilments"),
                        OrderInput::eventTime,
                        "fulfilments"));
        KeyedStream<OrderInput, String> byOrder = orderInputs.keyBy(OrderInput::orderId);
        if (settings.replay) {
            byOrder =
                    EventTimeSorter.sort(byOrder, CompactTypeInfo.ORDER_INPUT, OrderInput::sequenceKey, "order-inputs");
        }
        // Live serial routing decides orders in the order they reach its ledger: the router and the gate run as one
        // task each, so that order is the orders' arrival order, not an interleaving of parallel gates.
        boolean serial = !settings.replay && settings.routingMode == RoutingMode.SERIAL;
        RuleSetRouting.Wired routing = RuleSetRouting.wire(
                inputs.ruleSetDocuments(),
                serial ? null : inputs.capacityReadBack().orElse(null),
                byOrder,
                settings.ruleSets,
                settings.replay,
                serial,
                clock);
        byOrder = routing.orders;
        SingleOutputStreamOperator<LedgerCommand> orderCommands = byOrder.process(
                        new OrderGate(
                                settings.dedupTtl,
                                settings.orderTtl,
                                // A bounded run reads each order's events in event-time order: nothing to hold.
                                settings.replay ? Duration.ZERO : settings.ledger.allowedLateness,
                                clock,
                                settings.marketplaceLocations),
                        CompactTypeInfo.LEDGER_COMMAND)
                .name("order gate: dedup, canonical, commands")
                .uid("order-gate")
                .setBufferTimeout(LATENCY_PATH_FLUSH_MILLIS);
        if (serial) orderCommands.setParallelism(1);

        DataStream<LedgerCommand> movementCommands = eventTimes.assign(
                movements
                        .map(m -> LedgerCommand.movement(
                                m.movementId, m.sku, m.location, m.type, m.quantity, m.occurredAt))
                        .returns(CompactTypeInfo.LEDGER_COMMAND)
                        .name("movement commands")
                        .uid("movement-commands"),
                c -> c.eventTime,
                "movements");

        SingleOutputStreamOperator<AvailabilityUpdate> availability;
        boolean correcting = !serial && inputs.correctionsReadBack().isPresent();
        if (serial) {
            // Live serial routing: every SKU's ledger in one task, commands applied as they arrive, each order's
            // correction round and daily capacity in place; its state is keyed state under the one key.
            availability = orderCommands
                    .union(movementCommands)
                    .keyBy(c -> ReplayLedgerFunction.ALL_SKUS)
                    .process(new SerialLedgerFunction(settings.ledger, settings.dedupTtl, settings.orderTtl, clock))
                    .name("stock ledger (serial)")
                    .uid("serial-ledger");
        } else if (settings.replay) {
            // A bounded run has no loop through Kafka: every SKU's ledger is in one task, which does each order's
            // correction round in place, so a replay decides as live does (docs/design/routing.md).
            KeyedStream<LedgerCommand, String> all = EventTimeSorter.sort(
                    orderCommands.union(movementCommands).keyBy(c -> ReplayLedgerFunction.ALL_SKUS),
                    CompactTypeInfo.LEDGER_COMMAND,
                    LedgerCommand::sequenceKey,
                    "replay-ledger-commands");
            availability = all.process(new ReplayLedgerFunction(settings.ledger, clock))
                    .name("stock ledger (replay)")
                    .uid("replay-ledger");
        } else {
            KeyedStream<LedgerCommand, String> bySku =
                    orderCommands.union(movementCommands).keyBy(c -> c.sku);
            // Live, the assembler's corrections come back over routing.corrections; without that topic the ledger's
            // second input is empty and the line-by-line holds stay.
            DataStream<LineCorrection> correctionInput = correcting
                    ? inputs.correctionsReadBack()
                            .get()
                            .assignTimestampsAndWatermarks(EndOfTime.strategy())
                            .name("corrections: event time")
                            .uid("event-time-corrections")
                    : orderCommands
                            .getExecutionEnvironment()
                            .fromData(TypeInformation.of(LineCorrection.class), new LineCorrection())
                            .name("no corrections")
                            .uid("no-corrections")
                            .filter(c -> false)
                            .name("none")
                            .uid("no-corrections-filter");
            availability = bySku.connect(correctionInput.keyBy(c -> c.sku))
                    .process(new StockLedgerFunction(settings.ledger, settings.dedupTtl, clock))
                    .name("stock ledger")
                    .uid("stock-ledger");
        }

        KeyedStream<LineAllocation, String> lines =
                availability.getSideOutput(StockLedgerFunction.LINES).keyBy(l -> l.orderId);
        if (settings.replay) {
            // An order's lines come from several SKUs' ledgers in any interleaving; in event-time order its first
            // decision is assembled before the fills of later stock, and every replay numbers its decisions alike.
            lines = EventTimeSorter.sort(
                    lines, CompactTypeInfo.LINE_ALLOCATION, AllocationAssembler::sequenceKey, "allocation-lines");
        }
        SingleOutputStreamOperator<OrderAllocation> assembled = lines.process(
                        new AllocationAssembler(clock, settings.orderTtl, correcting))
                .returns(CompactTypeInfo.ORDER_ALLOCATION)
                .name("allocation assembly")
                .uid("allocation-assembler");
        DataStream<OrderAllocation> allocations = assembled.union(orderCommands.getSideOutput(OrderGate.REJECTED));
        CapacityCounting.Counted capacity = CapacityCounting.wire(allocations, settings.replay, clock);

        DataStream<DeadLetter> deadLetters = orders.getSideOutput(ParseRecords.DEAD_LETTERS)
                .union(
                        movements.getSideOutput(ParseRecords.DEAD_LETTERS),
                        fulfilments.getSideOutput(ParseRecords.DEAD_LETTERS),
                        orderCommands.getSideOutput(OrderGate.DEAD_LETTERS),
                        routing.deadLetters,
                        availability.getSideOutput(StockLedgerFunction.DEAD_LETTERS));
        DataStream<Alert> ledgerAlerts = availability.getSideOutput(StockLedgerFunction.ALERTS);
        if (settings.grouping.enabled) ledgerAlerts = oversellEpisodes(ledgerAlerts, availability, settings, clock);
        DataStream<Alert> alerts = ledgerAlerts.union(routing.alerts, capacity.alerts);

        return new InventoryOutputs(
                orderCommands.getSideOutput(OrderGate.CANONICAL),
                availability,
                allocations,
                capacity.levels,
                alerts,
                deadLetters,
                orders.getSideOutput(CONTACTS),
                correcting ? Optional.of(assembled.getSideOutput(AllocationAssembler.CORRECTIONS)) : Optional.empty());
    }

    /**
     * The ledger's OVERSELL alerts, one per order line, become one episode per SKU (resolved by the SKU's availability
     * over all locations); its other alerts pass as they are.
     */
    private static DataStream<Alert> oversellEpisodes(
            DataStream<Alert> ledgerAlerts,
            DataStream<AvailabilityUpdate> availability,
            InventorySettings settings,
            DecisionClock clock) {
        DataStream<StockSignal> signals = ledgerAlerts
                .filter(a -> OversellEpisodes.OVERSELL.equals(a.type))
                .name("oversold lines")
                .uid("oversell-lines")
                .map(StockSignal::of)
                .returns(StockSignal.class)
                .name("oversold lines as signals")
                .uid("oversell-line-signals")
                .union(availability
                        .filter(u -> SkuLedger.ALL_LOCATIONS.equals(u.location))
                        .name("availability over all locations")
                        .uid("oversell-availability")
                        .map(StockSignal::of)
                        .returns(StockSignal.class)
                        .name("availability as signals")
                        .uid("oversell-availability-signals"));
        KeyedStream<StockSignal, String> bySku = signals.keyBy(s -> s.sku);
        if (settings.replay) {
            bySku = EventTimeSorter.sort(
                    bySku, TypeInformation.of(StockSignal.class), StockSignal::sequenceKey, "oversell-signals");
        }
        DataStream<Alert> episodes = bySku.process(
                        new OversellEpisodeFunction(new OversellEpisodes(settings.grouping.pacing), clock))
                .name("oversell episodes: one alert per SKU")
                .uid("oversell-episodes");
        return ledgerAlerts
                .filter(a -> !OversellEpisodes.OVERSELL.equals(a.type))
                .name("other ledger alerts")
                .uid("ledger-alerts-not-oversell")
                .union(episodes);
    }

    private static <T> SingleOutputStreamOperator<T> parse(
            DataStream<RawRecord> raw, String topic, RecordParser.Factory<T> parsers, Class<T> type) {
        return ParseRecords.parse(raw, topic, parsers, type, "parse-" + topic);
    }
}

package io.stockflow.flink.inventory;

import io.stockflow.allocation.OrderAllocation;
import io.stockflow.alert.Alert;
import io.stockflow.ingest.FulfilmentParser;
import io.stockflow.ingest.MovementParser;
import io.stockflow.ingest.OrderEnvelopeParser;
import io.stockflow.flink.ingest.OrderGate;
import io.stockflow.ingest.OrderInput;
import io.stockflow.flink.ingest.ParseRecords;
import io.stockflow.flink.ingest.RecordParser;
import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.Topics;
import io.stockflow.codec.LineCorrectionJson;
import io.stockflow.codec.OrderEventJson;
import io.stockflow.codec.OutputJson;
import io.stockflow.flink.ledger.AllocationAssembler;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.LineCorrection;
import io.stockflow.flink.ledger.StockLedgerFunction;
import io.stockflow.model.DeadLetter;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.Movement;
import io.stockflow.model.OrderEvent;
import io.stockflow.flink.routing.CapacityCounting;
import io.stockflow.routing.CapacityJson;
import io.stockflow.flink.routing.RuleSetRouting;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.flink.time.EndOfTime;
import io.stockflow.flink.time.EventTimeSorter;
import io.stockflow.flink.time.EventTimes;
import io.stockflow.types.CompactTypeInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The hot path as a function from streams to streams: raw orders, movements and fulfilment events in; canonical
 * orders, availability, allocations, stock alerts and dead letters out. It knows nothing of Kafka or files.
 *
 * <pre>
 * orders.raw ──parse──┐                                   ┌─► orders.canonical
 * fulfilment.events ──┴─► keyBy order: OrderGate (dedup) ─┤
 *                                                         └─► ledger commands ─┐
 * inventory.movements ──parse──────────────────────────────────────────────────┴─► keyBy sku: StockLedgerFunction
 *     ─► inventory.availability, alerts; line decisions ─► keyBy order: AllocationAssembler ─► orders.allocations
 * orders.allocations ─► shipment claims ─► keyBy location: CapacityCounter ─► routing.capacity, alerts
 * routing.rules, routing.capacity (live: read back) ─► broadcast to the order router, in front of the gate
 * routing.corrections (live: read back) ──parse──► keyBy sku: StockLedgerFunction's 2nd input ◄── the
 *     AllocationAssembler's corrections, through Kafka (the one-round correction loop of docs/design/routing.md)
 * </pre>
 */
public final class InventoryTopology {
    /**
     * How long the two exchanges between an order and its availability update (parsed orders to the gate, the gate's
     * commands to the ledger) hold a part-filled network buffer. Every other exchange takes the configured
     * {@code execution.buffer-timeout.interval}: each exchange's flusher thread wakes that often, and the job's
     * 40-odd flushers all waking every 10 ms would cost a noticeable share of a small machine's CPU.
     */
    static final long LATENCY_PATH_FLUSH_MILLIS = 10;

    private InventoryTopology() {}

    public static Map<String, DataStream<OutRecord>> build(Map<String, DataStream<RawRecord>> inputs,
                                                           InventorySettings settings) {
        DecisionClock clock = new DecisionClock(settings.replay);
        EventTimes eventTimes = new EventTimes(settings.replay, settings.outOfOrderness, settings.idleness);
        var limits = settings.limits;

        SingleOutputStreamOperator<OrderEvent> orders = parse(inputs.get(Topics.ORDERS_RAW), Topics.ORDERS_RAW,
                () -> new OrderEnvelopeParser(limits)::parse, OrderEvent.class);
        SingleOutputStreamOperator<Movement> movements = parse(inputs.get(Topics.MOVEMENTS), Topics.MOVEMENTS,
                () -> new MovementParser(limits)::parse, Movement.class);
        SingleOutputStreamOperator<FulfilmentEvent> fulfilments = parse(inputs.get(Topics.FULFILMENT),
                Topics.FULFILMENT, () -> new FulfilmentParser(limits)::parse, FulfilmentEvent.class);

        // Event time is assigned on each input before the union, so it chains into the parsing task: assigned after
        // the union, it would be a task of its own, one more network hop for every order.
        DataStream<OrderInput> orderInputs = eventTimes.assign(
                orders.map(OrderInput::of).returns(CompactTypeInfo.ORDER_INPUT).name("order events").uid("wrap-orders"),
                OrderInput::eventTime, "orders").setBufferTimeout(LATENCY_PATH_FLUSH_MILLIS)
                .union(eventTimes.assign(fulfilments.map(OrderInput::of).returns(CompactTypeInfo.ORDER_INPUT)
                        .name("fulfilment events").uid("wrap-fulfilments"), OrderInput::eventTime, "fulfilments"));
        KeyedStream<OrderInput, String> byOrder = orderInputs.keyBy(OrderInput::orderId);
        if (settings.replay) {
            byOrder = EventTimeSorter.sort(byOrder, CompactTypeInfo.ORDER_INPUT, OrderInput::sequenceKey,
                    "order-inputs");
        }
        RuleSetRouting.Wired routing = RuleSetRouting.wire(inputs.get(Topics.ROUTING_RULES),
                inputs.get(Topics.ROUTING_CAPACITY), byOrder, settings.ruleSets, settings.replay, clock);
        byOrder = routing.orders;
        SingleOutputStreamOperator<LedgerCommand> orderCommands = byOrder
                .process(new OrderGate(settings.dedupTtl, settings.orderTtl, clock), CompactTypeInfo.LEDGER_COMMAND)
                .name("order gate: dedup, canonical, commands").uid("order-gate")
                .setBufferTimeout(LATENCY_PATH_FLUSH_MILLIS);

        DataStream<LedgerCommand> movementCommands = eventTimes.assign(movements
                .map(m -> LedgerCommand.movement(m.movementId, m.sku, m.location, m.type, m.quantity, m.occurredAt))
                .returns(CompactTypeInfo.LEDGER_COMMAND).name("movement commands").uid("movement-commands"),
                c -> c.eventTime, "movements");

        KeyedStream<LedgerCommand, String> bySku = orderCommands.union(movementCommands).keyBy(c -> c.sku);
        if (settings.replay) {
            bySku = EventTimeSorter.sort(bySku, CompactTypeInfo.LEDGER_COMMAND, LedgerCommand::sequenceKey,
                    "ledger-commands");
        }
        // Live, the assembler's corrections come back over routing.corrections; a bounded run has no such loop and
        // keeps the line-by-line holds (the ledger's second input is then empty).
        DataStream<RawRecord> correctionRecords = inputs.get(Topics.ROUTING_CORRECTIONS);
        boolean correcting = correctionRecords != null;
        SingleOutputStreamOperator<LineCorrection> corrections = correcting
                ? parse(correctionRecords, Topics.ROUTING_CORRECTIONS, () -> LineCorrectionJson::read, LineCorrection.class)
                : null;
        DataStream<LineCorrection> correctionInput = correcting
                ? corrections.assignTimestampsAndWatermarks(EndOfTime.strategy())
                        .name("corrections: event time").uid("event-time-corrections")
                : orderCommands.getExecutionEnvironment().fromData(TypeInformation.of(LineCorrection.class),
                        new LineCorrection()).name("no corrections").uid("no-corrections")
                        .filter(c -> false).name("none").uid("no-corrections-filter");
        SingleOutputStreamOperator<AvailabilityUpdate> availability = bySku
                .connect(correctionInput.keyBy(c -> c.sku))
                .process(new StockLedgerFunction(settings.ledger, settings.dedupTtl, clock))
                .name("stock ledger").uid("stock-ledger");

        SingleOutputStreamOperator<OrderAllocation> assembled = availability.getSideOutput(StockLedgerFunction.LINES)
                .keyBy(l -> l.orderId)
                .process(new AllocationAssembler(clock, settings.orderTtl, correcting))
                .name("allocation assembly").uid("allocation-assembler");
        DataStream<OrderAllocation> allocations = assembled.union(orderCommands.getSideOutput(OrderGate.REJECTED));
        CapacityCounting.Counted capacity = CapacityCounting.wire(allocations, settings.replay, clock);

        DataStream<DeadLetter> deadLetters = orders.getSideOutput(ParseRecords.DEAD_LETTERS)
                .union(movements.getSideOutput(ParseRecords.DEAD_LETTERS),
                        fulfilments.getSideOutput(ParseRecords.DEAD_LETTERS));
        if (correcting) deadLetters = deadLetters.union(corrections.getSideOutput(ParseRecords.DEAD_LETTERS));
        if (routing.deadLetters != null) deadLetters = deadLetters.union(routing.deadLetters);
        DataStream<Alert> alerts = availability.getSideOutput(StockLedgerFunction.ALERTS);
        if (routing.alerts != null) alerts = alerts.union(routing.alerts);
        alerts = alerts.union(capacity.alerts);

        Map<String, DataStream<OutRecord>> outputs = new LinkedHashMap<>();
        outputs.put(Topics.ORDERS_CANONICAL, orderCommands.getSideOutput(OrderGate.CANONICAL)
                .map(e -> new OutRecord(e.orderId, OrderEventJson.write(e)))
                .name("orders.canonical json").uid("json-orders-canonical"));
        outputs.put(Topics.AVAILABILITY, availability
                .map(u -> new OutRecord(u.sku + "|" + u.location, OutputJson.availability(u)))
                .name("availability json").uid("json-availability"));
        outputs.put(Topics.ALLOCATIONS, allocations
                .map(a -> new OutRecord(a.orderId, OutputJson.allocation(a)))
                .name("allocations json").uid("json-allocations"));
        outputs.put(Topics.ROUTING_CAPACITY, capacity.levels
                .map(l -> new OutRecord(l.key(), CapacityJson.write(l)))
                .name("routing.capacity json").uid("json-routing-capacity"));
        outputs.put(Topics.ALERTS, alerts
                .map(a -> new OutRecord(a.alertId, OutputJson.alert(a)))
                .name("alerts json").uid("json-alerts"));
        outputs.put(Topics.DEADLETTER, deadLetters
                .map(d -> new OutRecord(d.sourceTopic, OutputJson.deadLetter(d)))
                .name("deadletter json").uid("json-deadletter"));
        if (correcting) {
            outputs.put(Topics.ROUTING_CORRECTIONS, assembled.getSideOutput(AllocationAssembler.CORRECTIONS)
                    .map(c -> new OutRecord(c.sku, LineCorrectionJson.write(c)))
                    .name("routing.corrections json").uid("json-routing-corrections"));
        }
        return outputs;
    }

    private static <T> SingleOutputStreamOperator<T> parse(DataStream<RawRecord> raw, String topic,
                                                           RecordParser.Factory<T> parsers, Class<T> type) {
        return raw.process(new ParseRecords<>(topic, parsers)).returns(type)
                .name("parse " + topic).uid("parse-" + topic);
    }
}

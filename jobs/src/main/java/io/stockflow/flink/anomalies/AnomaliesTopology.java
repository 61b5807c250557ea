package io.stockflow.flink.anomalies;

import io.stockflow.alert.Alert;
import io.stockflow.anomalies.BinCount;
import io.stockflow.anomalies.StockSignal;
import io.stockflow.anomaly.RhythmModel;
import io.stockflow.anomaly.RhythmSeries;
import io.stockflow.flink.ingest.ParseRecords;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.flink.time.EventTimeSorter;
import io.stockflow.flink.time.EventTimes;
import io.stockflow.ingest.MovementParser;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.model.DeadLetter;
import io.stockflow.model.Movement;
import io.stockflow.model.MovementType;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.Collector;

/**
 * The anomalies job as a function from typed streams to typed streams ({@link AnomaliesInputs} to
 * {@link AnomaliesOutputs}); {@link AnomaliesJob} binds it to topics. It parses the stock movements itself, as they
 * enter.
 *
 * <pre>
 * orders.canonical (PLACED, REFUNDED), inventory.movements (RETURN_RESTOCK) ─► samples ─► keyBy series:
 *     15-minute bins ─► one key: RhythmDetector (shared seasonal profile) ─► DEMAND_SPIKE, DEMAND_DROP,
 *     REFUND_SPIKE, FEED_SILENT
 * SKU sales bins, inventory.availability ("*") ─► keyBy SKU: StockoutFunction ─► STOCKOUT_PREDICTED
 * inventory.movements (COUNT), inventory.availability (per location) ─► keyBy SKU|location: LedgerCheckFunction
 *     ─► LEDGER_MISMATCH
 * orders.canonical (PLACED) ─► keyBy channel: SuspiciousOrderFunction; keyBy customer, address: OrderBurstFunction
 *     ─► SUSPICIOUS_ORDER
 * every unusable record ─► deadletter
 * </pre>
 * Bounded runs sort each keyed stream by event time before its detector, so the same files give the same alerts.
 */
public final class AnomaliesTopology {
    private AnomaliesTopology() {}

    public static AnomaliesOutputs build(AnomaliesInputs inputs, AnomaliesSettings settings) {
        DecisionClock clock = new DecisionClock(settings.replay);
        EventTimes times = new EventTimes(settings.replay, settings.outOfOrderness, settings.idleness);

        SingleOutputStreamOperator<Movement> movements = ParseRecords.parse(
                inputs.movements(),
                Topics.MOVEMENTS,
                () -> new MovementParser(io.stockflow.ingest.IngestLimits.DEFAULTS)::parse,
                Movement.class,
                "anomalies-parse-" + Topics.MOVEMENTS);

        DataStream<OrderEvent> timedOrders =
                times.assign(inputs.canonicalOrders(), e -> e.eventTime, "anomalies-orders");
        DataStream<AvailabilityUpdate> timedAvailability =
                times.assign(inputs.availability(), u -> u.asOf, "anomalies-availability");
        DataStream<Movement> timedMovements = times.assign(movements, m -> m.occurredAt, "anomalies-movements");

        // Demand, refunds and channel volume, binned per series; then judged together under one key.
        DataStream<CountSample> samples = timedOrders
                .flatMap((OrderEvent e, Collector<CountSample> out) -> CountSample.of(e, out))
                .returns(CountSample.class)
                .name("order samples")
                .uid("anomalies-order-samples")
                .union(timedMovements
                        .flatMap((Movement m, Collector<CountSample> out) -> CountSample.of(m, out))
                        .returns(CountSample.class)
                        .name("return samples")
                        .uid("anomalies-return-samples"));
        SingleOutputStreamOperator<BinCount> bins = samples.keyBy(CountSample::seriesKey)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(RhythmModel.BIN_MILLIS)))
                .aggregate(
                        new BinCounting.Sum(),
                        new BinCounting.Stamp(),
                        TypeInformation.of(BinCount.class),
                        TypeInformation.of(BinCount.class),
                        TypeInformation.of(BinCount.class))
                .name("15-minute bins per series")
                .uid("anomalies-bins");
        DataStream<Alert> rhythmAlerts = sorted(
                        bins.keyBy(b -> "shop"), BinCount.class, BinCount::sequenceKey, "anomalies-rhythm", settings)
                .transform(
                        "demand, refunds and feeds against the shop's rhythm",
                        TypeInformation.of(Alert.class),
                        new RhythmDetector(settings.rhythm, settings.horizon, clock))
                .uid("anomalies-rhythm");

        DataStream<StockSignal> salesSignals = bins.filter(b -> RhythmSeries.DEMAND.equals(b.kind))
                .name("SKU sales bins")
                .uid("anomalies-sales-bins")
                .map(StockSignal::sales)
                .returns(StockSignal.class)
                .name("sales signals")
                .uid("anomalies-sales-signals");
        DataStream<StockSignal> availabilitySignals = timedAvailability
                .map(StockSignal::of)
                .returns(StockSignal.class)
                .name("availability signals")
                .uid("anomalies-availability-signals");
        DataStream<StockSignal> stockIn = times.assign(
                salesSignals.union(availabilitySignals
                        .filter(s -> "*".equals(s.location))
                        .name("overall availability")
                        .uid("anomalies-overall")),
                StockSignal::eventTime,
                "anomalies-stock");
        DataStream<Alert> stockouts = sorted(
                        stockIn.keyBy(s -> s.sku),
                        StockSignal.class,
                        StockSignal::sequenceKey,
                        "anomalies-stockout",
                        settings)
                .process(new StockoutFunction(
                        settings.leadTimes,
                        settings.defaultLeadTime,
                        settings.stockoutMinUnitsPerHour,
                        settings.stockoutWarmUpBins,
                        clock))
                .name("stock-out forecast")
                .uid("anomalies-stockout");

        DataStream<StockSignal> ledgerIn = timedMovements
                .filter(m -> m.type == MovementType.COUNT)
                .name("counts")
                .uid("anomalies-counts")
                .map(StockSignal::count)
                .returns(StockSignal.class)
                .name("count signals")
                .uid("anomalies-count-signals")
                .union(availabilitySignals
                        .filter(s -> !"*".equals(s.location))
                        .name("availability per location")
                        .uid("anomalies-per-location"));
        DataStream<Alert> mismatches = sorted(
                        ledgerIn.keyBy(StockSignal::skuAtLocation),
                        StockSignal.class,
                        StockSignal::sequenceKey,
                        "anomalies-ledger",
                        settings)
                .process(new LedgerCheckFunction(settings.ledgerTolerance, settings.replay, clock))
                .name("counts against the ledger")
                .uid("anomalies-ledger-check");

        DataStream<OrderEvent> placed = timedOrders
                .filter(e -> e.type == OrderEventType.PLACED)
                .name("placed orders")
                .uid("anomalies-placed");
        DataStream<Alert> outliers = sorted(
                        placed.keyBy(e -> e.channel), OrderEvent.class, e -> e.eventId, "anomalies-outliers", settings)
                .process(new SuspiciousOrderFunction(clock))
                .name("order outliers per channel")
                .uid("anomalies-outliers");
        DataStream<BurstInput> buyers = placed.flatMap(
                        (OrderEvent e, Collector<BurstInput> out) -> BurstInput.of(e, out))
                .returns(BurstInput.class)
                .name("buyer identities")
                .uid("anomalies-buyer-identities");
        DataStream<Alert> bursts = sorted(
                        buyers.keyBy(b -> b.identity),
                        BurstInput.class,
                        BurstInput::sequenceKey,
                        "anomalies-bursts",
                        settings)
                .process(new OrderBurstFunction(
                        settings.burstWindow, settings.burstOrdersByCustomer, settings.burstOrdersByAddress, clock))
                .name("order bursts per customer and address")
                .uid("anomalies-bursts");

        // In one graph with a job that reads the movements, that job already dead-letters their bad records.
        Optional<DataStream<DeadLetter>> deadLetters = settings.deadLetteredElsewhere.contains(Topics.MOVEMENTS)
                ? Optional.empty()
                : Optional.of(movements.getSideOutput(ParseRecords.DEAD_LETTERS));
        return new AnomaliesOutputs(rhythmAlerts.union(stockouts, mismatches, outliers, bursts), deadLetters);
    }

    private static <K, T> KeyedStream<T, K> sorted(
            KeyedStream<T, K> keyed,
            Class<T> type,
            EventTimeSorter.SequenceKey<T> sequence,
            String uid,
            AnomaliesSettings settings) {
        return settings.replay ? EventTimeSorter.sort(keyed, TypeInformation.of(type), sequence, uid) : keyed;
    }
}

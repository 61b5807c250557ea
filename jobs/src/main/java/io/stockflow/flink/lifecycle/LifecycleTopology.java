package io.stockflow.flink.lifecycle;

import io.stockflow.alert.Alert;
import io.stockflow.flink.ingest.ParseRecords;
import io.stockflow.flink.ingest.RecordParser;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.flink.time.EventTimeSorter;
import io.stockflow.flink.time.EventTimes;
import io.stockflow.ingest.FulfilmentParser;
import io.stockflow.lifecycle.AllocationNotice;
import io.stockflow.lifecycle.BreachRateAlerts;
import io.stockflow.lifecycle.BreachRatePolicy;
import io.stockflow.lifecycle.CarrierReport;
import io.stockflow.lifecycle.CarrierSilences;
import io.stockflow.lifecycle.LifecycleInput;
import io.stockflow.lifecycle.OrderLifecycle;
import io.stockflow.lifecycle.SlaOutcome;
import io.stockflow.lifecycle.SlaPolicy;
import io.stockflow.model.DeadLetter;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.FulfilmentType;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.tracking.TrackingCodes;
import io.stockflow.tracking.TrackingEnvelopeParser;
import io.stockflow.tracking.TrackingUpdate;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.util.Collector;

/**
 * The lifecycle job as a function from typed streams to typed streams ({@link LifecycleInputs} to
 * {@link LifecycleOutputs}); {@link LifecycleJob} binds it to topics. It parses the warehouse and carrier records
 * itself, as they enter.
 *
 * <pre>
 * fulfilment.events, orders.canonical (SHIPPED) ─► links ─┐
 * carrier.tracking ──parse (EasyPost, AfterShip, Shippo)──┴─► keyBy tracking code: TrackingLinker ─┐
 * orders.canonical, orders.allocations, fulfilment.events ──────────────────────────────────────────┴─►
 *     keyBy order: OrderLifecycleFunction ─► alerts; notifications.customer; SLA outcomes ─►
 *     keyBy location / channel: sliding windows ─► alerts (SLA_BREACH_RATE);
 *     breaches of orders no carrier update reached, and first carrier updates ─►
 *     keyBy carrier: CarrierSilenceFunction ─► alerts (CARRIER_SILENT, or the order's own breach)
 * every unusable record, and carrier updates no shipment claims ─► deadletter
 * </pre>
 */
public final class LifecycleTopology {
    private LifecycleTopology() {}

    public static LifecycleOutputs build(LifecycleInputs inputs, LifecycleSettings settings) {
        DecisionClock clock = new DecisionClock(settings.replay);
        EventTimes times = new EventTimes(settings.replay, settings.outOfOrderness, settings.idleness);
        SlaPolicy policy = settings.policy;
        var limits = settings.limits;

        SingleOutputStreamOperator<FulfilmentEvent> fulfilments = parse(
                inputs.fulfilmentEvents(),
                Topics.FULFILMENT,
                () -> new FulfilmentParser(limits)::parse,
                FulfilmentEvent.class);
        SingleOutputStreamOperator<TrackingUpdate> tracking = parse(
                inputs.carrierUpdates(),
                Topics.CARRIER_TRACKING,
                () -> new TrackingEnvelopeParser()::parse,
                TrackingUpdate.class);

        DataStream<OrderEvent> timedOrders =
                times.assign(inputs.canonicalOrders(), e -> e.eventTime, "lifecycle-orders");
        DataStream<AllocationNotice> timedAllocations =
                times.assign(inputs.allocations(), a -> a.eventTime, "lifecycle-allocations");
        DataStream<FulfilmentEvent> timedFulfilments =
                times.assign(fulfilments, f -> f.occurredAt, "lifecycle-fulfilments");
        DataStream<TrackingUpdate> timedTracking = times.assign(tracking, u -> u.occurredAt, "lifecycle-tracking");

        // Carrier updates find their order through the tracking code of its SHIPPED event, whichever comes first.
        DataStream<TrackingInput> trackingInputs = timedFulfilments
                .flatMap((FulfilmentEvent f, Collector<TrackingInput> out) -> {
                    String code = TrackingCodes.normalize(f.trackingCode);
                    if (f.type == FulfilmentType.SHIPPED && code != null) {
                        out.collect(TrackingInput.link(code, f.orderId, f.location, f.occurredAt));
                    }
                })
                .returns(TrackingInput.class)
                .name("warehouse shipment links")
                .uid("lifecycle-links-fulfilment")
                .union(
                        timedOrders
                                .flatMap((OrderEvent e, Collector<TrackingInput> out) -> {
                                    String code = TrackingCodes.normalize(e.trackingCode);
                                    if (e.type == OrderEventType.SHIPPED && code != null) {
                                        out.collect(TrackingInput.link(code, e.orderId, e.shipLocation, e.eventTime));
                                    }
                                })
                                .returns(TrackingInput.class)
                                .name("marketplace shipment links")
                                .uid("lifecycle-links-orders"),
                        timedTracking
                                .map(TrackingInput::of)
                                .returns(TrackingInput.class)
                                .name("carrier updates")
                                .uid("lifecycle-wrap-tracking"));
        KeyedStream<TrackingInput, String> byCode = trackingInputs.keyBy(in -> in.trackingCode);
        if (settings.replay) {
            byCode = EventTimeSorter.sort(
                    byCode,
                    TypeInformation.of(TrackingInput.class),
                    TrackingInput::sequenceKey,
                    "lifecycle-tracking-codes");
        }
        SingleOutputStreamOperator<LifecycleInput> linked = byCode.process(
                        new TrackingLinker(policy.trackingLinkWait, policy.idleRetention, settings.horizon))
                .name("link carrier updates to orders")
                .uid("lifecycle-tracking-linker");

        DataStream<LifecycleInput> lifecycleInputs = timedOrders
                .map(LifecycleInput::of)
                .returns(LifecycleInput.class)
                .name("order events")
                .uid("lifecycle-wrap-orders")
                .union(
                        timedAllocations
                                .map(LifecycleInput::of)
                                .returns(LifecycleInput.class)
                                .name("allocation decisions")
                                .uid("lifecycle-wrap-allocations"),
                        timedFulfilments
                                .map(LifecycleInput::of)
                                .returns(LifecycleInput.class)
                                .name("warehouse events")
                                .uid("lifecycle-wrap-fulfilments"),
                        linked);
        if (settings.replay) {
            // The linker releases waiting updates with the time of the shipment that claimed them: re-stamp.
            lifecycleInputs = times.assign(lifecycleInputs, LifecycleInput::eventTime, "lifecycle-inputs");
        }
        KeyedStream<LifecycleInput, String> byOrder = lifecycleInputs.keyBy(in -> in.orderId);
        if (settings.replay) {
            byOrder = EventTimeSorter.sort(
                    byOrder, TypeInformation.of(LifecycleInput.class), LifecycleInput::sequenceKey, "lifecycle-orders");
        }
        SingleOutputStreamOperator<Alert> orderAlerts = byOrder.process(new OrderLifecycleFunction(
                        new OrderLifecycle(policy, settings.templates),
                        clock,
                        settings.horizon,
                        settings.replay,
                        settings.grouping.enabled))
                .name("order lifecycle: stages, SLA timers, notifications")
                .uid("lifecycle-order-lifecycle");

        DataStream<Alert> rateAlerts =
                breachRates(orderAlerts.getSideOutput(OrderLifecycleFunction.OUTCOMES), settings, times, clock);

        // In one graph with a job that reads the same topic, that job already dead-letters its bad records.
        DataStream<DeadLetter> deadLetters = linked.getSideOutput(TrackingLinker.UNLINKED);
        if (!settings.deadLetteredElsewhere.contains(Topics.FULFILMENT)) {
            deadLetters = deadLetters.union(fulfilments.getSideOutput(ParseRecords.DEAD_LETTERS));
        }
        if (!settings.deadLetteredElsewhere.contains(Topics.CARRIER_TRACKING)) {
            deadLetters = deadLetters.union(tracking.getSideOutput(ParseRecords.DEAD_LETTERS));
        }
        DataStream<Alert> alerts = orderAlerts.union(rateAlerts);
        if (settings.grouping.enabled) {
            alerts = alerts.union(silentCarriers(
                    orderAlerts.getSideOutput(OrderLifecycleFunction.CARRIER_REPORTS), settings, times, clock));
        }
        return new LifecycleOutputs(
                alerts, orderAlerts.getSideOutput(OrderLifecycleFunction.NOTIFICATIONS), deadLetters);
    }

    /** Per carrier (or channel): the breaches of orders it never reported on, as one episode. */
    private static DataStream<Alert> silentCarriers(
            DataStream<CarrierReport> reports, LifecycleSettings settings, EventTimes times, DecisionClock clock) {
        if (settings.replay) reports = times.assign(reports, r -> r.eventTime, "lifecycle-carrier-reports");
        KeyedStream<CarrierReport, String> byGroup = reports.keyBy(r -> r.group);
        if (settings.replay) {
            byGroup = EventTimeSorter.sort(
                    byGroup,
                    TypeInformation.of(CarrierReport.class),
                    CarrierReport::sequenceKey,
                    "lifecycle-carrier-reports");
        }
        return byGroup.process(new CarrierSilenceFunction(new CarrierSilences(settings.grouping.pacing), clock))
                .name("silent carriers: one alert per carrier")
                .uid("lifecycle-carrier-silence");
    }

    /** SLA outcomes per location and per channel in sliding event-time windows: the share of late orders. */
    private static DataStream<Alert> breachRates(
            DataStream<SlaOutcome> outcomes, LifecycleSettings settings, EventTimes times, DecisionClock clock) {
        BreachRatePolicy rate = settings.policy.breachRate;
        if (settings.replay) {
            // Replay judges deadlines before the event that follows them, so outcomes are stamped with their deadline.
            outcomes = times.assign(outcomes, o -> o.deadline, "lifecycle-sla-outcomes");
        }
        return outcomes.flatMap((SlaOutcome o, Collector<RateSample> out) -> {
                    if (o.location != null) out.collect(new RateSample(BreachRateAlerts.LOCATION, o.location, o));
                    if (o.channel != null) out.collect(new RateSample(BreachRateAlerts.CHANNEL, o.channel, o));
                })
                .returns(RateSample.class)
                .name("SLA outcomes by location and channel")
                .uid("lifecycle-rate-samples")
                .keyBy(RateSample::key)
                .window(SlidingEventTimeWindows.of(rate.window, rate.slide))
                .aggregate(new OutcomeCounting.Count(), new BreachRateWindow(rate, settings.horizon, clock))
                .name("SLA breach rate")
                .uid("lifecycle-breach-rate");
    }

    private static <T> SingleOutputStreamOperator<T> parse(
            DataStream<RawRecord> raw, String topic, RecordParser.Factory<T> parsers, Class<T> type) {
        return ParseRecords.parse(raw, topic, parsers, type, "lifecycle-parse-" + topic);
    }
}

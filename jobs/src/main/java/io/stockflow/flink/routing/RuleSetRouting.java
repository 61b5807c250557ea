package io.stockflow.flink.routing;

import io.stockflow.alert.Alert;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.flink.time.EndOfTime;
import io.stockflow.ingest.OrderInput;
import io.stockflow.model.DeadLetter;
import io.stockflow.routing.CapacityLevel;
import io.stockflow.types.CompactTypeInfo;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Wires rule sets into the inventory job: {@code routing.rules} → {@link RuleSetIntake} (uid {@code rule-sets}) →
 * broadcast, with the {@code routing.capacity} levels read back (live) → {@link OrderRouter} (uid
 * {@code order-router}) in front of the order gate, on the stream keyed by order.
 */
public final class RuleSetRouting {
    /** The routed orders (keyed as before) and the intake's dead letters and alerts. */
    public static final class Wired {
        public KeyedStream<OrderInput, String> orders;
        public DataStream<DeadLetter> deadLetters;
        public DataStream<Alert> alerts;
    }

    private RuleSetRouting() {}

    /**
     * {@code capacityLevels}: the {@code routing.capacity} levels read back, live; null in a replay and in serial mode.
     * {@code serial}: live routing in serial mode, whose ledger adds capacity to the plans and decides orders in the
     * order they reach it, so the router runs as one task and keeps the orders' arrival order.
     */
    public static Wired wire(
            DataStream<RawRecord> ruleSetDocuments,
            DataStream<CapacityLevel> capacityLevels,
            KeyedStream<OrderInput, String> byOrder,
            List<String> ruleSets,
            boolean replay,
            boolean serial,
            DecisionClock clock) {
        Wired wired = new Wired();
        SingleOutputStreamOperator<String> accepted = ruleSetDocuments
                .keyBy(r -> "routing.rules", Types.STRING)
                .process(new RuleSetIntake(ruleSets, clock))
                .returns(Types.STRING)
                .name("rule sets: validate, version")
                .uid("rule-sets")
                .setParallelism(1);
        wired.deadLetters = accepted.getSideOutput(RuleSetIntake.DEAD_LETTERS);
        wired.alerts = accepted.getSideOutput(RuleSetIntake.ALERTS);
        DataStream<RoutingUpdate> updates = accepted.map(RoutingUpdate::ruleSet)
                .returns(RoutingUpdate.class)
                .name("rule sets for routing")
                .uid("rule-set-updates");
        if (capacityLevels != null) {
            updates = updates.union(capacityLevels
                    .map(RoutingUpdate::capacity)
                    .returns(RoutingUpdate.class)
                    .name("capacity levels for routing")
                    .uid("capacity-updates"));
        }
        // Live, rule sets and capacity levels must not hold event time back; in a replay the end of the rule sets'
        // input releases the orders.
        WatermarkStrategy<RoutingUpdate> strategy =
                replay ? WatermarkStrategy.noWatermarks() : EndOfTime.<RoutingUpdate>strategy();
        BroadcastStream<RoutingUpdate> broadcast = updates.assignTimestampsAndWatermarks(strategy)
                .name("rule sets: event time")
                .uid("event-time-rule-sets")
                .broadcast(OrderRouter.RULE_SETS, OrderRouter.PLANNED_SHIPMENTS);
        SingleOutputStreamOperator<OrderInput> router = byOrder.connect(broadcast)
                .process(new OrderRouter(ruleSets, replay, replay || serial), CompactTypeInfo.ORDER_INPUT)
                .name("order router: rule set in force")
                .uid("order-router");
        if (serial) router.setParallelism(1);
        DataStream<OrderInput> routed = router;
        if (replay) {
            // Orders leave the router from its end-of-input timer, stamped with that timer's time: give each its own
            // event time back, so the ledger's sorter orders them as before.
            routed = routed.assignTimestampsAndWatermarks(WatermarkStrategy.<OrderInput>noWatermarks()
                            .withTimestampAssigner((input, previous) -> input.eventTime()))
                    .name("event time: routed orders")
                    .uid("event-time-routed-orders");
        }
        wired.orders = DataStreamUtils.reinterpretAsKeyedStream(routed, byOrder.getKeySelector(), byOrder.getKeyType());
        return wired;
    }
}

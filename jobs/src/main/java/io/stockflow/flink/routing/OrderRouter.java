package io.stockflow.flink.routing;

import io.stockflow.ingest.OrderInput;
import io.stockflow.model.OrderEventType;
import io.stockflow.routing.CapacityLevel;
import io.stockflow.routing.DailyCapacity;
import io.stockflow.routing.RoutePlans;
import io.stockflow.routing.RoutingRequest;
import io.stockflow.routing.RuleSet;
import io.stockflow.routing.RuleSetHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per order id, before the order gate: puts the rule set in force on each placement and update, as a {@link
 * io.stockflow.ledger.RoutePlan} (ranked candidates, safety stock, split policy, the evaluation for the explanation).
 * Live, the newest version decides (a version applies to orders decided after it arrives); in a bounded replay the
 * version in force at the order's event time decides, and orders wait until every rule set of the input is in, so a
 * replay is deterministic. Without any rule set, orders pass unchanged and the built-in allocator decides.
 *
 * <p>Broadcast state holds {@code version → canonical JSON}; each task rebuilds its {@link RuleSetHistory} from it.
 * Live, it also holds the shipments planned per location and day from {@code routing.capacity}, so the evaluation
 * leaves out a location whose daily capacity is used up. A replay, and live routing in serial mode, have no such loop:
 * their plans are made before capacity, which the one-task ledger ({@link io.stockflow.flink.ledger.ReplayLedgerFunction},
 * {@link io.stockflow.flink.ledger.SerialLedgerFunction}) adds from the shipments it has counted.
 */
public final class OrderRouter extends KeyedBroadcastProcessFunction<String, OrderInput, RoutingUpdate, OrderInput> {
    public static final MapStateDescriptor<String, String> RULE_SETS =
            new MapStateDescriptor<>("rule-sets", Types.STRING, Types.STRING);
    /** Shipments planned per {@link CapacityLevel#key location and day}, from {@code routing.capacity}. */
    public static final MapStateDescriptor<String, Long> PLANNED_SHIPMENTS =
            new MapStateDescriptor<>("planned-shipments", Types.STRING, Types.LONG);

    private final List<String> initial;
    private final boolean replay;
    private final boolean capacityInLedger;
    private transient ListState<OrderInput> waiting;
    private transient RuleSetHistory history;
    private transient long newestDay = Long.MIN_VALUE;
    /** Levels of {@code routing.capacity} this task has taken in: routing sees a full location from then on. */
    private transient Counter levelsRead;

    /** {@code initial}: the canonical documents of {@code --rules} files. */
    public OrderRouter(List<String> initial, boolean replay) {
        this(initial, replay, replay);
    }

    /** {@code capacityInLedger}: plans are made before capacity, which the ledger adds (a replay, serial routing). */
    public OrderRouter(List<String> initial, boolean replay, boolean capacityInLedger) {
        this.initial = new ArrayList<>(initial);
        this.replay = replay;
        this.capacityInLedger = capacityInLedger;
    }

    @Override
    public void open(OpenContext context) {
        waiting = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("waiting-for-rule-sets", TypeInformation.of(OrderInput.class)));
        levelsRead = getRuntimeContext().getMetricGroup().counter("capacityLevelsRead");
    }

    @Override
    public void processElement(OrderInput input, ReadOnlyContext ctx, Collector<OrderInput> out) throws Exception {
        if (replay) {
            // Until every input has ended (watermark at the end of time), a rule set of the input may still come.
            waiting.add(input);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            return;
        }
        out.collect(route(input, ctx.getBroadcastState(RULE_SETS), ctx.getBroadcastState(PLANNED_SHIPMENTS)));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OrderInput> out) throws Exception {
        ReadOnlyBroadcastState<String, String> ruleSets = ctx.getBroadcastState(RULE_SETS);
        ReadOnlyBroadcastState<String, Long> planned = ctx.getBroadcastState(PLANNED_SHIPMENTS);
        for (OrderInput input : waiting.get()) out.collect(route(input, ruleSets, planned));
        waiting.clear();
    }

    @Override
    public void processBroadcastElement(RoutingUpdate update, Context ctx, Collector<OrderInput> out) throws Exception {
        if (update.capacity != null) {
            onCapacity(update.capacity, ctx.getBroadcastState(PLANNED_SHIPMENTS));
            levelsRead.inc();
            return;
        }
        RuleSet ruleSet = RuleSetDocuments.parse(update.ruleSet);
        ctx.getBroadcastState(RULE_SETS).put(ruleSet.version(), update.ruleSet);
        history = null;
    }

    /** The latest level of a location and day wins: each is published in order on one partition. */
    private void onCapacity(CapacityLevel level, BroadcastState<String, Long> planned) throws Exception {
        planned.put(level.key(), level.planned);
        if (level.day <= newestDay) return;
        newestDay = level.day;
        List<String> old = new ArrayList<>();
        for (Map.Entry<String, Long> e : planned.entries()) {
            String key = e.getKey();
            long day = LocalDate.parse(key.substring(key.lastIndexOf('|') + 1)).toEpochDay();
            if (!DailyCapacity.routedWith(day, newestDay)) old.add(key);
        }
        for (String key : old) planned.remove(key);
    }

    private OrderInput route(
            OrderInput input,
            ReadOnlyBroadcastState<String, String> ruleSets,
            ReadOnlyBroadcastState<String, Long> planned)
            throws Exception {
        if (input.order == null) return input;
        OrderEventType type = input.order.type;
        if (type != OrderEventType.PLACED && type != OrderEventType.UPDATED) return input;
        if (history == null) {
            List<String> documents = new ArrayList<>(initial);
            for (Map.Entry<String, String> e : ruleSets.immutableEntries()) documents.add(e.getValue());
            history = RuleSetDocuments.history(documents);
        }
        var ruleSet = replay ? history.inForceAt(input.order.eventTime) : history.latest();
        if (ruleSet.isEmpty()) return input;
        RoutingRequest request = RoutingRequest.of(input.order);
        // A one-task ledger adds capacity when the order is decided, from the shipments it has counted by then.
        input.route = capacityInLedger
                ? RoutePlans.beforeCapacity(ruleSet.get(), request)
                : RoutePlans.of(ruleSet.get(), request, new PlannedShipments(planned));
        return input;
    }
}

package io.stockflow.routing;

import io.stockflow.ingest.OrderInput;
import io.stockflow.model.OrderEventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
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
 */
public final class OrderRouter extends KeyedBroadcastProcessFunction<String, OrderInput, String, OrderInput> {
    public static final MapStateDescriptor<String, String> RULE_SETS =
            new MapStateDescriptor<>("rule-sets", Types.STRING, Types.STRING);

    private final List<String> initial;
    private final boolean replay;
    private transient ListState<OrderInput> waiting;
    private transient RuleSetHistory history;

    /** {@code initial}: the canonical documents of {@code --rules} files. */
    public OrderRouter(List<String> initial, boolean replay) {
        this.initial = new ArrayList<>(initial);
        this.replay = replay;
    }

    @Override
    public void open(OpenContext context) {
        waiting = getRuntimeContext().getListState(
                new ListStateDescriptor<>("waiting-for-rule-sets", TypeInformation.of(OrderInput.class)));
    }

    @Override
    public void processElement(OrderInput input, ReadOnlyContext ctx, Collector<OrderInput> out) throws Exception {
        if (replay) {
            // Until every input has ended (watermark at the end of time), a rule set of the input may still come.
            waiting.add(input);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            return;
        }
        out.collect(route(input, ctx.getBroadcastState(RULE_SETS)));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OrderInput> out) throws Exception {
        ReadOnlyBroadcastState<String, String> ruleSets = ctx.getBroadcastState(RULE_SETS);
        for (OrderInput input : waiting.get()) out.collect(route(input, ruleSets));
        waiting.clear();
    }

    @Override
    public void processBroadcastElement(String document, Context ctx, Collector<OrderInput> out) throws Exception {
        RuleSet ruleSet = RuleSetDocuments.parse(document);
        ctx.getBroadcastState(RULE_SETS).put(ruleSet.version(), document);
        history = null;
    }

    private OrderInput route(OrderInput input, ReadOnlyBroadcastState<String, String> ruleSets) throws Exception {
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
        input.route = RoutePlans.of(ruleSet.get(), RoutingRequest.of(input.order), new StockSnapshot(null));
        return input;
    }
}

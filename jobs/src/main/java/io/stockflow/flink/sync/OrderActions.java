package io.stockflow.flink.sync;

import io.stockflow.listing.Channel;
import io.stockflow.shipments.ChannelOrder;
import io.stockflow.shipments.OrderAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per order: which marketplace hears of it, and each shipment and cancellation handed on once. The order's channel
 * and id there come from {@code orders.canonical}; a shipment or cancellation that arrives first waits for them. An
 * action whose shipment id or tracking number (or, for a cancellation, the order) was handed on before sends nothing:
 * a re-delivered SHIPPED event or decision, or the same parcel reported twice, is confirmed once. The state lives as
 * long as the order is active and some weeks more (a time to live from its last change).
 */
public final class OrderActions extends KeyedProcessFunction<String, OrderAction, OrderAction> {
    static final String STATE = "channel-order";

    private final Set<Channel> configured;
    private final Duration keep;

    private transient ValueState<ChannelOrder> order;
    private transient Counter repeats;
    private transient Counter unconfigured;

    /**
     * @param configured the channels with a client: an order of another channel is not sent anywhere (counted)
     * @param keep       how long an order's state lives after its last change
     */
    public OrderActions(Set<Channel> configured, Duration keep) {
        this.configured = Set.copyOf(configured);
        this.keep = keep;
    }

    @Override
    public void open(OpenContext context) {
        ValueStateDescriptor<ChannelOrder> descriptor =
                new ValueStateDescriptor<>(STATE, TypeInformation.of(ChannelOrder.class));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(keep).build());
        order = getRuntimeContext().getState(descriptor);
        repeats = getRuntimeContext().getMetricGroup().counter("orderActionsRepeated");
        unconfigured = getRuntimeContext().getMetricGroup().counter("orderActionsForChannelsWithoutClient");
    }

    @Override
    public void processElement(OrderAction action, Context ctx, Collector<OrderAction> out) throws Exception {
        if (OrderAction.NONE.equals(action.kind)) return;
        ChannelOrder state = order.value();
        if (state == null) state = new ChannelOrder();
        if (OrderAction.ORDER.equals(action.kind)) {
            if (state.known()) return;
            state.channel = action.channel;
            state.marketplaceOrderId = action.marketplaceOrderId;
            List<OrderAction> waiting = state.waiting;
            state.waiting = new ArrayList<>();
            for (OrderAction w : waiting) handOn(w, state, out);
            order.update(state);
            return;
        }
        if (state.handedOn(action)) {
            repeats.inc();
            return;
        }
        if (state.known()) handOn(action, state, out);
        else state.waiting.add(action);
        order.update(state);
    }

    private void handOn(OrderAction action, ChannelOrder state, Collector<OrderAction> out) {
        state.handedOn.addAll(action.identities());
        Channel channel = Channel.of(state.channel);
        if (channel == null || !configured.contains(channel)) {
            unconfigured.inc();
            return;
        }
        action.channel = state.channel;
        action.marketplaceOrderId = state.marketplaceOrderId;
        out.collect(action);
    }
}

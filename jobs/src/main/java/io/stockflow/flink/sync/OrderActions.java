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
 * long as the order is active and some weeks more (a time to live from its last change). Live, the job's own
 * {@code channel.shipments} records come back: a FAILED call goes again after a pause that doubles with each failure
 * in a row; the clients read the order first, so a call that did reach the marketplace is found there.
 */
public final class OrderActions extends KeyedProcessFunction<String, OrderAction, OrderAction> {
    static final String STATE = "channel-order";

    /** Calls of one action made again at most this often after failures in a row; then the alert stands. */
    static final int MAX_RETRIES = 6;

    private final Set<Channel> configured;
    private final Duration keep;
    private final long retryAfterMillis;

    private transient ValueState<ChannelOrder> order;
    private transient Counter repeats;
    private transient Counter unconfigured;
    private transient Counter retries;

    /**
     * @param configured the channels with a client: an order of another channel is not sent anywhere (counted)
     * @param keep       how long an order's state lives after its last change
     * @param retryAfter the first pause before a call that got no usable answer goes again (live); it doubles with
     *                   each failure in a row, at most {@value #MAX_RETRIES} times
     */
    public OrderActions(Set<Channel> configured, Duration keep, Duration retryAfter) {
        this.configured = Set.copyOf(configured);
        this.keep = keep;
        this.retryAfterMillis = retryAfter.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        ValueStateDescriptor<ChannelOrder> descriptor =
                new ValueStateDescriptor<>(STATE, TypeInformation.of(ChannelOrder.class));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(keep).build());
        order = getRuntimeContext().getState(descriptor);
        repeats = getRuntimeContext().getMetricGroup().counter("orderActionsRepeated");
        unconfigured = getRuntimeContext().getMetricGroup().counter("orderActionsForChannelsWithoutClient");
        retries = getRuntimeContext().getMetricGroup().counter("orderCallsRetried");
    }

    @Override
    public void processElement(OrderAction action, Context ctx, Collector<OrderAction> out) throws Exception {
        if (OrderAction.NONE.equals(action.kind)) return;
        ChannelOrder state = order.value();
        if (state == null) state = new ChannelOrder();
        if (OrderAction.FAILED.equals(action.kind)) {
            retryLater(action, state, ctx);
            return;
        }
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

    /**
     * A call read back as FAILED: its action goes again after the pause, unless it waits already (the same failure
     * read twice) or has failed too often in a row.
     */
    private void retryLater(OrderAction failed, ChannelOrder state, Context ctx) throws Exception {
        OrderAction sent = state.sentWith(failed.identities().get(0));
        if (sent == null || sent.retryAt != 0 || sent.failures >= MAX_RETRIES) return;
        sent.failures++;
        long now = ctx.timerService().currentProcessingTime();
        sent.retryAt = now + retryAfterMillis * (1L << Math.min(sent.failures - 1, 5));
        ctx.timerService().registerProcessingTimeTimer(sent.retryAt);
        order.update(state);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OrderAction> out) throws Exception {
        ChannelOrder state = order.value();
        if (state == null) return;
        boolean changed = false;
        for (OrderAction sent : state.sent) {
            if (sent.retryAt != 0 && sent.retryAt <= timestamp) {
                sent.retryAt = 0;
                changed = true;
                retries.inc();
                out.collect(copy(sent));
            }
        }
        if (changed) order.update(state);
    }

    private static OrderAction copy(OrderAction a) {
        OrderAction c = new OrderAction();
        c.kind = a.kind;
        c.orderId = a.orderId;
        c.channel = a.channel;
        c.marketplaceOrderId = a.marketplaceOrderId;
        c.shipmentId = a.shipmentId;
        c.location = a.location;
        c.carrier = a.carrier;
        c.trackingCode = a.trackingCode;
        c.at = a.at;
        c.lines = new ArrayList<>(a.lines);
        c.reason = a.reason;
        return c;
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
        state.sent.add(action);
        out.collect(copy(action));
    }
}

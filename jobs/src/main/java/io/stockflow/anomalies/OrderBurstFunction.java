package io.stockflow.anomalies;

import io.stockflow.alert.Alert;
import io.stockflow.alert.Evidence;
import io.stockflow.anomaly.AnomalyAlerts;
import io.stockflow.model.OrderEvent;
import io.stockflow.time.DecisionClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * SUSPICIOUS_ORDER for bursts, keyed by an identity of the buyer (the customer's email or phone hash, or the ship-to
 * address hash): the order that makes {@code threshold} or more orders of the same identity within {@code window},
 * and every one after it in the burst. State per identity: its orders of the last window, cleared by a timer one
 * window after its latest order.
 */
public final class OrderBurstFunction extends KeyedProcessFunction<String, BurstInput, Alert> {
    private final Duration window;
    private final int threshold;
    private final DecisionClock clock;
    private transient ValueState<RecentOrders> recent;

    public OrderBurstFunction(Duration window, int threshold, DecisionClock clock) {
        this.window = window;
        this.threshold = threshold;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext context) {
        recent = getRuntimeContext().getState(new ValueStateDescriptor<>("recent-orders",
                TypeInformation.of(RecentOrders.class)));
    }

    @Override
    public void processElement(BurstInput in, Context ctx, Collector<Alert> out) throws Exception {
        OrderEvent e = in.order;
        RecentOrders r = recent.value();
        if (r == null) r = new RecentOrders();
        r.add(e.eventTime - window.toMillis(), e.eventTime, e.orderId);
        recent.update(r);
        ctx.timerService().registerEventTimeTimer(e.eventTime + window.toMillis());
        // A repeated delivery of an order already counted adds nothing and raises nothing.
        if (r.size() < threshold || !r.orderIds[r.size() - 1].equals(e.orderId)) return;
        List<String> ids = Arrays.asList(r.orderIds);
        long minutes = window.toMinutes();
        List<String> reasons = List.of(r.size() + " orders from the same " + in.kind + " within " + minutes + " min");
        Evidence figures = Evidence.of("model", in.kind + "-burst").and("orders_in_window", r.size())
                .and("threshold", threshold).and("window_minutes", minutes).and("order_ids", ids);
        out.collect(AnomalyAlerts.suspiciousOrder(e.orderId, e.channel, e.eventTime, reasons, r.size() / (double) threshold,
                figures, clock.now(e.eventTime), "burst-" + in.kind));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        RecentOrders r = recent.value();
        if (r == null) return;
        // The latest order's timer clears the state; earlier timers find a newer order and leave it.
        if (r.times[r.size() - 1] + window.toMillis() <= timestamp) recent.clear();
    }
}

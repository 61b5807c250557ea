package io.stockflow.flink.anomalies;

import io.stockflow.alert.Alert;
import io.stockflow.alert.Evidence;
import io.stockflow.anomalies.RecentOrders;
import io.stockflow.anomaly.AnomalyAlerts;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.model.OrderEvent;
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
 * building's hash: country, postcode and street, never a postcode alone; the alert's {@code identity_key} says which). When an order makes the threshold of orders of one identity within the window, every order of the
 * burst not yet reported is reported (the earlier ones looked ordinary when they came; now they do not), and every
 * later one of the burst as it comes. State per identity: its orders of the last window, cleared by a timer one
 * window after its latest order.
 */
public final class OrderBurstFunction extends KeyedProcessFunction<String, BurstInput, Alert> {
    private final Duration window;
    private final int byCustomer;
    private final int byAddress;
    private final DecisionClock clock;
    private transient ValueState<RecentOrders> recent;

    public OrderBurstFunction(Duration window, int byCustomer, int byAddress, DecisionClock clock) {
        this.window = window;
        this.byCustomer = byCustomer;
        this.byAddress = byAddress;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext context) {
        recent = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("recent-orders", TypeInformation.of(RecentOrders.class)));
    }

    @Override
    public void processElement(BurstInput in, Context ctx, Collector<Alert> out) throws Exception {
        OrderEvent e = in.order;
        RecentOrders r = recent.value();
        if (r == null) r = new RecentOrders();
        if (!r.add(e.eventTime - window.toMillis(), e.eventTime, e.orderId, e.channel)) return;
        ctx.timerService().registerEventTimeTimer(e.eventTime + window.toMillis());
        int threshold = BurstInput.ADDRESS.equals(in.kind) ? byAddress : byCustomer;
        if (r.size() >= threshold) {
            long minutes = window.toMinutes();
            List<String> ids = Arrays.asList(r.orderIds.clone());
            for (int i = 0; i < r.size(); i++) {
                if (r.reported[i]) continue;
                r.reported[i] = true;
                List<String> reasons = List.of("one of " + r.size() + " orders from the same " + in.kind + " within "
                        + minutes + " min (recognised at " + e.orderId + ")");
                Evidence figures = Evidence.of("model", in.kind + "-burst")
                        .and("orders_in_window", r.size())
                        .and("identity_key", in.keyUsed())
                        .and("threshold", threshold)
                        .and("window_minutes", minutes)
                        .and("order_ids", ids);
                out.collect(AnomalyAlerts.suspiciousOrder(
                        r.orderIds[i],
                        r.channels[i],
                        e.eventTime,
                        reasons,
                        r.size() / (double) threshold,
                        figures,
                        clock.now(e.eventTime),
                        "burst-" + in.kind));
            }
        }
        recent.update(r);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        RecentOrders r = recent.value();
        // The latest order's timer clears the state; earlier timers find a newer order and leave it.
        if (r != null && r.latest() + window.toMillis() <= timestamp) recent.clear();
    }
}

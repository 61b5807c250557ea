package io.stockflow.flink.anomalies;

import io.stockflow.alert.Alert;
import io.stockflow.alert.Evidence;
import io.stockflow.anomaly.AnomalyAlerts;
import io.stockflow.anomaly.OrderOutliers;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.model.OrderEvent;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * SUSPICIOUS_ORDER, keyed by channel: each placed order against the channel's learned distribution of value, largest
 * quantity of one SKU and number of distinct SKUs; an outlier is reported with every reason that applies and is not
 * learned (so a run of fraud does not become normal). State: three fixed-size histograms per channel.
 */
public final class SuspiciousOrderFunction extends KeyedProcessFunction<String, OrderEvent, Alert> {
    private final DecisionClock clock;
    private transient ValueState<OrderOutliers> outliers;

    public SuspiciousOrderFunction(DecisionClock clock) {
        this.clock = clock;
    }

    @Override
    public void open(OpenContext context) {
        outliers = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("order-outliers", TypeInformation.of(OrderOutliers.class)));
    }

    @Override
    public void processElement(OrderEvent e, Context ctx, Collector<Alert> out) throws Exception {
        OrderOutliers o = outliers.value();
        if (o == null) o = new OrderOutliers();
        OrderOutliers.Features f = OrderOutliers.features(e);
        Evidence figures = Evidence.of("model", "channel-histogram-p999");
        List<String> reasons = o.judge(f, figures);
        if (reasons.isEmpty()) {
            o.learn(f);
            outliers.update(o);
            return;
        }
        out.collect(AnomalyAlerts.suspiciousOrder(
                e.orderId,
                e.channel,
                e.eventTime,
                reasons,
                reasons.size(),
                figures,
                clock.now(e.eventTime),
                "outlier"));
    }
}

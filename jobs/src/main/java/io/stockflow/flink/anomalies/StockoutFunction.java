package io.stockflow.flink.anomalies;

import io.stockflow.alert.Alert;
import io.stockflow.anomalies.StockSignal;
import io.stockflow.anomaly.AnomalyAlerts;
import io.stockflow.anomaly.SalesSpread;
import io.stockflow.anomaly.SalesVelocity;
import io.stockflow.anomaly.StockoutRisk;
import io.stockflow.flink.time.DecisionClock;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * STOCKOUT_PREDICTED per SKU: the sales velocity from the SKU's bins of placed units, the stock from its overall
 * availability ({@code location "*"}); when what is available runs out at that velocity before the SKU's
 * replenishment lead time, and the demand over the lead time is likely ({@link StockoutRisk}) to reach it given how
 * unevenly the SKU sells ({@link SalesSpread}), one alert, with the expected time of the stock-out. The prediction
 * stands (no repeat) until the cover is back above 1.5 lead times. State: two small values per SKU (the velocity,
 * and the spread in its own state), with a TTL for SKUs that go quiet.
 */
public final class StockoutFunction extends KeyedProcessFunction<String, StockSignal, Alert> {
    private final Map<String, Duration> leadTimes;
    private final Duration defaultLeadTime;
    private final double minUnitsPerHour;
    private final long warmUpBins;
    private final DecisionClock clock;
    private transient ValueState<SalesVelocity> velocity;
    private transient ValueState<SalesSpread> spread;

    public StockoutFunction(
            Map<String, Duration> leadTimes,
            Duration defaultLeadTime,
            double minUnitsPerHour,
            long warmUpBins,
            DecisionClock clock) {
        this.leadTimes = leadTimes;
        this.defaultLeadTime = defaultLeadTime;
        this.minUnitsPerHour = minUnitsPerHour;
        this.warmUpBins = warmUpBins;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext context) {
        ValueStateDescriptor<SalesVelocity> d =
                new ValueStateDescriptor<>("velocity", TypeInformation.of(SalesVelocity.class));
        d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofDays(30)).build());
        velocity = getRuntimeContext().getState(d);
        ValueStateDescriptor<SalesSpread> s =
                new ValueStateDescriptor<>("velocity-spread", TypeInformation.of(SalesSpread.class));
        s.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofDays(30)).build());
        spread = getRuntimeContext().getState(s);
    }

    @Override
    public void processElement(StockSignal in, Context ctx, Collector<Alert> out) throws Exception {
        SalesVelocity v = velocity.value();
        if (v == null) v = new SalesVelocity();
        SalesSpread sp = spread.value();
        if (sp == null) sp = new SalesSpread();
        if (StockSignal.SALES.equals(in.kind)) {
            v.add(in.time, in.quantity);
            sp.add(in.time, in.quantity);
            spread.update(sp);
        } else if (StockSignal.AVAILABILITY.equals(in.kind) && "*".equals(in.location)) {
            long lead = leadTimes.getOrDefault(in.sku, defaultLeadTime).toMillis();
            double leadHours = lead / 3_600_000.0;
            double hoursLeft = v.hoursLeft(in.quantity);
            if (hoursLeft > 1.5 * leadHours) v.alerting = false;
            if (!v.alerting && v.binsSeen >= warmUpBins && v.perHour >= minUnitsPerHour && hoursLeft < leadHours) {
                double dispersion = sp.dispersion();
                double risk = StockoutRisk.probability(
                        in.quantity, v.perHour, leadHours, dispersion, SalesVelocity.EFFECTIVE_HOURS);
                if (risk >= StockoutRisk.CONFIDENCE) {
                    v.alerting = true;
                    out.collect(AnomalyAlerts.stockoutPredicted(
                            in.sku,
                            in.time,
                            in.quantity,
                            v.perHour,
                            hoursLeft,
                            lead,
                            risk,
                            dispersion,
                            clock.now(in.time)));
                }
            }
        }
        velocity.update(v);
    }
}

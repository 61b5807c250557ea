package io.stockflow.flink.lifecycle;

import io.stockflow.alert.Alert;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.lifecycle.CarrierReport;
import io.stockflow.lifecycle.CarrierSilence;
import io.stockflow.lifecycle.CarrierSilences;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by carrier (or channel when the carrier is unknown): one {@link CarrierSilence} per group, driven by
 * {@link CarrierSilences}. The breaches of orders whose carrier never reported become one {@code CARRIER_SILENT}
 * episode, updated as its count grows and resolved when the carrier reports again; a breach of a carrier that reports
 * on later parcels passes as the order's own alert. State is one small record per carrier.
 */
public final class CarrierSilenceFunction extends KeyedProcessFunction<String, CarrierReport, Alert> {
    private final CarrierSilences silences;
    private final DecisionClock clock;
    private transient ValueState<CarrierSilence> silence;
    private transient Counter folded;

    public CarrierSilenceFunction(CarrierSilences silences, DecisionClock clock) {
        this.silences = silences;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext context) {
        silence = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("carrier-silence", TypeInformation.of(CarrierSilence.class)));
        folded = getRuntimeContext().getMetricGroup().counter("silentCarrierBreachesFolded");
    }

    @Override
    public void processElement(CarrierReport r, Context ctx, Collector<Alert> out) throws Exception {
        CarrierSilence s = silence.value();
        if (s == null) s = new CarrierSilence();
        var sent = silences.apply(s, r, clock.now(r.eventTime));
        if (!r.heard && !sent.contains(r.breach)) folded.inc();
        for (Alert a : sent) out.collect(a);
        silence.update(s);
    }
}

package io.stockflow.flink.lifecycle;

import io.stockflow.alert.Alert;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.flink.time.ReplayHorizon;
import io.stockflow.lifecycle.BreachRateAlerts;
import io.stockflow.lifecycle.BreachRatePolicy;
import io.stockflow.lifecycle.OutcomeCounts;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Judges one sliding window of SLA outcomes of a location or channel: {@code SLA_BREACH_RATE} when at least the
 * minimum volume of deadlines fell in it and the late share is above the threshold. One alert per episode: a window
 * that directly follows a breaching window of the same key raises nothing new. Windows that end after the replay
 * horizon are incomplete and judged not at all.
 */
public final class BreachRateWindow extends ProcessWindowFunction<OutcomeCounts, Alert, String, TimeWindow> {
    private static final ValueStateDescriptor<Long> LAST_BREACH =
            new ValueStateDescriptor<>("last-breaching-window-end", Types.LONG);

    private final BreachRatePolicy policy;
    private final ReplayHorizon horizon;
    private final DecisionClock clock;

    public BreachRateWindow(BreachRatePolicy policy, ReplayHorizon horizon, DecisionClock clock) {
        this.policy = policy;
        this.horizon = horizon;
        this.clock = clock;
    }

    @Override
    public void process(String key, Context ctx, Iterable<OutcomeCounts> counts, Collector<Alert> out)
            throws Exception {
        TimeWindow w = ctx.window();
        if (!horizon.allows(w.maxTimestamp())) return;
        OutcomeCounts c = counts.iterator().next();
        if (!BreachRateAlerts.breaching(policy, c.late, c.total)) return;
        ValueState<Long> last = ctx.globalState().getState(LAST_BREACH);
        Long previous = last.value();
        last.update(w.getEnd());
        if (previous != null && previous == w.getEnd() - policy.slide.toMillis()) return;
        String[] parts = key.split("\\|", 3);
        out.collect(BreachRateAlerts.of(
                policy,
                parts[0],
                parts[2],
                parts[1],
                c.late,
                c.total,
                w.getStart(),
                w.getEnd(),
                clock.now(w.maxTimestamp())));
    }
}

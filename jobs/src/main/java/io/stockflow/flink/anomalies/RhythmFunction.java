package io.stockflow.flink.anomalies;

import io.stockflow.alert.Alert;
import io.stockflow.anomalies.BinCount;
import io.stockflow.anomaly.RhythmModel;
import io.stockflow.anomaly.RhythmSeries;
import io.stockflow.anomaly.SeasonalProfile;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.flink.time.ReplayHorizon;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The shop's clock: every series' bins (SKU demand, SKU refunds, channel orders) meet here under one key, so that
 * the shared seasonal profile is learned from the shop's total and a series that sends nothing (a silent channel, a
 * SKU nobody buys any more) is still judged, bin after bin. Keyed by channel, a silent channel would get no events
 * and no timers of its own; here the watermark, which every channel's orders advance (they share the order topic's
 * partitions, and idle partitions stop holding it back), drives one chain of event-time timers, one per bin.
 *
 * <p>A bin is closed when event time passes its end: by its timer (live), or, when a bin of a later time arrives
 * first (a replay sorts its input and fires timers only at the end), before that bin is added. Bins past the replay
 * horizon are never closed: a replay does not judge silence after its input ended. Series quiet for
 * {@link #RETENTION_MILLIS} are forgotten. Input volume is one record per active series and bin, so one key holds.
 */
public final class RhythmFunction extends KeyedProcessFunction<String, BinCount, Alert> {
    static final long RETENTION_MILLIS = 14L * 24 * 3_600_000L;

    private final RhythmModel model;
    private final ReplayHorizon horizon;
    private final DecisionClock clock;
    private transient ValueState<SeasonalProfile> profile;
    private transient ValueState<Long> openBin;
    private transient MapState<String, RhythmSeries> series;

    public RhythmFunction(RhythmModel model, ReplayHorizon horizon, DecisionClock clock) {
        this.model = model;
        this.horizon = horizon;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext context) {
        profile = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("profile", TypeInformation.of(SeasonalProfile.class)));
        openBin = getRuntimeContext().getState(new ValueStateDescriptor<>("open-bin", Types.LONG));
        series = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("series", Types.STRING, TypeInformation.of(RhythmSeries.class)));
    }

    @Override
    public void processElement(BinCount bin, Context ctx, Collector<Alert> out) throws Exception {
        closeBefore(bin.binStart, ctx, out);
        Long open = openBin.value();
        if (open == null) {
            openBin.update(bin.binStart);
            ctx.timerService().registerEventTimeTimer(bin.binStart + RhythmModel.BIN_MILLIS - 1);
        } else if (bin.binStart < open) {
            return; // a bin already judged: live data later than the watermark allowed
        }
        String key = bin.seriesKey();
        RhythmSeries s = series.get(key);
        if (s == null) s = new RhythmSeries(bin.kind, bin.subject);
        if (RhythmSeries.DEMAND.equals(bin.kind)) {
            // A SKU's refunds are judged from its first sale on, and kept as long as it sells: a quiet refund
            // history is a history too.
            String refundKey = RhythmSeries.key(RhythmSeries.REFUNDS, bin.subject);
            RhythmSeries refunds = series.get(refundKey);
            if (refunds == null) refunds = new RhythmSeries(RhythmSeries.REFUNDS, bin.subject);
            refunds.lastEventTime = Math.max(refunds.lastEventTime, bin.lastEventTime);
            series.put(refundKey, refunds);
        }
        s.pending += bin.count;
        s.lastEventTime = Math.max(s.lastEventTime, bin.lastEventTime);
        series.put(key, s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        closeBefore(timestamp + 1, ctx, out);
    }

    /** Closes every open bin that ends at or before {@code time}, within the horizon. */
    private void closeBefore(long time, Context ctx, Collector<Alert> out) throws Exception {
        Long open = openBin.value();
        if (open == null) return;
        long bin = open;
        while (bin + RhythmModel.BIN_MILLIS <= time && horizon.allows(bin + RhythmModel.BIN_MILLIS - 1)) {
            close(bin, out);
            bin += RhythmModel.BIN_MILLIS;
        }
        if (bin != open) {
            openBin.update(bin);
            if (horizon.allows(bin + RhythmModel.BIN_MILLIS - 1)) {
                ctx.timerService().registerEventTimeTimer(bin + RhythmModel.BIN_MILLIS - 1);
            }
        }
    }

    private void close(long binStart, Collector<Alert> out) throws Exception {
        SeasonalProfile p = profile.value();
        if (p == null) p = new SeasonalProfile();
        List<Map.Entry<String, RhythmSeries>> all = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, RhythmSeries> e : series.entries()) {
            all.add(Map.entry(e.getKey(), e.getValue()));
            if (RhythmSeries.DEMAND.equals(e.getValue().kind)) total += e.getValue().pending;
        }
        // Judge against the profile as it was, then learn this bin into it.
        long binEnd = binStart + RhythmModel.BIN_MILLIS;
        all.sort(Map.Entry.comparingByKey());
        List<RhythmSeries> closed = new ArrayList<>();
        for (Map.Entry<String, RhythmSeries> e : all) {
            RhythmSeries s = e.getValue();
            if (s.lastEventTime != Long.MIN_VALUE && s.lastEventTime < binEnd - RETENTION_MILLIS) {
                series.remove(e.getKey());
                continue;
            }
            Alert alert = model.close(s, p, binStart, total, clock.now(binEnd));
            if (alert != null) out.collect(alert);
            series.put(e.getKey(), s);
            closed.add(s);
        }
        p.observe(binStart, RhythmModel.BIN_MILLIS, RhythmModel.normalTotal(closed));
        profile.update(p);
    }
}

package io.stockflow.flink.anomalies;

import io.stockflow.alert.Alert;
import io.stockflow.anomalies.BinCount;
import io.stockflow.anomaly.RhythmModel;
import io.stockflow.anomaly.RhythmSeries;
import io.stockflow.anomaly.SeasonalProfile;
import io.stockflow.anomaly.SeriesHours;
import io.stockflow.anomaly.ShopStats;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.flink.time.ReplayHorizon;
import java.util.ArrayList;
import java.util.HashMap;
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
    /** Hourly counts of each series for the longer windows, and what the shop's series teach together. */
    private transient MapState<String, SeriesHours> hours;

    private transient ValueState<ShopStats> shop;

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
        hours = getRuntimeContext()
                .getMapState(
                        new MapStateDescriptor<>("series-hours", Types.STRING, TypeInformation.of(SeriesHours.class)));
        shop = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("shop-stats", TypeInformation.of(ShopStats.class)));
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
        ShopStats stats = shop.value();
        if (stats == null) stats = new ShopStats();
        long binEnd = binStart + RhythmModel.BIN_MILLIS;
        List<Map.Entry<String, RhythmSeries>> all = new ArrayList<>();
        for (Map.Entry<String, RhythmSeries> e : series.entries()) all.add(Map.entry(e.getKey(), e.getValue()));
        all.sort(Map.Entry.comparingByKey());
        List<RhythmSeries> kept = new ArrayList<>(all.size());
        Map<String, SeriesHours> hoursOf = new HashMap<>();
        for (Map.Entry<String, RhythmSeries> e : all) {
            RhythmSeries s = e.getValue();
            if (s.lastEventTime != Long.MIN_VALUE && s.lastEventTime < binEnd - RETENTION_MILLIS) {
                series.remove(e.getKey());
                hours.remove(e.getKey());
                continue;
            }
            kept.add(s);
            SeriesHours h = hours.get(e.getKey());
            if (h != null) hoursOf.put(e.getKey(), h);
        }
        // Judge against the profile and the shop as they were, then learn this bin into them.
        for (Alert alert : model.closeBin(kept, hoursOf, p, stats, binStart, clock.now(binEnd))) out.collect(alert);
        for (RhythmSeries s : kept) {
            String key = RhythmSeries.key(s.kind, s.subject);
            series.put(key, s);
            hours.put(key, hoursOf.get(key));
        }
        profile.update(p);
        shop.update(stats);
    }
}

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
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.TimestampedCollector;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

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
 *
 * <p>Closing a bin changes every series (each one's window of recent bins moves on), so the series, their hours, the
 * profile and the shop's statistics are worked on from the heap ({@link HeapMapState}, {@link HeapValueState}) and
 * written to the keyed state only while a snapshot is taken, what changed since the last one: a checkpoint writes
 * at most what a bin close wrote to the state backend, and a run without checkpoints (a replay) reads the state once
 * and never writes it. The state's names and types, the timers' name and the uid are those of the keyed process
 * function this operator replaces, so savepoints of either restore into it.
 */
public final class RhythmDetector extends AbstractStreamOperator<Alert>
        implements OneInputStreamOperator<BinCount, Alert>, Triggerable<String, VoidNamespace> {
    private static final long serialVersionUID = 1L;
    static final long RETENTION_MILLIS = 14L * 24 * 3_600_000L;
    /** The timers' name: the one Flink's keyed process operator gives its timers. */
    static final String TIMERS = "user-timers";

    private final RhythmModel model;
    private final ReplayHorizon horizon;
    private final DecisionClock clock;
    private transient HeapValueState<SeasonalProfile> profile;
    private transient HeapValueState<Long> openBin;
    private transient HeapMapState<RhythmSeries> series;
    /** Hourly counts of each series for the longer windows, and what the shop's series teach together. */
    private transient HeapMapState<SeriesHours> hours;

    private transient HeapValueState<ShopStats> shop;
    private transient InternalTimerService<VoidNamespace> timers;
    private transient HeapKeys keys;
    private transient TimestampedCollector<Alert> out;

    public RhythmDetector(RhythmModel model, ReplayHorizon horizon, DecisionClock clock) {
        this.model = model;
        this.horizon = horizon;
        this.clock = clock;
    }

    @Override
    public void open() throws Exception {
        super.open();
        out = new TimestampedCollector<>(output);
        keys = new HeapKeys() {
            @Override
            public Object current() {
                return getCurrentKey();
            }

            @Override
            public void select(Object key) {
                setCurrentKey(key);
            }
        };
        timers = getInternalTimerService(TIMERS, VoidNamespaceSerializer.INSTANCE, this);
        profile = value(new ValueStateDescriptor<>("profile", TypeInformation.of(SeasonalProfile.class)));
        openBin = value(new ValueStateDescriptor<>("open-bin", Types.LONG));
        series = map(new MapStateDescriptor<>("series", Types.STRING, TypeInformation.of(RhythmSeries.class)));
        hours = map(new MapStateDescriptor<>("series-hours", Types.STRING, TypeInformation.of(SeriesHours.class)));
        shop = value(new ValueStateDescriptor<>("shop-stats", TypeInformation.of(ShopStats.class)));
    }

    private <V> HeapValueState<V> value(ValueStateDescriptor<V> descriptor) {
        return new HeapValueState<>(getRuntimeContext().getState(descriptor), descriptor.getSerializer(), keys);
    }

    private <V> HeapMapState<V> map(MapStateDescriptor<String, V> descriptor) {
        return new HeapMapState<>(getRuntimeContext().getMapState(descriptor), descriptor.getValueSerializer(), keys);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        // Called before the keyed state backend takes its snapshot: what is written here is in it.
        Object key = getCurrentKey();
        profile.writeBack();
        openBin.writeBack();
        series.writeBack();
        hours.writeBack();
        shop.writeBack();
        if (key != null) setCurrentKey(key);
    }

    @Override
    public void processElement(StreamRecord<BinCount> record) throws Exception {
        out.setTimestamp(record);
        BinCount bin = record.getValue();
        closeBefore(bin.binStart);
        Long open = openBin.value();
        if (open == null) {
            openBin.update(bin.binStart);
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, bin.binStart + RhythmModel.BIN_MILLIS - 1);
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
    public void onEventTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
        out.setAbsoluteTimestamp(timer.getTimestamp());
        closeBefore(timer.getTimestamp() + 1);
    }

    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {}

    /** Closes every open bin that ends at or before {@code time}, within the horizon. */
    private void closeBefore(long time) throws Exception {
        Long open = openBin.value();
        if (open == null) return;
        long bin = open;
        while (bin + RhythmModel.BIN_MILLIS <= time && horizon.allows(bin + RhythmModel.BIN_MILLIS - 1)) {
            close(bin);
            bin += RhythmModel.BIN_MILLIS;
        }
        if (bin != open) {
            openBin.update(bin);
            if (horizon.allows(bin + RhythmModel.BIN_MILLIS - 1)) {
                timers.registerEventTimeTimer(VoidNamespace.INSTANCE, bin + RhythmModel.BIN_MILLIS - 1);
            }
        }
    }

    private void close(long binStart) throws Exception {
        SeasonalProfile p = profile.value();
        if (p == null) p = new SeasonalProfile();
        ShopStats stats = shop.value();
        if (stats == null) stats = new ShopStats();
        long binEnd = binStart + RhythmModel.BIN_MILLIS;
        List<Map.Entry<String, RhythmSeries>> all = new ArrayList<>();
        for (Map.Entry<String, RhythmSeries> e : series.view().entrySet()) all.add(Map.entry(e.getKey(), e.getValue()));
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

package io.stockflow.anomalies;

import io.stockflow.anomaly.RhythmSeries;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** The events of one series in one bin: how many, how many units, and the latest event time. */
public class BinCount {
    public String kind;
    public String subject;
    public long binStart;
    public long count;
    public long units;
    public long lastEventTime = Long.MIN_VALUE;

    public BinCount() {}

    public String seriesKey() {
        return RhythmSeries.key(kind, subject);
    }

    /** Sequence key for event-time sorting: the series, so ties come in a fixed order. */
    public String sequenceKey() {
        return seriesKey();
    }

    /** Sums the samples of a bin. */
    public static final class Sum implements AggregateFunction<CountSample, BinCount, BinCount> {
        @Override
        public BinCount createAccumulator() {
            return new BinCount();
        }

        @Override
        public BinCount add(CountSample s, BinCount b) {
            b.kind = s.kind;
            b.subject = s.subject;
            b.count++;
            b.units += s.units;
            b.lastEventTime = Math.max(b.lastEventTime, s.eventTime);
            return b;
        }

        @Override
        public BinCount getResult(BinCount b) {
            return b;
        }

        @Override
        public BinCount merge(BinCount a, BinCount b) {
            a.count += b.count;
            a.units += b.units;
            a.lastEventTime = Math.max(a.lastEventTime, b.lastEventTime);
            return a;
        }
    }

    /** Stamps the bin's start from its window. */
    public static final class Stamp extends ProcessWindowFunction<BinCount, BinCount, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<BinCount> sums, Collector<BinCount> out) {
            BinCount b = sums.iterator().next();
            b.binStart = ctx.window().getStart();
            out.collect(b);
        }
    }
}

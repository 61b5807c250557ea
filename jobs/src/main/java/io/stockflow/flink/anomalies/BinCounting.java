package io.stockflow.flink.anomalies;

import io.stockflow.anomalies.BinCount;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** The rhythm windows' functions: a bin's samples summed into a {@link BinCount}, then stamped with its start. */
public final class BinCounting {
    private BinCounting() {}

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

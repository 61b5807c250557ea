package io.stockflow.flink.lifecycle;

import io.stockflow.lifecycle.OutcomeCounts;
import org.apache.flink.api.common.functions.AggregateFunction;

/** The breach-rate windows' aggregate. */
public final class OutcomeCounting {
    private OutcomeCounting() {}

    /** Counts the samples of a window incrementally, so a window keeps two numbers, not its samples. */
    public static final class Count implements AggregateFunction<RateSample, OutcomeCounts, OutcomeCounts> {
        @Override
        public OutcomeCounts createAccumulator() {
            return new OutcomeCounts();
        }

        @Override
        public OutcomeCounts add(RateSample s, OutcomeCounts acc) {
            acc.total++;
            if (s.late) acc.late++;
            return acc;
        }

        @Override
        public OutcomeCounts getResult(OutcomeCounts acc) {
            return acc;
        }

        @Override
        public OutcomeCounts merge(OutcomeCounts a, OutcomeCounts b) {
            a.late += b.late;
            a.total += b.total;
            return a;
        }
    }
}

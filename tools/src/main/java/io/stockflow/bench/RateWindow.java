package io.stockflow.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples of a growing count over wall time; the rate is the slope from the last sample below half of the total to
 * the first that reached 90%: the warm half of the run, after the JIT compiler has done its work and state has
 * grown, and before the drain at the end. A run shorter than the sampling period still gets a rate, over the one
 * period in which it happened.
 */
final class RateWindow {
    private final List<long[]> samples = new ArrayList<>();
    private long notBefore;

    void add(long nanos, long count) {
        samples.add(new long[] {nanos, count});
    }

    /** The window starts no earlier than the count reached now (for example once the state is loaded). */
    void startHere() {
        notBefore = last();
    }

    long last() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1)[1];
    }

    /**
     * Records per second from about 50% of {@code total} (or from {@link #startHere()}, if later) to 90%, or NaN when
     * the samples never reached 90% or the window started after it.
     */
    double perSecond(long total) {
        long[] from = null;
        for (long[] s : samples) {
            if (s[1] * 10 >= total * 9) {
                if (from == null || s[0] == from[0]) return Double.NaN;
                return (s[1] - from[1]) / ((s[0] - from[0]) / 1e9);
            }
            if (s[1] * 2 < total || s[1] <= notBefore || from == null) from = s;
        }
        return Double.NaN;
    }
}

package io.stockflow.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples of a growing count over wall time; the rate is the slope between the samples where the count passed 10% and
 * 90% of its total, so start-up, JIT warm-up at the very start and the drain at the end do not count.
 */
final class RateWindow {
    private final List<long[]> samples = new ArrayList<>();

    void add(long nanos, long count) {
        samples.add(new long[] {nanos, count});
    }

    long last() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1)[1];
    }

    /** Records per second between 10% and 90% of {@code total}, or 0 when the samples do not span that. */
    double perSecond(long total) {
        long[] from = firstReaching(total / 10);
        long[] to = firstReaching(total * 9 / 10);
        if (from == null || to == null || to[0] == from[0]) return 0;
        return (to[1] - from[1]) / ((to[0] - from[0]) / 1e9);
    }

    private long[] firstReaching(long count) {
        for (long[] s : samples) if (s[1] >= count) return s;
        return null;
    }
}

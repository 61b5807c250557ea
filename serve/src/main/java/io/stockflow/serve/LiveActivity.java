package io.stockflow.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the console's live page plots: orders placed per second by channel over the last {@link #SECONDS} seconds, and
 * units ordered per SKU over the last {@link #MINUTES} minutes (the busiest SKUs), both by event time. Bounded: a ring
 * of seconds per channel, and per minute at most {@link #SKUS_PER_MINUTE} SKUs (a busier minute counts the first
 * ones seen).
 */
final class LiveActivity {
    static final int SECONDS = 60;
    static final int MINUTES = 10;
    static final int SKUS_PER_MINUTE = 5_000;

    private final Map<String, long[][]> perSecond = new TreeMap<>();
    private final TreeMap<Long, Map<String, long[]>> unitsPerMinute = new TreeMap<>();

    /** An order placed at {@code eventTimeMillis} on {@code channel}. */
    synchronized void placed(String channel, long eventTimeMillis) {
        long second = Math.floorDiv(eventTimeMillis, 1000);
        long[][] ring = perSecond.computeIfAbsent(channel, c -> new long[2][SECONDS]);
        int i = (int) Math.floorMod(second, SECONDS);
        if (ring[0][i] != second) {
            if (ring[0][i] > second) return; // older than the ring holds
            ring[0][i] = second;
            ring[1][i] = 0;
        }
        ring[1][i]++;
    }

    /** Units of a SKU ordered at {@code eventTimeMillis}. */
    synchronized void ordered(String sku, int quantity, long eventTimeMillis) {
        long minute = Math.floorDiv(eventTimeMillis, 60_000);
        if (!unitsPerMinute.isEmpty() && minute <= unitsPerMinute.lastKey() - MINUTES) return;
        Map<String, long[]> units = unitsPerMinute.computeIfAbsent(minute, m -> new HashMap<>());
        long[] n = units.get(sku);
        if (n == null) {
            if (units.size() >= SKUS_PER_MINUTE) return;
            n = new long[1];
            units.put(sku, n);
        }
        n[0] += quantity;
        while (unitsPerMinute.firstKey() <= unitsPerMinute.lastKey() - MINUTES) unitsPerMinute.pollFirstEntry();
    }

    /** Orders per second by channel for the {@link #SECONDS} seconds up to and including {@code nowMillis}'s second. */
    synchronized Map<String, long[]> ordersPerSecond(long nowMillis) {
        long last = Math.floorDiv(nowMillis, 1000);
        Map<String, long[]> out = new TreeMap<>();
        for (Map.Entry<String, long[][]> e : perSecond.entrySet()) {
            long[] series = new long[SECONDS];
            long[][] ring = e.getValue();
            for (int k = 0; k < SECONDS; k++) {
                long second = last - SECONDS + 1 + k;
                int i = (int) Math.floorMod(second, SECONDS);
                if (ring[0][i] == second) series[k] = ring[1][i];
            }
            out.put(e.getKey(), series);
        }
        return out;
    }

    /** The SKUs with the most units ordered in the last {@link #MINUTES} minutes up to {@code nowMillis}, most first. */
    synchronized List<Map.Entry<String, Long>> busiest(long nowMillis, int limit) {
        long from = Math.floorDiv(nowMillis, 60_000) - MINUTES + 1;
        Map<String, Long> sum = new HashMap<>();
        for (Map.Entry<Long, Map<String, long[]>> m :
                unitsPerMinute.tailMap(from, true).entrySet())
            for (Map.Entry<String, long[]> e : m.getValue().entrySet())
                sum.merge(e.getKey(), e.getValue()[0], Long::sum);
        List<Map.Entry<String, Long>> out = new ArrayList<>(sum.entrySet());
        out.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }
}

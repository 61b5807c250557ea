package io.stockflow.serve;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counters the reports are made of, per UTC day of event time: orders by channel and event type, decisions by
 * channel, orders due to ship and deliver and the breaches of those deadlines by location and channel, backordered
 * units and stock-outs by SKU, alerts by type. Memory is bounded: the last {@link #DAYS_KEPT} days are kept (a day
 * older than the newest by more is dropped whole), and each day counts at most {@link #SKUS_PER_DAY} SKUs per list,
 * the rest together under {@link #OTHER_SKUS}. Weeks are the sums of their days.
 *
 * <p>The materializing thread writes; request threads read copies, under the same lock.
 */
final class DailyReports {
    static final int DAYS_KEPT = 35;
    static final int SKUS_PER_DAY = 2_000;
    static final String OTHER_SKUS = "(other SKUs)";

    /** What a counter counts; each has its own key columns. */
    enum Counter {
        ORDERS("channel", "type"),
        DECISIONS("channel", "decision"),
        SHIP_DUE("location", "channel"),
        SHIP_BREACHED("location", "channel"),
        DELIVERY_DUE("location", "channel"),
        DELIVERY_BREACHED("location", "channel"),
        BACKORDERED_UNITS("sku"),
        STOCKOUTS("sku"),
        ALERTS("type");

        final String[] keys;

        Counter(String... keys) {
            this.keys = keys;
        }

        boolean bySku() {
            return keys.length == 1 && keys[0].equals("sku");
        }
    }

    /** A counter's key: the counter and its key values joined by a separator no value the jobs write carries. */
    private static final char SEP = '\u001f';

    private final TreeMap<LocalDate, Map<String, long[]>> days = new TreeMap<>();
    private final Map<LocalDate, int[]> skusCounted = new HashMap<>();

    static LocalDate day(long eventTimeMillis) {
        return Instant.ofEpochMilli(eventTimeMillis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Adds {@code amount} to a counter of the day of {@code eventTimeMillis}. */
    synchronized void add(long eventTimeMillis, Counter counter, long amount, String... keys) {
        if (keys.length != counter.keys.length)
            throw new IllegalArgumentException(counter + " takes " + counter.keys.length);
        LocalDate day = day(eventTimeMillis);
        if (!days.isEmpty() && day.isBefore(days.lastKey().minusDays(DAYS_KEPT - 1))) return;
        Map<String, long[]> counts = days.computeIfAbsent(day, d -> new HashMap<>());
        String key = key(counter, keys);
        long[] n = counts.get(key);
        if (n == null) {
            if (counter.bySku()) {
                int[] counted = skusCounted.computeIfAbsent(day, d -> new int[Counter.values().length]);
                if (counted[counter.ordinal()] >= SKUS_PER_DAY) {
                    key = key(counter, OTHER_SKUS);
                    n = counts.get(key);
                } else counted[counter.ordinal()]++;
            }
            if (n == null) {
                n = new long[1];
                counts.put(key, n);
            }
        }
        n[0] += amount;
        while (days.firstKey().isBefore(days.lastKey().minusDays(DAYS_KEPT - 1)))
            skusCounted.remove(days.pollFirstEntry().getKey());
    }

    /** One counter's values in one day, by their keys; an empty map when the day has none. */
    synchronized Map<List<String>, Long> counts(LocalDate day, Counter counter) {
        Map<List<String>, Long> out = new HashMap<>();
        Map<String, long[]> counts = days.get(day);
        if (counts == null) return out;
        String prefix = counter.name() + SEP;
        for (Map.Entry<String, long[]> e : counts.entrySet())
            if (e.getKey().startsWith(prefix))
                out.put(List.of(e.getKey().substring(prefix.length()).split(String.valueOf(SEP), -1)), e.getValue()[0]);
        return out;
    }

    /** The days that have any count, oldest first. */
    synchronized List<LocalDate> days() {
        return new ArrayList<>(days.keySet());
    }

    /** How many counters are held in all: what the memory bound is about. */
    synchronized int size() {
        int n = 0;
        for (Map<String, long[]> counts : days.values()) n += counts.size();
        return n;
    }

    private static String key(Counter counter, String... keys) {
        StringBuilder b = new StringBuilder(counter.name());
        for (String k : keys) b.append(SEP).append(k == null ? "" : k);
        return b.toString();
    }
}

package io.stockflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The arithmetic of the sync section, apart from anything that runs: how long each channel kept listing a SKU after
 * the order that took its last unit, from each of the instants the section measures from, percentiles of those times,
 * and counts per 1,000 orders.
 */
final class SyncExposure {
    private SyncExposure() {}

    /** The instant of a sell-out an exposure is measured from. */
    enum From {
        /** The order's event time on the marketplace: includes the marketplace's delay in telling stockflow. */
        ORDER_EVENT,
        /** The order's arrival at stockflow ({@code received_at}): what stockflow's own path takes. */
        ARRIVAL,
        /** The ledger's availability 0 seen on {@code inventory.availability}: the sync job's share. */
        AVAILABILITY_ZERO
    }

    /**
     * A SKU sold out network-wide: {@code atMillis} is the event time of the order that took the last unit,
     * {@code arrivedAtMillis} when that order reached stockflow (-1 when not known), {@code zeroSeenAtMillis} when the
     * ledger's availability 0 was read, {@code restockedAtMillis} when stock came back (a receipt, a return), or
     * {@link Long#MAX_VALUE} if it did not.
     */
    record SellOut(String sku, long atMillis, long arrivedAtMillis, long zeroSeenAtMillis, long restockedAtMillis) {
        /** A sell-out whose every instant is the order's event time. */
        SellOut(String sku, long atMillis, long restockedAtMillis) {
            this(sku, atMillis, atMillis, atMillis, restockedAtMillis);
        }

        /** The instant measured from; -1 when not known. */
        long from(From from) {
            return switch (from) {
                case ORDER_EVENT -> atMillis;
                case ARRIVAL -> arrivedAtMillis;
                case AVAILABILITY_ZERO -> zeroSeenAtMillis;
            };
        }
    }

    /**
     * One channel's exposures: the measured times in millis, ascending; the sell-outs that a restock ended before the
     * channel listed 0 (conflation then rightly skips the 0); and those still listed when the run ended.
     */
    record Exposures(List<Long> millis, int superseded, int open) {
        long percentile(double p) {
            return SyncExposure.percentile(millis, p);
        }
    }

    /** Per sell-out, from the order's event time to the first time the channel was seen listing 0. */
    static Exposures exposures(List<SellOut> sellOuts, Map<String, NavigableMap<Long, Long>> listed) {
        return exposures(sellOuts, listed, From.ORDER_EVENT);
    }

    /**
     * Per sell-out, from its instant {@code from} to the first time the channel was seen listing 0. {@code listed}
     * holds, per SKU, each quantity the channel was seen listing, from the time it was first seen (a change-only
     * series). A channel already listing 0 at that instant is exposed for 0 ms; a SKU the channel has no listing of,
     * or a sell-out whose instant is not known, is not counted.
     */
    static Exposures exposures(List<SellOut> sellOuts, Map<String, NavigableMap<Long, Long>> listed, From from) {
        List<Long> millis = new ArrayList<>();
        int superseded = 0;
        int open = 0;
        for (SellOut s : sellOuts) {
            NavigableMap<Long, Long> series = listed.get(s.sku());
            long start = s.from(from);
            if (series == null || series.isEmpty() || start < 0) continue;
            Map.Entry<Long, Long> inForce = series.floorEntry(start);
            if (inForce != null && inForce.getValue() == 0) {
                millis.add(0L);
                continue;
            }
            Long zeroAt = null;
            for (Map.Entry<Long, Long> e : series.tailMap(start, false).entrySet()) {
                if (e.getValue() == 0) {
                    zeroAt = e.getKey();
                    break;
                }
            }
            if (zeroAt == null) {
                if (s.restockedAtMillis() == Long.MAX_VALUE) open++;
                else superseded++;
            } else if (zeroAt > s.restockedAtMillis()) {
                superseded++;
            } else {
                millis.add(zeroAt - start);
            }
        }
        millis.sort(null);
        return new Exposures(List.copyOf(millis), superseded, open);
    }

    /** The nearest-rank percentile of ascending values: the smallest value with at least p% at or below it; -1 if none. */
    static long percentile(List<Long> ascending, double p) {
        if (ascending.isEmpty()) return -1;
        int rank = (int) Math.ceil(p / 100.0 * ascending.size());
        return ascending.get(Math.max(0, Math.min(ascending.size(), rank) - 1));
    }

    /** A count per 1,000 orders; NaN without orders. */
    static double perThousand(long count, long orders) {
        return orders == 0 ? Double.NaN : count * 1000.0 / orders;
    }

    /** Adds an observation to a change-only series: kept only when it differs from the last one. */
    static void observe(Map<String, NavigableMap<Long, Long>> listed, String sku, long atMillis, long quantity) {
        NavigableMap<Long, Long> series = listed.computeIfAbsent(sku, k -> new TreeMap<>());
        Map.Entry<Long, Long> last = series.lastEntry();
        if (last == null || last.getValue() != quantity) series.put(atMillis, quantity);
    }
}

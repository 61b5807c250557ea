package io.stockflow.routing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The capacity routing sees when one task decides every order: the shipments planned per location and local day,
 * counted as the capacity counter counts them ({@link DailyCapacity#claim}) and seen as the order router sees the
 * levels it reads back (days it has forgotten count none, {@link DailyCapacity#routedWith}). As a {@link Stock} it
 * answers shipments planned; units are the ledgers'. The counts are kept where {@link Counts} keeps them: on the heap
 * for a replay (a day's count is a few bytes and a replay's days are few: nothing is dropped), in keyed state for the
 * serial ledger.
 */
public final class ShipmentCounts implements Stock {
    /** Where the counts live. */
    public interface Counts {
        /** One location's days. */
        DailyCapacity.Store location(String location) throws Exception;

        /** The newest day claimed so far, or {@link Long#MIN_VALUE}. */
        long newestDay() throws Exception;

        void newestDay(long day) throws Exception;
    }

    private final Counts counts;

    /** Counts on the heap. */
    public ShipmentCounts() {
        this(new HeapCounts());
    }

    public ShipmentCounts(Counts counts) {
        this.counts = counts;
    }

    /** Counts one shipment; returns the location's level for the claim's day. */
    public CapacityLevel claim(ShipmentClaim claim) {
        try {
            if (claim.day > counts.newestDay()) counts.newestDay(claim.day);
            return DailyCapacity.claim(counts.location(claim.location), claim, claim.eventTime)
                    .level();
        } catch (Exception e) {
            throw new IllegalStateException("counting " + claim + " failed", e);
        }
    }

    @Override
    public long available(String location, String sku) {
        return 0;
    }

    @Override
    public long shipmentsPlanned(String location, LocalDate day) {
        try {
            if (!DailyCapacity.routedWith(day.toEpochDay(), counts.newestDay())) return 0;
            DayCount count = counts.location(location).get(day.toEpochDay());
            return count == null ? 0 : count.planned;
        } catch (Exception e) {
            throw new IllegalStateException("reading the shipments of " + location + " on " + day + " failed", e);
        }
    }

    private static final class HeapCounts implements Counts {
        private final Map<String, Map<Long, DayCount>> byLocation = new HashMap<>();
        private long newestDay = Long.MIN_VALUE;

        @Override
        public long newestDay() {
            return newestDay;
        }

        @Override
        public void newestDay(long day) {
            newestDay = day;
        }

        @Override
        public DailyCapacity.Store location(String location) {
            Map<Long, DayCount> days = byLocation.computeIfAbsent(location, l -> new HashMap<>());
            return new DailyCapacity.Store() {
                @Override
                public DayCount get(long day) {
                    return days.get(day);
                }

                @Override
                public void put(long day, DayCount count) {
                    days.put(day, count);
                }

                @Override
                public Iterable<Long> days() {
                    return new ArrayList<>(days.keySet());
                }

                @Override
                public void remove(long day) {
                    days.remove(day);
                }
            };
        }
    }
}

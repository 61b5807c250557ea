package io.stockflow.routing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The capacity a replay routes with: the shipments planned per location and local day, counted on the heap as the
 * capacity counter counts them ({@link DailyCapacity#claim}) and seen as the order router sees the levels it reads
 * back (days it has forgotten count none, {@link DailyCapacity#routedWith}). As a {@link Stock} it answers shipments
 * planned; units are the ledgers'. A day's count is a few bytes and a replay's days are few: nothing is dropped.
 */
public final class ShipmentCounts implements Stock {
    private final Map<String, Map<Long, DayCount>> byLocation = new HashMap<>();
    private long newestDay = Long.MIN_VALUE;

    /** Counts one shipment; returns the location's level for the claim's day. */
    public CapacityLevel claim(ShipmentClaim claim) {
        try {
            newestDay = Math.max(newestDay, claim.day);
            return DailyCapacity.claim(store(claim.location), claim, claim.eventTime)
                    .level();
        } catch (Exception e) {
            throw new IllegalStateException("counting " + claim + " on the heap failed", e);
        }
    }

    @Override
    public long available(String location, String sku) {
        return 0;
    }

    @Override
    public long shipmentsPlanned(String location, LocalDate day) {
        if (!DailyCapacity.routedWith(day.toEpochDay(), newestDay)) return 0;
        DayCount count = byLocation.getOrDefault(location, Map.of()).get(day.toEpochDay());
        return count == null ? 0 : count.planned;
    }

    private DailyCapacity.Store store(String location) {
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

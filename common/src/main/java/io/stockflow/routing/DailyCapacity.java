package io.stockflow.routing;

import io.stockflow.alert.Alert;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the shipments planned per location and local day, for one location at a time, over a {@link Store} (Flink
 * keyed state in the job, a map in tests). Each claim adds one; the first claim that takes a day over its capacity
 * raises {@code CAPACITY_EXCEEDED}, once per day. A day is forgotten once event time is past the start of the third
 * UTC day after it: by then it is over in every time zone and at least a day old.
 */
public final class DailyCapacity {
    /** Days kept after the day itself. */
    public static final int KEEP_DAYS = 2;

    /** The count of one location's days. */
    public interface Store {
        DayCount get(long day) throws Exception;

        void put(long day, DayCount count) throws Exception;

        Iterable<Long> days() throws Exception;

        void remove(long day) throws Exception;
    }

    /** The level after a claim; {@code alert} when this claim took the day over its capacity first, else null. */
    public record Counted(CapacityLevel level, Alert alert, boolean newDay) {}

    private DailyCapacity() {}

    public static Counted claim(Store store, ShipmentClaim claim, long detectedAt) throws Exception {
        DayCount count = store.get(claim.day);
        boolean newDay = count == null;
        if (newDay) count = new DayCount();
        count.planned++;
        count.capacity = claim.dailyCapacity;
        count.asOf = Math.max(count.asOf, claim.eventTime);
        Alert alert = null;
        if (count.capacity != null && count.planned > count.capacity && !count.alerted) {
            count.alerted = true;
            alert = CapacityAlerts.exceeded(claim, count, detectedAt);
        }
        store.put(claim.day, count);
        return new Counted(new CapacityLevel(claim.location, claim.day, count), alert, newDay);
    }

    /**
     * Whether routing still takes a day's level into account once it has seen one of {@code newestDay}: the days
     * more than {@link #KEEP_DAYS} before it are over everywhere, and routing forgets them.
     */
    public static boolean routedWith(long day, long newestDay) {
        return day + KEEP_DAYS >= newestDay;
    }

    /** Event time from which {@code day} is forgotten. */
    public static long expiresAt(long day) {
        return LocalDate.ofEpochDay(day)
                .plusDays(KEEP_DAYS + 1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .toEpochMilli();
    }

    /** Forgets the days that expire at or before {@code eventTime}; returns them. */
    public static List<Long> expire(Store store, long eventTime) throws Exception {
        List<Long> expired = new ArrayList<>();
        for (long day : store.days()) {
            if (expiresAt(day) <= eventTime) expired.add(day);
        }
        for (long day : expired) store.remove(day);
        return expired;
    }

    /** The levels of every day still counted. */
    public static List<CapacityLevel> levels(Store store, String location) throws Exception {
        List<CapacityLevel> levels = new ArrayList<>();
        for (long day : store.days()) levels.add(new CapacityLevel(location, day, store.get(day)));
        return levels;
    }
}

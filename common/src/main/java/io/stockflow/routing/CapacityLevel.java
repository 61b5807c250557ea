package io.stockflow.routing;

import java.time.LocalDate;

/**
 * A record of {@code routing.capacity}: the absolute count of shipments planned from a location on one of its local
 * days, with the daily capacity (null: unlimited). {@code version} rises by one with every claim counted for that
 * location and day, so it equals {@code planned}; a consumer keeps the latest. The topic is compacted by {@link #key}.
 */
public class CapacityLevel {
    public String location;
    /** The local day, as an epoch day. */
    public long day;

    public long planned;
    public Long capacity;
    public long version;
    /** Event time of the latest claim counted. */
    public long asOf;

    public CapacityLevel() {}

    public CapacityLevel(String location, long day, DayCount count) {
        this.location = location;
        this.day = day;
        this.planned = count.planned;
        this.capacity = count.capacity;
        this.version = count.planned;
        this.asOf = count.asOf;
    }

    /** True when no further shipment fits on the day. */
    public boolean full() {
        return capacity != null && planned >= capacity;
    }

    public String key() {
        return key(location, day);
    }

    /** {@code WH-EAST|2026-11-26}: the Kafka key of the record, and how routing looks a count up. */
    public static String key(String location, long day) {
        return location + "|" + LocalDate.ofEpochDay(day);
    }

    @Override
    public String toString() {
        return location + " " + LocalDate.ofEpochDay(day) + " " + planned + (capacity == null ? "" : "/" + capacity);
    }
}

package io.stockflow.marketsim.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A count per key and calendar day with a ceiling, as eBay limits the revisions of one listing (250 a calendar day).
 * The day is taken from the injected clock in the configured zone, so a test crosses midnight by moving the clock.
 */
public final class DailyLimit {
    private final int perDay;
    private final ZoneId zone;
    private final Clock clock;
    private final Map<String, Map<LocalDate, Integer>> counts = new TreeMap<>();

    public DailyLimit(int perDay, ZoneId zone, Clock clock) {
        if (perDay < 1) throw new IllegalArgumentException("a daily limit needs at least 1 a day");
        this.perDay = perDay;
        this.zone = zone;
        this.clock = clock;
    }

    /** Counts one for the key today when the day's ceiling is not reached; false (and nothing counted) otherwise. */
    public synchronized boolean tryCount(String key) {
        Map<LocalDate, Integer> days = counts.computeIfAbsent(key, k -> new TreeMap<>());
        LocalDate today = today();
        int used = days.getOrDefault(today, 0);
        if (used >= perDay) return false;
        days.put(today, used + 1);
        return true;
    }

    public synchronized int usedToday(String key) {
        return counts.getOrDefault(key, Map.of()).getOrDefault(today(), 0);
    }

    public int perDay() {
        return perDay;
    }

    /** Every key's count per day (ISO dates), for the admin API. */
    public synchronized Map<String, Map<String, Integer>> snapshot() {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        counts.forEach((key, days) -> {
            Map<String, Integer> perDate = new LinkedHashMap<>();
            days.forEach((day, n) -> perDate.put(day.toString(), n));
            copy.put(key, perDate);
        });
        return copy;
    }

    public synchronized void clear() {
        counts.clear();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}

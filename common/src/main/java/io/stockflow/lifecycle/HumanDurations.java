package io.stockflow.lifecycle;

import java.time.Duration;

/** Durations as people read them in alert messages: {@code 2d 3h}, {@code 27h}, {@code 45m}. */
public final class HumanDurations {
    private HumanDurations() {}

    public static String of(long millis) {
        Duration d = Duration.ofMillis(Math.max(0, millis));
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) return days + "d" + (hours > 0 ? " " + hours + "h" : "");
        if (hours > 0) return hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
        return minutes + "m";
    }

    public static String of(Duration d) {
        return of(d.toMillis());
    }
}

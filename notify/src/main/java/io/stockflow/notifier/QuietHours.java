package io.stockflow.notifier;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours of the customer's local day (the ship-to address's time zone) in which no SMS is sent, e.g. 21:00 to
 * 08:00. {@code start == end} means none. An SMS due inside them waits for their end.
 */
public record QuietHours(LocalTime start, LocalTime end) {
    public static QuietHours none() {
        return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    public static QuietHours parse(String range) {
        if (range == null || range.isBlank() || range.equalsIgnoreCase("none")) return none();
        String[] parts = range.split("-");
        if (parts.length != 2) throw new IllegalArgumentException("quiet hours are HH:MM-HH:MM, not " + range);
        return new QuietHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
    }

    /** When the quiet hours that contain {@code now} end, or null when {@code now} is outside them. */
    public Instant endIfInside(Instant now, ZoneId zone) {
        if (start.equals(end)) return null;
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean overnight = start.isAfter(end);
        boolean inside = overnight ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
        if (!inside) return null;
        ZonedDateTime endToday = local.with(end);
        ZonedDateTime endAt = overnight && !t.isBefore(start) ? endToday.plusDays(1) : endToday;
        return endAt.toInstant();
    }

    @Override
    public String toString() {
        return start.equals(end) ? "none" : start + "-" + end;
    }
}

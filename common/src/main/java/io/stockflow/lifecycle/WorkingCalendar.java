package io.stockflow.lifecycle;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The working days of a shipping location in its own time zone: which weekdays it works, its holidays, the cut-off
 * after which a new order counts from the next working day, and the time of day by which a day's orders must ship.
 */
public final class WorkingCalendar implements Serializable {
    private static final long serialVersionUID = 1L;
    /** No calendar has this many non-working days in a row; guards against a policy without working days. */
    private static final int MAX_DAYS_SCANNED = 400;

    public final ZoneId zone;
    public final LocalTime cutoff;
    public final LocalTime shipByTime;
    public final Set<DayOfWeek> workingDays;
    public final Set<LocalDate> holidays;

    public WorkingCalendar(
            ZoneId zone, LocalTime cutoff, LocalTime shipByTime, Set<DayOfWeek> workingDays, Set<LocalDate> holidays) {
        if (workingDays.isEmpty()) throw new IllegalArgumentException("a calendar needs at least one working day");
        this.zone = zone;
        this.cutoff = cutoff;
        this.shipByTime = shipByTime;
        this.workingDays = EnumSet.copyOf(workingDays);
        this.holidays = new TreeSet<>(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** The working day an order placed at {@code placed} counts from: today before the cut-off, else the next one. */
    public LocalDate firstDay(Instant placed) {
        ZonedDateTime local = placed.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (isWorkingDay(day) && local.toLocalTime().isBefore(cutoff)) return day;
        return addWorkingDays(day, 1);
    }

    /** The working day {@code n} working days after {@code day} ({@code day} itself for 0). */
    public LocalDate addWorkingDays(LocalDate day, int n) {
        LocalDate d = day;
        int left = n;
        int scanned = 0;
        while (left > 0) {
            d = d.plusDays(1);
            if (++scanned > MAX_DAYS_SCANNED * Math.max(1, n)) throw new IllegalStateException("no working days");
            if (isWorkingDay(d)) left--;
        }
        return d;
    }

    /** The instant of a local time on a day at this location. */
    public Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }
}

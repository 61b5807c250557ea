package io.stockflow.listing;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A channel's limit on how often one listing may be revised in a calendar day (eBay: 250 per listing and day), spent
 * where it matters: a sell-out to 0 and a return to stock go out at once while any revision is left; every other change
 * waits its turn, paced evenly over what is left of the day, so that {@code urgentReserve} revisions always remain
 * for the urgent ones. A change that waits is merged with those after it: only the newest quantity goes out.
 */
public record RevisionBudget(int perDay, int urgentReserve, ZoneId zone) implements Serializable {
    /** No limit: every change may go out at once. */
    public static final RevisionBudget UNLIMITED = new RevisionBudget(Integer.MAX_VALUE, 0, ZoneId.of("UTC"));

    public RevisionBudget {
        if (perDay < 1 || urgentReserve < 0 || urgentReserve >= perDay) {
            throw new IllegalArgumentException(
                    "a revision budget needs 0 <= urgentReserve < perDay, got " + urgentReserve + " of " + perDay);
        }
    }

    /** The calendar day of an instant in the channel's zone, as epoch days: the unit the limit counts in. */
    public long day(Instant at) {
        return LocalDate.ofInstant(at, zone).toEpochDay();
    }

    /**
     * When a change may go out: at once when urgent and a revision is left; otherwise no sooner than an even share of
     * the day's remaining time after the last revision, keeping the reserve; null when the day has nothing left for
     * it (it goes out on the next day).
     */
    public Instant nextSend(boolean urgent, int usedToday, Instant lastSent, Instant now) {
        if (perDay == Integer.MAX_VALUE) return now;
        if (usedToday >= perDay) return null;
        if (urgent) return now;
        int left = perDay - urgentReserve - usedToday;
        if (left <= 0) return null;
        if (lastSent == null || day(lastSent) != day(now)) return now;
        Instant endOfDay =
                LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        Duration share = Duration.between(lastSent, endOfDay).dividedBy(left + 1);
        Instant due = lastSent.plus(share);
        return due.isAfter(now) ? due : now;
    }
}

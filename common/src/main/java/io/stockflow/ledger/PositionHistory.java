package io.stockflow.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * What one position remembers so that a stock COUNT is its on-hand as of the count's event time, whatever order the
 * commands arrive in: the newest count applied, and the on-hand changes after it within the allowed lateness. A count
 * that arrives late is its level plus the changes after it; a change older than the newest count is already in the
 * count's level.
 */
public class PositionHistory {
    /** Whether a count was applied at this position. */
    public boolean counted;
    /** Event time of the newest count applied. */
    public long countTime;
    /** Sequence key of the newest count applied. */
    public String countKey;
    /** The newest event time of an on-hand change or count at this position. */
    public long newest = Long.MIN_VALUE;
    /**
     * The newest event time of an on-hand change the history no longer holds (older than the allowed lateness behind
     * {@link #newest}), {@code Long.MIN_VALUE} if none: a count at or before it cannot be placed exactly.
     */
    public long forgottenUpTo = Long.MIN_VALUE;
    /** On-hand changes after the newest count and within the allowed lateness, in arrival order. */
    public List<StockChange> changes = new ArrayList<>();

    public PositionHistory() {}

    /** A history for a position whose changes so far were not kept (state from before histories, or none at all). */
    static PositionHistory startingAt(Position existing) {
        PositionHistory h = new PositionHistory();
        if (existing != null) h.forgottenUpTo = existing.asOf;
        return h;
    }

    /** Whether ({@code time}, {@code key}) is at or before the newest count: the count's level already holds it. */
    boolean countedBy(long time, String key) {
        return counted && !StockCountClock.after(time, key, countTime, countKey);
    }

    /** Remembers a change that was applied to on-hand, then forgets what is beyond the lateness. */
    void add(long time, String key, long delta, long latenessMillis) {
        newest = Math.max(newest, time);
        changes.add(new StockChange(time, key, delta));
        prune(latenessMillis);
    }

    /** The sum of the changes after ({@code time}, {@code key}); forgets the others, which the count now holds. */
    long takeCount(long time, String key, long latenessMillis) {
        long after = 0;
        List<StockChange> kept = new ArrayList<>();
        for (StockChange c : changes) {
            if (c.after(time, key)) {
                after += c.delta;
                kept.add(c);
            }
        }
        changes = kept;
        counted = true;
        countTime = time;
        countKey = key;
        newest = Math.max(newest, time);
        prune(latenessMillis);
        return after;
    }

    /** Forgets the changes older than the lateness behind the newest event time; remembers the newest forgotten. */
    private void prune(long latenessMillis) {
        long horizon = newest - latenessMillis;
        List<StockChange> kept = null;
        for (int i = 0; i < changes.size(); i++) {
            StockChange c = changes.get(i);
            if (c.eventTime < horizon) {
                if (kept == null) kept = new ArrayList<>(changes.subList(0, i));
                forgottenUpTo = Math.max(forgottenUpTo, c.eventTime);
            } else if (kept != null) {
                kept.add(c);
            }
        }
        if (kept != null) changes = kept;
    }
}

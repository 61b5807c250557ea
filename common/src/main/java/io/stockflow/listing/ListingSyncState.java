package io.stockflow.listing;

import java.time.Instant;

/**
 * What the channel sync remembers of one listing target (a listing, or a listing at one Shopify location): the newest
 * quantity the ledger asks for, with the availability version it came from, and what was last confirmed sent. Pushes
 * are absolute and ordered by version, so a replay after a restore re-sends the newest value and never an older one
 * over a newer one. Flink keeps it as state: its class name is part of the savepoint format.
 */
public class ListingSyncState {
    public long wantedQuantity = -1;
    public long wantedVersion = -1;
    public long sentQuantity = -1;
    public long sentVersion = -1;
    /** Epoch millis of the last confirmed push, -1 before the first. */
    public long sentAt = -1;
    /** The channel's calendar day (epoch days) that {@link #revisionsToday} counts. */
    public long revisionDay = Long.MIN_VALUE;

    public int revisionsToday;

    public ListingSyncState() {}

    /**
     * Takes the quantity computed from an availability version. Returns false for a version no newer than one already
     * taken (a replay, or an update that overtook it): it changes nothing.
     */
    public boolean want(long quantity, long version) {
        if (version <= wantedVersion) return false;
        wantedQuantity = quantity;
        wantedVersion = version;
        return true;
    }

    /** Whether the channel shows something else than the newest wanted quantity. */
    public boolean pending() {
        return wantedVersion > sentVersion && wantedQuantity != sentQuantity;
    }

    /** A sell-out (to 0 from stock) or a return to stock (from 0, or before anything was sent): never held back. */
    public boolean urgent() {
        return (wantedQuantity == 0) != (sentQuantity == 0) || sentVersion < 0;
    }

    /** When the pending quantity may go out under the budget; null when nothing is pending or today is spent. */
    public Instant nextSend(RevisionBudget budget, Instant now) {
        if (!pending()) return null;
        int used = revisionDay == budget.day(now) ? revisionsToday : 0;
        return budget.nextSend(urgent(), used, sentAt < 0 ? null : Instant.ofEpochMilli(sentAt), now);
    }

    /**
     * Takes back a push of {@code version} that the channel did not take (no usable answer): what the channel shows is
     * unknown again, so the wanted quantity is pending and goes out again. Returns false when a newer push was handed
     * on since, which the answer does not concern.
     */
    public boolean failed(long version) {
        if (version != sentVersion || sentVersion < 0) return false;
        sentQuantity = -1;
        sentVersion = -1;
        return true;
    }

    /** Records a push the channel confirmed: the quantity of {@code version} is what it now shows. */
    public void sent(long quantity, long version, Instant at, RevisionBudget budget) {
        if (version < sentVersion) return;
        long day = budget.day(at);
        if (day != revisionDay) {
            revisionDay = day;
            revisionsToday = 0;
        }
        revisionsToday++;
        sentQuantity = quantity;
        sentVersion = version;
        sentAt = at.toEpochMilli();
    }
}

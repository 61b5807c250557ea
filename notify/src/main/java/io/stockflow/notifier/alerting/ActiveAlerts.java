package io.stockflow.notifier.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alerts this forwarder keeps firing in Alertmanager, by alert id, with the partition each was read from. An alert
 * has no end on the topic unless a record resolves it, so each stays active for {@code activeFor} after it was
 * written; while active it is posted again every {@code repostEvery}, each time ending a few intervals ahead, as
 * Alertmanager expects of a source that still sees the alert (else it resolves it by itself at that end).
 */
final class ActiveAlerts {
    /** Alertmanager keeps an alert firing this many re-post intervals past each post: a missed post or two is fine. */
    static final int ENDS_AFTER_REPOSTS = 4;

    private final Duration activeFor;
    private final Duration repostEvery;
    private final Map<String, Entry> byId = new HashMap<>();

    private static final class Entry {
        final AlertRecord alert;
        final int partition;
        final Instant activeUntil;
        Instant postedAt;

        Entry(AlertRecord alert, int partition, Instant activeUntil) {
            this.alert = alert;
            this.partition = partition;
            this.activeUntil = activeUntil;
        }
    }

    ActiveAlerts(Duration activeFor, Duration repostEvery) {
        this.activeFor = activeFor;
        this.repostEvery = repostEvery;
    }

    /** The end an alert written at {@code writtenAt} gets in a post at {@code now}: past when it is no longer active. */
    Instant endsAt(Instant writtenAt, Instant now) {
        Instant activeUntil = writtenAt.plus(activeFor);
        Instant horizon = now.plus(repostEvery.multipliedBy(ENDS_AFTER_REPOSTS));
        return activeUntil.isBefore(horizon) ? activeUntil : horizon;
    }

    /**
     * Takes in a record read from the topic and returns what to post for it now, or null when it is over (written
     * longer than {@code activeFor} ago): a later record of the same id replaces the earlier, a resolution ends it.
     */
    PostableAlert take(AlertRecord alert, int partition, Instant writtenAt, Instant now, AlertLinks links) {
        if (alert.resolved()) {
            byId.remove(alert.alertId());
            return PostableAlert.of(alert, links, alert.resolvedAt().isAfter(now) ? now : alert.resolvedAt());
        }
        Instant activeUntil = writtenAt.plus(activeFor);
        if (!activeUntil.isAfter(now)) return null;
        Entry entry = new Entry(alert, partition, activeUntil);
        entry.postedAt = now;
        byId.put(alert.alertId(), entry);
        return PostableAlert.of(alert, links, endsAt(writtenAt, now));
    }

    /**
     * The active alerts due for a re-post at {@code now} (posted {@code repostEvery} ago or more), marked as posted;
     * alerts whose time is over are dropped and given one last post that ends them at their end.
     */
    List<PostableAlert> due(Instant now, AlertLinks links) {
        List<PostableAlert> out = new ArrayList<>();
        for (Iterator<Entry> it = byId.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (!e.activeUntil.isAfter(now)) {
                it.remove();
                out.add(PostableAlert.of(e.alert, links, e.activeUntil));
            } else if (!e.postedAt.plus(repostEvery).isAfter(now)) {
                e.postedAt = now;
                Instant horizon = now.plus(repostEvery.multipliedBy(ENDS_AFTER_REPOSTS));
                out.add(PostableAlert.of(e.alert, links, e.activeUntil.isBefore(horizon) ? e.activeUntil : horizon));
            }
        }
        return out;
    }

    /** Forgets the alerts of partitions this forwarder no longer reads: their new reader takes them over. */
    void dropPartitions(Collection<Integer> partitions) {
        Set<Integer> gone = Set.copyOf(partitions);
        byId.values().removeIf(e -> gone.contains(e.partition));
    }

    int size() {
        return byId.size();
    }
}

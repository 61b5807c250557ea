package io.stockflow.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The most recent alerts, newest first by event time, at most a fixed number: the oldest is dropped when a newer one
 * comes. Alert ids are deterministic, so a repeat of one (a replay, an at-least-once resend) is kept once.
 */
public final class AlertLog {
    private record Key(long eventTimeMillis, String alertId) {}

    private static final Comparator<Key> NEWEST_FIRST =
            Comparator.comparingLong(Key::eventTimeMillis).reversed().thenComparing(Key::alertId);

    private final int capacity;
    private final ConcurrentSkipListMap<Key, StoredAlert> alerts = new ConcurrentSkipListMap<>(NEWEST_FIRST);
    private final Map<String, Key> keys = new ConcurrentHashMap<>();

    public AlertLog(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Keeps the alert; false when it is a repeat. A later revision of an alert held replaces it (and is not a repeat,
     * but the caller counts an alert once: check {@link #holds} first). Only the materializing thread calls this.
     */
    public boolean add(StoredAlert alert) {
        Key held = keys.get(alert.alertId());
        if (held != null) {
            StoredAlert old = alerts.get(held);
            if (old == null || alert.revision() <= old.revision()) return false;
            alerts.remove(held);
            keys.remove(alert.alertId());
        }
        Key key = new Key(alert.eventTimeMillis(), alert.alertId());
        keys.put(alert.alertId(), key);
        alerts.put(key, alert);
        while (alerts.size() > capacity) {
            Map.Entry<Key, StoredAlert> oldest = alerts.pollLastEntry();
            if (oldest == null) break;
            keys.remove(oldest.getKey().alertId());
        }
        return true;
    }

    /** One page of the alerts that match, newest first, and how many match in all. */
    public Page query(AlertQuery q) {
        List<StoredAlert> page = new ArrayList<>();
        int matched = 0;
        for (StoredAlert a : alerts.values()) {
            if (q.sinceMillis() != null && a.eventTimeMillis() < q.sinceMillis()) break;
            if (!q.matches(a)) continue;
            if (matched >= q.offset() && page.size() < q.limit()) page.add(a);
            matched++;
        }
        return new Page(page, matched);
    }

    /** Whether an alert of this id is held. */
    public boolean holds(String alertId) {
        return keys.containsKey(alertId);
    }

    /** The open alerts, newest first, at most {@code limit}, and how many are open in all. */
    public Page open(int limit) {
        List<StoredAlert> page = new ArrayList<>();
        int open = 0;
        for (StoredAlert a : alerts.values()) {
            if (!a.open()) continue;
            if (page.size() < limit) page.add(a);
            open++;
        }
        return new Page(page, open);
    }

    public int size() {
        return alerts.size();
    }

    public record Page(List<StoredAlert> alerts, int matched) {}
}

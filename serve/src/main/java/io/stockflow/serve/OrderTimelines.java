package io.stockflow.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every order's records from the output topics, and an index from marketplace order numbers to orders. Bounded by a
 * number of orders: when more are held, the order seen first is dropped whole, so memory stays flat on a long-running
 * shop while recent orders answer in full. Records repeated on a topic (at-least-once outputs, replays) count once.
 */
public final class OrderTimelines {
    private static final Comparator<TimelineEntry> IN_EVENT_TIME =
            Comparator.comparingLong(TimelineEntry::eventTimeMillis).thenComparing(TimelineEntry::kind);

    private final int maxOrders;
    private final Map<String, Timeline> orders = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> firstSeen = new ConcurrentLinkedQueue<>();
    private final Map<String, Set<String>> byMarketplaceNumber = new ConcurrentHashMap<>();

    public OrderTimelines(int maxOrders) {
        this.maxOrders = maxOrders;
    }

    private static final class Timeline {
        final List<TimelineEntry> entries = new ArrayList<>(4);
        volatile String channel;
        volatile String marketplaceOrderId;
    }

    /** Adds a record to the order's timeline; false when it is a repeat. Only the materializing thread calls this. */
    public boolean add(String orderId, TimelineEntry entry) {
        Timeline t = orders.get(orderId);
        if (t == null) {
            t = new Timeline();
            orders.put(orderId, t);
            firstSeen.add(orderId);
            evictBeyondBound();
        }
        synchronized (t) {
            for (TimelineEntry e : t.entries) if (e.kind() == entry.kind() && e.id().equals(entry.id())) return false;
            t.entries.add(entry);
        }
        return true;
    }

    /** Records the order's channel and marketplace order number, for the order's header and the search. */
    public void describe(String orderId, String channel, String marketplaceOrderId) {
        Timeline t = orders.get(orderId);
        if (t == null) return;
        if (channel != null) t.channel = channel;
        if (marketplaceOrderId != null && t.marketplaceOrderId == null) {
            t.marketplaceOrderId = marketplaceOrderId;
            byMarketplaceNumber
                    .computeIfAbsent(marketplaceOrderId, k -> ConcurrentHashMap.newKeySet())
                    .add(orderId);
        }
    }

    /** The order's records in event-time order (ties: order events, decisions, notifications, alerts); null if unknown. */
    public List<TimelineEntry> timeline(String orderId) {
        Timeline t = orders.get(orderId);
        if (t == null) return null;
        List<TimelineEntry> copy;
        synchronized (t) {
            copy = new ArrayList<>(t.entries);
        }
        copy.sort(IN_EVENT_TIME);
        return copy;
    }

    public String channel(String orderId) {
        Timeline t = orders.get(orderId);
        return t == null ? null : t.channel;
    }

    public String marketplaceOrderId(String orderId) {
        Timeline t = orders.get(orderId);
        return t == null ? null : t.marketplaceOrderId;
    }

    /** The canonical ids of the orders with this marketplace order number (one per channel that used it). */
    public List<String> withMarketplaceNumber(String number) {
        Set<String> ids = byMarketplaceNumber.get(number);
        if (ids == null) return List.of();
        List<String> out = new ArrayList<>(ids);
        out.sort(null);
        return out;
    }

    public int size() {
        return orders.size();
    }

    private void evictBeyondBound() {
        while (orders.size() > maxOrders) {
            String oldest = firstSeen.poll();
            if (oldest == null) return;
            Timeline gone = orders.remove(oldest);
            if (gone != null && gone.marketplaceOrderId != null) {
                Set<String> ids = byMarketplaceNumber.get(gone.marketplaceOrderId);
                if (ids != null) {
                    ids.remove(oldest);
                    if (ids.isEmpty()) byMarketplaceNumber.remove(gone.marketplaceOrderId);
                }
            }
        }
    }
}

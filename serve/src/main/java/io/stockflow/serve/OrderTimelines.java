package io.stockflow.serve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
    /** Marketplace order number to the canonical ids using it: mostly one, an array since a set costs ten times more. */
    private final Map<String, String[]> byMarketplaceNumber = new ConcurrentHashMap<>();

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
            for (TimelineEntry e : t.entries)
                if (e.kind() == entry.kind() && e.idDigest() == entry.idDigest()) return false;
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
            byMarketplaceNumber.merge(marketplaceOrderId, new String[] {orderId}, OrderTimelines::union);
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
        String[] ids = byMarketplaceNumber.get(number);
        if (ids == null) return List.of();
        List<String> out = new ArrayList<>(Arrays.asList(ids));
        out.sort(null);
        return out;
    }

    private static String[] union(String[] held, String[] added) {
        for (String id : held) if (id.equals(added[0])) return held;
        String[] both = Arrays.copyOf(held, held.length + 1);
        both[held.length] = added[0];
        return both;
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
                byMarketplaceNumber.computeIfPresent(gone.marketplaceOrderId, (k, ids) -> {
                    String[] left =
                            Arrays.stream(ids).filter(id -> !id.equals(oldest)).toArray(String[]::new);
                    return left.length == 0 ? null : left;
                });
            }
        }
    }
}

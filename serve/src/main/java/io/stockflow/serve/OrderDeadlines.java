package io.stockflow.serve;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Joins what the reports' on-time rates need of an order from two topics: its channel and deadlines (from its
 * canonical events) and the location it ships from (the first location of its decision; {@link #UNALLOCATED} when
 * nothing was reserved). Once both are known the order counts as due to ship and to deliver on its deadlines' days, at
 * that location and channel, once. Bounded: at most {@code maxOrders} orders, the first seen dropped first (an order
 * dropped before its other half arrives is not counted as due).
 */
final class OrderDeadlines {
    static final String UNALLOCATED = "(unallocated)";

    private static final class Facts {
        String channel;
        Long shipBy;
        Long deliverBy;
        String location;
        boolean counted;
    }

    private final int maxOrders;
    private final DailyReports reports;
    private final LinkedHashMap<String, Facts> orders = new LinkedHashMap<>();

    OrderDeadlines(int maxOrders, DailyReports reports) {
        this.maxOrders = maxOrders;
        this.reports = reports;
    }

    /** Only the materializing thread calls these. */
    void deadlines(String orderId, String channel, Long shipBy, Long deliverBy) {
        Facts f = facts(orderId);
        if (f.counted) return;
        if (channel != null) f.channel = channel;
        if (shipBy != null) f.shipBy = shipBy;
        if (deliverBy != null) f.deliverBy = deliverBy;
        countWhenComplete(f);
    }

    void location(String orderId, String location, String channel) {
        Facts f = facts(orderId);
        if (f.counted) return;
        if (f.location == null) f.location = location == null ? UNALLOCATED : location;
        if (f.channel == null) f.channel = channel;
        countWhenComplete(f);
    }

    int size() {
        return orders.size();
    }

    private void countWhenComplete(Facts f) {
        if (f.location == null || f.channel == null || (f.shipBy == null && f.deliverBy == null)) return;
        if (f.shipBy != null) reports.add(f.shipBy, DailyReports.Counter.SHIP_DUE, 1, f.location, f.channel);
        if (f.deliverBy != null) reports.add(f.deliverBy, DailyReports.Counter.DELIVERY_DUE, 1, f.location, f.channel);
        f.counted = true;
    }

    private Facts facts(String orderId) {
        Facts f = orders.get(orderId);
        if (f == null) {
            f = new Facts();
            orders.put(orderId, f);
            Iterator<Map.Entry<String, Facts>> oldest = orders.entrySet().iterator();
            while (orders.size() > maxOrders && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
        return f;
    }
}

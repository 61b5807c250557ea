package io.stockflow.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A HashMap-backed {@link LedgerStore} for unit tests.
 *
 * <p>By default it hands out and keeps copies, like a serializing state backend (RocksDB): a ledger that mutates a
 * value without putting it back loses the change, and the tests see it. With {@code copying = false} it shares
 * references, like the heap backend.
 */
final class InMemoryLedgerStore implements LedgerStore {
    private final Map<String, Position> positions = new HashMap<>();
    private final Map<String, OrderHold> holds = new HashMap<>();
    private final Map<String, Backorder> backorders = new HashMap<>();
    private BackorderTally tally;
    private final Map<String, PositionHistory> histories = new HashMap<>();
    private final boolean copying;

    InMemoryLedgerStore() {
        this(true);
    }

    InMemoryLedgerStore(boolean copying) {
        this.copying = copying;
    }

    @Override
    public Position position(String location) {
        return copyOf(positions.get(location));
    }

    @Override
    public void putPosition(String location, Position position) {
        positions.put(location, copyOf(position));
    }

    @Override
    public Iterable<Map.Entry<String, Position>> positions() {
        List<Map.Entry<String, Position>> entries = new ArrayList<>();
        for (Map.Entry<String, Position> e : positions.entrySet())
            entries.add(Map.entry(e.getKey(), copyOf(e.getValue())));
        return entries;
    }

    @Override
    public OrderHold hold(String orderId) {
        return copyOf(holds.get(orderId));
    }

    @Override
    public void putHold(String orderId, OrderHold hold) {
        holds.put(orderId, copyOf(hold));
    }

    @Override
    public void removeHold(String orderId) {
        holds.remove(orderId);
    }

    @Override
    public Iterable<Map.Entry<String, OrderHold>> holds() {
        List<Map.Entry<String, OrderHold>> entries = new ArrayList<>();
        for (Map.Entry<String, OrderHold> e : holds.entrySet())
            entries.add(Map.entry(e.getKey(), copyOf(e.getValue())));
        return entries;
    }

    @Override
    public Backorder backorder(String orderId) {
        return copyOf(backorders.get(orderId));
    }

    @Override
    public void putBackorder(String orderId, Backorder backorder) {
        backorders.put(orderId, copyOf(backorder));
    }

    @Override
    public void removeBackorder(String orderId) {
        backorders.remove(orderId);
    }

    @Override
    public Iterable<Map.Entry<String, Backorder>> backorders() {
        List<Map.Entry<String, Backorder>> entries = new ArrayList<>();
        for (Map.Entry<String, Backorder> e : backorders.entrySet())
            entries.add(Map.entry(e.getKey(), copyOf(e.getValue())));
        return entries;
    }

    @Override
    public BackorderTally backorderTally() {
        return copyOf(tally);
    }

    @Override
    public void putBackorderTally(BackorderTally tally) {
        this.tally = copyOf(tally);
    }

    @Override
    public PositionHistory history(String location) {
        return copyOf(histories.get(location));
    }

    @Override
    public void putHistory(String location, PositionHistory history) {
        histories.put(location, copyOf(history));
    }

    /** The orders waiting in the backorder queue, oldest first. */
    List<String> waiting() {
        List<Backorder> queue = new ArrayList<>(backorders.values());
        queue.sort(Backorder::compare);
        List<String> ids = new ArrayList<>();
        for (Backorder b : queue) ids.add(b.orderId);
        return ids;
    }

    /** The locations with a position, without the "*" total. */
    List<String> locations() {
        List<String> locations = new ArrayList<>(positions.keySet());
        locations.remove(SkuLedger.ALL_LOCATIONS);
        locations.sort(null);
        return locations;
    }

    int holdCount() {
        return holds.size();
    }

    private Position copyOf(Position p) {
        return p == null || !copying ? p : p.copy();
    }

    private PositionHistory copyOf(PositionHistory h) {
        if (h == null || !copying) return h;
        PositionHistory c = new PositionHistory();
        c.counted = h.counted;
        c.countTime = h.countTime;
        c.countKey = h.countKey;
        c.newest = h.newest;
        c.forgottenUpTo = h.forgottenUpTo;
        for (StockChange s : h.changes) c.changes.add(new StockChange(s.eventTime, s.sequenceKey, s.delta));
        return c;
    }

    private Backorder copyOf(Backorder b) {
        if (b == null || !copying) return b;
        Backorder c = new Backorder();
        c.orderId = b.orderId;
        c.channel = b.channel;
        c.orderTime = b.orderTime;
        c.route = b.route;
        return c;
    }

    private BackorderTally copyOf(BackorderTally t) {
        if (t == null || !copying) return t;
        BackorderTally c = new BackorderTally();
        c.waiting = t.waiting;
        c.turnedAway = t.turnedAway;
        return c;
    }

    private OrderHold copyOf(OrderHold h) {
        if (h == null || !copying) return h;
        OrderHold c = new OrderHold();
        c.placed = h.placed;
        c.cancelled = h.cancelled;
        c.ordered = h.ordered;
        c.shipped = h.shipped;
        c.backordered = h.backordered;
        for (Allocation a : h.holds) c.holds.add(new Allocation(a.location, a.quantity));
        c.lastShipLocation = h.lastShipLocation;
        c.settledAt = h.settledAt;
        c.decisionId = h.decisionId;
        return c;
    }
}

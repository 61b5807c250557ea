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

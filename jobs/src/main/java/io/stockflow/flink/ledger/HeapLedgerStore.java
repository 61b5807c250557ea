package io.stockflow.flink.ledger;

import io.stockflow.ledger.Backorder;
import io.stockflow.ledger.BackorderTally;
import io.stockflow.ledger.LedgerStore;
import io.stockflow.ledger.OrderHold;
import io.stockflow.ledger.Position;
import io.stockflow.ledger.PositionHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One SKU's ledger in plain maps, for the replay ledger: a bounded run is decided again from its input, so its ledgers
 * live in the one task that owns every SKU. Values are shared, as with Flink's heap backend.
 */
final class HeapLedgerStore implements LedgerStore {
    private final Map<String, Position> positions = new HashMap<>();
    private final Map<String, OrderHold> holds = new HashMap<>();
    private final Map<String, Backorder> backorders = new HashMap<>();
    private BackorderTally tally;
    private final Map<String, PositionHistory> histories = new HashMap<>();

    @Override
    public Position position(String location) {
        return positions.get(location);
    }

    @Override
    public void putPosition(String location, Position position) {
        positions.put(location, position);
    }

    @Override
    public Iterable<Map.Entry<String, Position>> positions() {
        return new ArrayList<>(positions.entrySet());
    }

    @Override
    public OrderHold hold(String orderId) {
        return holds.get(orderId);
    }

    @Override
    public void putHold(String orderId, OrderHold hold) {
        holds.put(orderId, hold);
    }

    @Override
    public void removeHold(String orderId) {
        holds.remove(orderId);
    }

    @Override
    public Iterable<Map.Entry<String, OrderHold>> holds() {
        // A copy: expiry removes holds while it goes over them.
        List<Map.Entry<String, OrderHold>> entries = new ArrayList<>(holds.entrySet());
        return entries;
    }

    @Override
    public Backorder backorder(String orderId) {
        return backorders.get(orderId);
    }

    @Override
    public void putBackorder(String orderId, Backorder backorder) {
        backorders.put(orderId, backorder);
    }

    @Override
    public void removeBackorder(String orderId) {
        backorders.remove(orderId);
    }

    @Override
    public Iterable<Map.Entry<String, Backorder>> backorders() {
        return new ArrayList<>(backorders.entrySet());
    }

    @Override
    public BackorderTally backorderTally() {
        return tally;
    }

    @Override
    public void putBackorderTally(BackorderTally tally) {
        this.tally = tally;
    }

    @Override
    public PositionHistory history(String location) {
        return histories.get(location);
    }

    @Override
    public void putHistory(String location, PositionHistory history) {
        histories.put(location, history);
    }
}

package io.stockflow.flink.ledger;

import io.stockflow.ledger.Backorder;
import io.stockflow.ledger.BackorderTally;
import io.stockflow.ledger.LedgerStore;
import io.stockflow.ledger.OrderHold;
import io.stockflow.ledger.Position;
import io.stockflow.ledger.PositionHistory;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;

/**
 * One SKU's ledger in Flink keyed state, for the length of one command. The positions (each location and "*") are
 * one value: every reservation reads them all, and one RocksDB get of a few hundred bytes costs far less than a seek
 * and a scan over one entry per location. Order holds stay one MapState entry per order: a command touches one.
 *
 * <p>Positions are read on first use and written back once, by {@link #flush()}, if the command changed any.
 * Savepoints of 0.1 kept one MapState entry per location: those move into the new value on a SKU's first command.
 * The backorder queue is one MapState entry per waiting order and its count one value: the hot path (an order that
 * is not backordered) touches neither. A position's count history is one MapState entry per location, touched by
 * on-hand changes only: reservations do not read it.
 */
final class KeyedLedgerStore implements LedgerStore {
    private final ValueState<Map<String, Position>> positions;
    private final MapState<String, Position> positionsPerLocation;
    private final MapState<String, OrderHold> holds;
    private final MapState<String, Backorder> backorders;
    private final ValueState<BackorderTally> tally;
    private final MapState<String, PositionHistory> histories;
    private Map<String, Position> table;
    private boolean changed;

    KeyedLedgerStore(
            ValueState<Map<String, Position>> positions,
            MapState<String, Position> positionsPerLocation,
            MapState<String, OrderHold> holds,
            MapState<String, Backorder> backorders,
            ValueState<BackorderTally> tally,
            MapState<String, PositionHistory> histories) {
        this.positions = positions;
        this.positionsPerLocation = positionsPerLocation;
        this.holds = holds;
        this.backorders = backorders;
        this.tally = tally;
        this.histories = histories;
    }

    /** Writes the positions back if the command changed them. */
    void flush() throws Exception {
        if (changed) positions.update(table);
        changed = false;
    }

    private Map<String, Position> table() throws Exception {
        if (table == null) {
            table = positions.value();
            if (table == null) table = fromPositionsPerLocation();
        }
        return table;
    }

    private Map<String, Position> fromPositionsPerLocation() throws Exception {
        Map<String, Position> moved = new HashMap<>();
        for (Map.Entry<String, Position> e : positionsPerLocation.entries()) moved.put(e.getKey(), e.getValue());
        if (!moved.isEmpty()) {
            positionsPerLocation.clear();
            changed = true;
        }
        return moved;
    }

    @Override
    public Position position(String location) throws Exception {
        return table().get(location);
    }

    @Override
    public void putPosition(String location, Position position) throws Exception {
        table().put(location, position);
        changed = true;
    }

    @Override
    public Iterable<Map.Entry<String, Position>> positions() throws Exception {
        return table().entrySet();
    }

    @Override
    public OrderHold hold(String orderId) throws Exception {
        return holds.get(orderId);
    }

    @Override
    public void putHold(String orderId, OrderHold hold) throws Exception {
        holds.put(orderId, hold);
    }

    @Override
    public void removeHold(String orderId) throws Exception {
        holds.remove(orderId);
    }

    @Override
    public Iterable<Map.Entry<String, OrderHold>> holds() throws Exception {
        return holds.entries();
    }

    @Override
    public Backorder backorder(String orderId) throws Exception {
        return backorders.get(orderId);
    }

    @Override
    public void putBackorder(String orderId, Backorder backorder) throws Exception {
        backorders.put(orderId, backorder);
    }

    @Override
    public void removeBackorder(String orderId) throws Exception {
        backorders.remove(orderId);
    }

    @Override
    public Iterable<Map.Entry<String, Backorder>> backorders() throws Exception {
        return backorders.entries();
    }

    @Override
    public BackorderTally backorderTally() throws Exception {
        return tally.value();
    }

    @Override
    public void putBackorderTally(BackorderTally value) throws Exception {
        tally.update(value);
    }

    @Override
    public PositionHistory history(String location) throws Exception {
        return histories.get(location);
    }

    @Override
    public void putHistory(String location, PositionHistory history) throws Exception {
        histories.put(location, history);
    }
}

package io.stockflow.ledger;

import java.util.Map;
import org.apache.flink.api.common.state.MapState;

/**
 * The ledger's state in Flink keyed MapState: one entry per location and one per order, so a command reads and writes
 * only the entries it touches (the layout RocksDB serves best).
 */
final class MapStateLedgerStore implements LedgerStore {
    private final MapState<String, Position> positions;
    private final MapState<String, OrderHold> holds;

    MapStateLedgerStore(MapState<String, Position> positions, MapState<String, OrderHold> holds) {
        this.positions = positions;
        this.holds = holds;
    }

    @Override
    public Position position(String location) throws Exception {
        return positions.get(location);
    }

    @Override
    public void putPosition(String location, Position position) throws Exception {
        positions.put(location, position);
    }

    @Override
    public Iterable<Map.Entry<String, Position>> positions() throws Exception {
        return positions.entries();
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
}

package io.stockflow.ledger;

import java.util.Map;

/**
 * Where one SKU's ledger keeps its state. Flink's keyed MapState backs it in the job; a HashMap in unit tests.
 * Values handed out may be mutated by the ledger only if it puts them back.
 */
public interface LedgerStore {
    Position position(String location) throws Exception;

    void putPosition(String location, Position position) throws Exception;

    /** All positions, including the {@link SkuLedger#ALL_LOCATIONS} total. */
    Iterable<Map.Entry<String, Position>> positions() throws Exception;

    OrderHold hold(String orderId) throws Exception;

    void putHold(String orderId, OrderHold hold) throws Exception;

    void removeHold(String orderId) throws Exception;

    Iterable<Map.Entry<String, OrderHold>> holds() throws Exception;

    /** The order's entry in the SKU's backorder queue, or null. */
    Backorder backorder(String orderId) throws Exception;

    void putBackorder(String orderId, Backorder backorder) throws Exception;

    void removeBackorder(String orderId) throws Exception;

    /** The backorder queue, in no particular order. */
    Iterable<Map.Entry<String, Backorder>> backorders() throws Exception;

    /** The queue's count, or null when it was never counted (state from before backorder queues). */
    BackorderTally backorderTally() throws Exception;

    void putBackorderTally(BackorderTally tally) throws Exception;

    /** What the position at {@code location} remembers of its counts and on-hand changes, or null (none yet). */
    PositionHistory history(String location) throws Exception;

    void putHistory(String location, PositionHistory history) throws Exception;
}

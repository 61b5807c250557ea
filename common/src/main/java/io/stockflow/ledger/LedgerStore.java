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
}

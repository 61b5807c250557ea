package io.stockflow.ledger;

/** Event-time order of the commands of one position: by event time, ties by sequence key, as a bounded run applies them. */
final class StockCountClock {
    private StockCountClock() {}

    static boolean after(long time, String key, long otherTime, String otherKey) {
        if (time != otherTime) return time > otherTime;
        return key.compareTo(otherKey) > 0;
    }
}

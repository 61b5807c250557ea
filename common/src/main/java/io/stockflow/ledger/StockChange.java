package io.stockflow.ledger;

/**
 * One change of a position's on-hand that a later-arriving stock count may still have to add to its level: the event
 * time and sequence key that place it in event-time order, and the units it added (negative: took).
 */
public class StockChange {
    public long eventTime;
    /** {@link LedgerCommand#sequenceKey()} of the command: orders changes of equal event time as a bounded run does. */
    public String sequenceKey;

    public long delta;

    public StockChange() {}

    StockChange(long eventTime, String sequenceKey, long delta) {
        this.eventTime = eventTime;
        this.sequenceKey = sequenceKey;
        this.delta = delta;
    }

    /** Whether this change comes after ({@code eventTime}, {@code sequenceKey}) in event-time order. */
    boolean after(long time, String key) {
        return StockCountClock.after(eventTime, sequenceKey, time, key);
    }
}

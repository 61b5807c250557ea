package io.stockflow.anomalies;

import io.stockflow.anomaly.RhythmSeries;

/**
 * The events of one series in one bin: how many, how many units, and the latest event time. The rhythm windows keep
 * it as their accumulator, so its class name is part of the savepoint format.
 */
public class BinCount {
    public String kind;
    public String subject;
    public long binStart;
    public long count;
    public long units;
    public long lastEventTime = Long.MIN_VALUE;

    public BinCount() {}

    public String seriesKey() {
        return RhythmSeries.key(kind, subject);
    }

    /** Sequence key for event-time sorting: the series, so ties come in a fixed order. */
    public String sequenceKey() {
        return seriesKey();
    }
}

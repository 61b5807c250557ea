package io.stockflow.flink.time;

import java.io.Serializable;

/**
 * The time stamped on decisions and alerts ({@code decided_at}, {@code detected_at}). Live it is the wall clock;
 * in a bounded replay it is the event time of what caused the decision, so that replays give identical outputs.
 */
public final class DecisionClock implements Serializable {
    private static final long serialVersionUID = 1L;

    private final boolean replay;

    public DecisionClock(boolean replay) {
        this.replay = replay;
    }

    public long now(long eventTime) {
        return replay ? eventTime : System.currentTimeMillis();
    }
}

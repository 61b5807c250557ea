package io.stockflow.flink.time;

import java.io.Serializable;

/**
 * The end of time in a bounded replay: the largest event time of the input, or {@code --until}. At the end of a
 * bounded input Flink fires every pending event-time timer; a timer past the horizon must do nothing, so that a replay
 * never reports a breach just because the input ended. Live runs have no horizon.
 */
public final class ReplayHorizon implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final ReplayHorizon LIVE = new ReplayHorizon(Long.MAX_VALUE);

    private final long until;

    public ReplayHorizon(long until) {
        this.until = until;
    }

    /** Whether a timer set for {@code timerTime} may act. */
    public boolean allows(long timerTime) {
        return timerTime <= until;
    }

    public long until() {
        return until;
    }
}

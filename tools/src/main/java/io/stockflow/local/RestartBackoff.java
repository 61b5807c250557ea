package io.stockflow.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the supervisor starts one of the cluster's processes again: at once the first time it is found gone, then, if it
 * keeps dying, after a pause that doubles from 1 s to 60 s rather than in a tight loop. A process that ran for two
 * minutes since its last start is healthy again: the next start is at once.
 */
final class RestartBackoff {
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);
    static final Duration STABLE = Duration.ofMinutes(2);

    private Duration pause = Duration.ZERO;
    private Instant lastStart = Instant.MIN;
    /** When the process, found gone, is to be started; null while it runs. */
    private Instant due;

    /**
     * The process was found gone now: schedules its start, unless one is scheduled. Returns the pause before it when
     * this call scheduled it, empty when it was already scheduled.
     */
    Optional<Duration> gone(Instant now) {
        if (due != null) return Optional.empty();
        if (Duration.between(lastStart, now).compareTo(STABLE) > 0) pause = Duration.ZERO;
        due = now.plus(pause);
        return Optional.of(pause);
    }

    /** Whether the scheduled start is due. */
    boolean due(Instant now) {
        return due != null && !now.isBefore(due);
    }

    /** The process was started now. */
    void started(Instant now) {
        lastStart = now;
        due = null;
        pause = pause.isZero() ? FIRST_PAUSE : min(pause.multipliedBy(2), LONGEST_PAUSE);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

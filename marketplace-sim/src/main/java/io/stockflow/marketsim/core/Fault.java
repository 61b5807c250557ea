package io.stockflow.marketsim.core;

import java.time.Duration;
import java.time.Instant;

/**
 * One channel's failure mode: answering normally, an outage (503), a storm of 429s carrying {@code Retry-After}, or
 * slow answers. {@code until} ends the mode by the simulator's clock; null keeps it until it is switched back.
 */
public record Fault(Kind kind, Instant until, Duration retryAfter, Duration delay) {
    public static final Fault NORMAL = new Fault(Kind.NORMAL, null, Duration.ZERO, Duration.ZERO);

    public enum Kind {
        NORMAL,
        OUTAGE,
        STORM,
        SLOW
    }

    public boolean activeAt(Instant now) {
        return kind != Kind.NORMAL && (until == null || now.isBefore(until));
    }
}

package io.stockflow.marketsim.core;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The failure mode of each channel, switched at run time through the admin API; a mode that ran out is normal again. */
public final class Faults {
    private final Clock clock;
    private final Map<Channel, Fault> faults = new EnumMap<>(Channel.class);

    public Faults(Clock clock) {
        this.clock = clock;
    }

    /** 503 for every call for {@code duration} (null: until switched back). */
    public synchronized void outage(Channel channel, Duration duration) {
        faults.put(channel, new Fault(Fault.Kind.OUTAGE, until(duration), Duration.ZERO, Duration.ZERO));
    }

    /** 429 with {@code Retry-After} for every call for {@code duration} (null: until switched back). */
    public synchronized void storm(Channel channel, Duration duration, Duration retryAfter) {
        faults.put(channel, new Fault(Fault.Kind.STORM, until(duration), retryAfter, Duration.ZERO));
    }

    /** Every answer held back by {@code delay} for {@code duration} (null: until switched back). */
    public synchronized void slow(Channel channel, Duration delay, Duration duration) {
        faults.put(channel, new Fault(Fault.Kind.SLOW, until(duration), Duration.ZERO, delay));
    }

    public synchronized void normal(Channel channel) {
        faults.remove(channel);
    }

    public synchronized void clear() {
        faults.clear();
    }

    /** The mode in force now; {@link Fault#NORMAL} when none was set or it ran out. */
    public synchronized Fault current(Channel channel) {
        Fault fault = faults.getOrDefault(channel, Fault.NORMAL);
        if (fault.activeAt(clock.instant())) return fault;
        faults.remove(channel);
        return Fault.NORMAL;
    }

    private java.time.Instant until(Duration duration) {
        return duration == null ? null : clock.instant().plus(duration);
    }
}

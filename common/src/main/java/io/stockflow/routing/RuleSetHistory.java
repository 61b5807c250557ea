package io.stockflow.routing;

import io.stockflow.json.InvalidRecordException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rule-set versions in force over time, oldest first, at most {@code capacity} of them (the oldest are dropped).
 * A version is added only when it is new and takes effect after the latest one, so the history is a strictly rising
 * sequence of {@code effective_from} times: replays look a version up by event time, live runs use the latest.
 * Not thread-safe; one instance per operator.
 */
public final class RuleSetHistory implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What {@link #add} did. */
    public enum Added {
        /** A new version, now the latest. */
        ADDED,
        /** The same version with the same content was already known (a re-delivered record): nothing changed. */
        UNCHANGED
    }

    private final int capacity;
    private final List<RuleSet> versions = new ArrayList<>();

    public RuleSetHistory(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        this.capacity = capacity;
    }

    /**
     * Adds a version. Refused, with the reason, when its version id is known with other content, or when it does not
     * take effect after the latest version (an older or equal {@code effective_from}): the version in force stays.
     */
    public Added add(RuleSet ruleSet) throws InvalidRecordException {
        for (RuleSet known : versions) {
            if (known.version().equals(ruleSet.version())) {
                if (known.equals(ruleSet)) return Added.UNCHANGED;
                throw new InvalidRecordException("rule set version " + ruleSet.version()
                        + " is already in use with different content; a changed rule set needs a new version");
            }
        }
        RuleSet latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (latest != null && ruleSet.effectiveFrom() <= latest.effectiveFrom()) {
            throw new InvalidRecordException("rule set version " + ruleSet.version() + " takes effect at "
                    + java.time.Instant.ofEpochMilli(ruleSet.effectiveFrom()) + ", not after version "
                    + latest.version()
                    + " in force from " + java.time.Instant.ofEpochMilli(latest.effectiveFrom()));
        }
        versions.add(ruleSet);
        while (versions.size() > capacity) versions.remove(0);
        return Added.ADDED;
    }

    /** For live decisions: the newest version, whatever its effective time; empty before the first arrives. */
    public Optional<RuleSet> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /**
     * For replays: the version in force at {@code eventTime} (the last with {@code effectiveFrom <= eventTime}); empty
     * when the time lies before every version kept.
     */
    public Optional<RuleSet> inForceAt(long eventTime) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).effectiveFrom() <= eventTime) return Optional.of(versions.get(i));
        }
        return Optional.empty();
    }

    /** The versions kept, oldest first. */
    public List<RuleSet> versions() {
        return List.copyOf(versions);
    }
}

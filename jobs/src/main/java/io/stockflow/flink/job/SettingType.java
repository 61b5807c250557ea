package io.stockflow.flink.job;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.util.TimeUtils;

/**
 * The kinds of value a job setting takes, as people write them on the command line and in {@code config.yaml}: what
 * the reference calls them, whether a flag repeats, and how a value is written back (a duration as {@code 7d}, which
 * Flink reads again).
 */
public enum SettingType {
    LONG("long", "a whole number"),
    INT("int", "a whole number"),
    DOUBLE("double", "a number"),
    BOOLEAN("boolean", "true or false"),
    DURATION("duration", "a duration (examples: 500ms, 10s, 5m, 2h, 7d)"),
    /** One of the values the description lists. */
    CHOICE("choice", "one of the values listed"),
    FILE("path", "a file"),
    /** A list; on the command line its flag repeats, in config.yaml a YAML list. */
    FILES("list of paths", "a file"),
    /** A map; on the command line {@code KEY=VALUE}, repeated; in config.yaml a nested map under the key. */
    DURATION_BY_SKU("map of SKU to duration", "a duration (examples: 500ms, 10s, 5m, 2h, 7d)"),
    /** A map as {@link #DURATION_BY_SKU}, from a channel to a location id. */
    LOCATION_BY_CHANNEL("map of channel to location", "a location id");

    /** What the reference calls the type. */
    public final String name;
    /** What one value must be, for error messages. */
    public final String expected;

    SettingType(String name, String expected) {
        this.name = name;
        this.expected = expected;
    }

    boolean repeatable() {
        return this == FILES || isMap();
    }

    /** Whether values are a map, whose entries a config.yaml may also give as keys under the setting's key. */
    boolean isMap() {
        return this == DURATION_BY_SKU || this == LOCATION_BY_CHANNEL;
    }

    /** A value as people write it, or null for none (an empty list or map is no value either). */
    public String format(Object value) {
        if (value == null) return null;
        if (value instanceof Duration) return format((Duration) value);
        if (value instanceof Collection) {
            Collection<?> values = (Collection<?>) value;
            return values.isEmpty()
                    ? null
                    : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (value instanceof Map) {
            Map<?, ?> entries = (Map<?, ?>) value;
            return entries.isEmpty()
                    ? null
                    : entries.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    /** The largest unit that divides the duration: {@code 7d}, {@code 1m}, {@code 500ms}. */
    static String format(Duration d) {
        for (var unit : List.of(
                Map.entry(ChronoUnit.DAYS, "d"),
                Map.entry(ChronoUnit.HOURS, "h"),
                Map.entry(ChronoUnit.MINUTES, "m"),
                Map.entry(ChronoUnit.SECONDS, "s"))) {
            Duration size = unit.getKey().getDuration();
            if (!d.isZero() && d.toNanos() % size.toNanos() == 0) return d.dividedBy(size) + unit.getValue();
        }
        return d.isZero() ? "0s" : d.toMillis() + "ms";
    }

    /** Parses a duration the way Flink reads one from {@code config.yaml}. */
    static Duration parseDuration(String text) {
        return TimeUtils.parseDuration(text);
    }
}

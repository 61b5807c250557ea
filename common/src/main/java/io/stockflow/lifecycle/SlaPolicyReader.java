package io.stockflow.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code sla-policy.json}. Every error names the field: a policy that does not read stops the job at start,
 * never half-way. Durations are ISO-8601 ({@code PT4H}, {@code P7D}); times of day {@code HH:MM}; weekdays
 * {@code MON}..{@code SUN}; time zones by region id ({@code Europe/Berlin}).
 */
public final class SlaPolicyReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlaPolicyReader() {}

    public static SlaPolicy read(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("SLA policy is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("SLA policy must be a JSON object");
        Map<String, WorkingCalendar> calendars = new HashMap<>();
        JsonNode defaults = object(root, "locations").get(SlaPolicy.DEFAULT);
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        object(root, "locations").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            calendars.put(e.getKey(), calendar("locations." + e.getKey(), e.getValue(), defaults));
        }
        Map<String, ServicePromise> promises = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(root, "channels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "channels." + e.getKey();
            promises.put(
                    e.getKey(),
                    new ServicePromise(
                            days(path + ".handling_days", e.getValue().get("handling_days")),
                            days(path + ".transit_days", e.getValue().get("transit_days"))));
        }
        Map<Stage, Duration> stuck = new EnumMap<>(Stage.class);
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        object(root, "stuck_after").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Stage stage;
            try {
                stage = Stage.valueOf(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("stuck_after." + e.getKey() + ": not a stage");
            }
            stuck.put(stage, duration("stuck_after." + e.getKey(), e.getValue()));
        }
        JsonNode rate = object(root, "breach_rate");
        BreachRatePolicy breachRate = new BreachRatePolicy(
                duration("breach_rate.window", rate.get("window")),
                duration("breach_rate.slide", rate.get("slide")),
                number("breach_rate.threshold", rate.get("threshold")),
                (long) number("breach_rate.min_orders", rate.get("min_orders")));
        return new SlaPolicy(
                text("version", root.get("version")),
                calendars,
                promises,
                time("deliver_by_time", root.get("deliver_by_time")),
                weekdays("delivery_days", root.get("delivery_days")),
                duration("at_risk_before_ship_by", root.get("at_risk_before_ship_by")),
                stuck,
                duration("retention_after_final", root.get("retention_after_final")),
                duration("idle_retention", root.get("idle_retention")),
                duration("tracking_link_wait", root.get("tracking_link_wait")),
                breachRate);
    }

    /** A location's calendar; fields it leaves out come from the {@code default} location. */
    private static WorkingCalendar calendar(String path, JsonNode node, JsonNode defaults) {
        if (!node.isObject()) throw new IllegalArgumentException(path + " must be an object");
        try {
            ZoneId zone = ZoneId.of(text(path + ".time_zone", field(node, defaults, "time_zone")));
            Set<LocalDate> holidays = new HashSet<>();
            JsonNode h = field(node, defaults, "holidays");
            if (h != null) {
                for (JsonNode day : h) holidays.add(LocalDate.parse(day.asText()));
            }
            return new WorkingCalendar(
                    zone,
                    time(path + ".cutoff", field(node, defaults, "cutoff")),
                    time(path + ".ship_by_time", field(node, defaults, "ship_by_time")),
                    weekdays(path + ".working_days", field(node, defaults, "working_days")),
                    holidays);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage());
        }
    }

    private static JsonNode field(JsonNode node, JsonNode defaults, String name) {
        JsonNode v = node.get(name);
        return v != null || defaults == null ? v : defaults.get(name);
    }

    private static Map<String, Integer> days(String path, JsonNode node) {
        Map<String, Integer> days = new HashMap<>();
        if (node == null) return days;
        if (!node.isObject()) throw new IllegalArgumentException(path + " must be an object of service level to days");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0) {
                throw new IllegalArgumentException(path + "." + e.getKey() + " must be a whole number of days >= 0");
            }
            days.put(e.getKey(), e.getValue().asInt());
        }
        return days;
    }

    private static JsonNode object(JsonNode root, String name) {
        JsonNode v = root.get(name);
        if (v == null || !v.isObject()) throw new IllegalArgumentException(name + " must be an object");
        return v;
    }

    private static String text(String path, JsonNode v) {
        if (v == null || !v.isTextual()) throw new IllegalArgumentException(path + " must be a string");
        return v.asText();
    }

    private static double number(String path, JsonNode v) {
        if (v == null || !v.isNumber()) throw new IllegalArgumentException(path + " must be a number");
        return v.asDouble();
    }

    private static Duration duration(String path, JsonNode v) {
        try {
            Duration d = Duration.parse(text(path, v));
            if (d.isNegative()) throw new IllegalArgumentException(path + " must not be negative");
            return d;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(path + " must be an ISO-8601 duration such as PT4H or P7D");
        }
    }

    private static LocalTime time(String path, JsonNode v) {
        try {
            return LocalTime.parse(text(path, v));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(path + " must be a time of day such as 14:00");
        }
    }

    private static Set<DayOfWeek> weekdays(String path, JsonNode v) {
        if (v == null || !v.isArray() || v.isEmpty()) throw new IllegalArgumentException(path + " must list weekdays");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (JsonNode d : v) {
            DayOfWeek day = null;
            for (DayOfWeek w : DayOfWeek.values()) {
                if (w.name().startsWith(d.asText().toUpperCase()) && d.asText().length() >= 3) day = w;
            }
            if (day == null) throw new IllegalArgumentException(path + ": '" + d.asText() + "' is not a weekday");
            days.add(day);
        }
        return days;
    }
}

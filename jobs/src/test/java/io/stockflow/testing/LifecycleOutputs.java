package io.stockflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lifecycle job's outputs reduced to what must not change between runs: ids, types, subjects, templates and
 * event times; never wall-clock fields ({@code detected_at}, {@code created_at}).
 */
public final class LifecycleOutputs {
    private LifecycleOutputs() {}

    /** Alerts by id: type, severity, subject, event time and window. */
    public static Map<String, String> alerts(Collection<String> records) {
        Map<String, String> byId = new TreeMap<>();
        for (String line : records) {
            JsonNode a = Fixtures.json(line);
            String previous = byId.put(
                    a.get("alert_id").asText(),
                    a.get("type").asText() + " "
                            + a.get("severity").asText() + " " + a.get("subject") + " @"
                            + a.get("event_time").asText()
                            + (a.has("window") ? " " + a.get("window") : ""));
            if (previous != null) throw new AssertionError("alert raised twice: " + line);
        }
        return byId;
    }

    /** Notifications by id: order, type, template, branch, locale and event time. */
    public static Map<String, String> notifications(Collection<String> records) {
        Map<String, String> byId = new TreeMap<>();
        for (String line : records) {
            JsonNode n = Fixtures.json(line);
            String previous = byId.put(
                    n.get("notification_id").asText(),
                    n.get("order_id").asText() + " "
                            + n.get("type").asText() + " " + n.get("template").asText() + "/"
                            + n.get("branch").asText() + " "
                            + n.get("locale").asText() + " @"
                            + n.get("event_time").asText());
            if (previous != null) throw new AssertionError("notification sent twice: " + line);
        }
        return byId;
    }
}

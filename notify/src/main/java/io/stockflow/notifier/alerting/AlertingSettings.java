package io.stockflow.notifier.alerting;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alert forwarder's settings (keys in {@link #KEYS}, documented in docs/alerting.md). Without
 * {@code alertmanager.url} the forwarder does not run.
 */
public record AlertingSettings(
        URI alertmanager,
        String groupId,
        String topic,
        String deadLetterTopic,
        URI links,
        Duration activeFor,
        Duration repostEvery,
        Duration timeout,
        Duration maxBackoff) {

    /** Every key with its default. */
    public static final Map<String, String> KEYS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("alertmanager.url", "");
        d.put("alertmanager.group.id", "stockflow-alertmanager");
        d.put("topic.alerts", "alerts");
        d.put("topic.deadletter", "deadletter");
        d.put("alertmanager.links", "http://127.0.0.1:8070");
        d.put("alertmanager.active-for", "PT4H");
        d.put("alertmanager.repost-every", "PT1M");
        d.put("alertmanager.timeout", "PT10S");
        d.put("alertmanager.max-backoff", "PT30S");
        return Map.copyOf(d);
    }

    /** The settings from values that hold every key of {@link #KEYS}. */
    public static AlertingSettings from(Map<String, String> v) {
        String url = v.get("alertmanager.url");
        AlertingSettings s = new AlertingSettings(
                url.isEmpty() ? null : URI.create(url),
                v.get("alertmanager.group.id"),
                v.get("topic.alerts"),
                v.get("topic.deadletter"),
                URI.create(v.get("alertmanager.links")),
                Duration.parse(v.get("alertmanager.active-for")),
                Duration.parse(v.get("alertmanager.repost-every")),
                Duration.parse(v.get("alertmanager.timeout")),
                Duration.parse(v.get("alertmanager.max-backoff")));
        if (s.repostEvery.isNegative() || s.repostEvery.isZero() || s.activeFor.compareTo(s.repostEvery) < 0)
            throw new IllegalArgumentException(
                    "alertmanager.repost-every must be positive and at most alertmanager.active-for");
        return s;
    }

    public boolean enabled() {
        return alertmanager != null;
    }
}

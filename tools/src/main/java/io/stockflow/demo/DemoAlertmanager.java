package io.stockflow.demo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stockflow.flink.io.Topics;
import io.stockflow.local.ChildLifetime;
import io.stockflow.local.LocalAlertmanager;
import io.stockflow.local.LocalKafka;
import io.stockflow.notifier.alerting.AlertForwarder;
import io.stockflow.notifier.alerting.AlertingSettings;
import io.stockflow.notifier.alerting.AlertmanagerProcess;
import io.stockflow.notifier.alerting.ForwarderMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's Alertmanager: a local process with the shipped configuration, and the alert forwarder posting the demo's
 * alerts to it; one line for the screen with its alerts and groups, read every few seconds.
 */
final class DemoAlertmanager implements AutoCloseable {
    /** What the demo says when the binary is missing: what Alertmanager would add. */
    static final String NOT_INSTALLED = "not installed (" + LocalAlertmanager.INSTALL + "); with it the demo posts"
            + " every alert to a local Alertmanager, grouped by type, channel and SKU, routed to email, chat and"
            + " PagerDuty receivers, with silences and inhibition (docs/alerting.md)";

    private static final long READ_EVERY_MS = 5_000;

    private final AlertmanagerProcess process;
    private final AlertForwarder forwarder;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private String summary = "no alert yet";
    private long nextRead;

    private DemoAlertmanager(AlertmanagerProcess process, AlertForwarder forwarder) {
        this.process = process;
        this.forwarder = forwarder;
    }

    /** Starts both, over the demo's broker; the links in the alerts point to the query API at {@code queryApi}. */
    static DemoAlertmanager start(Path projectHome, int port, URI queryApi) throws Exception {
        return start(projectHome, port, queryApi, LocalKafka.BOOTSTRAP);
    }

    static DemoAlertmanager start(Path projectHome, int port, URI queryApi, String bootstrap) throws Exception {
        AlertmanagerProcess process =
                new LocalAlertmanager(projectHome, null).start(port, System.getenv(), ChildLifetime.ENDS_WITH_LAUNCHER);
        try {
            Map<String, String> v = new LinkedHashMap<>(AlertingSettings.KEYS);
            v.put("alertmanager.url", process.url().toString());
            v.put("alertmanager.group.id", "stockflow-demo-alertmanager");
            v.put("topic.alerts", Topics.ALERTS);
            v.put("alertmanager.links", queryApi.toString());
            AlertForwarder forwarder = new AlertForwarder(
                    bootstrap,
                    Map.of(),
                    AlertingSettings.from(v),
                    new ForwarderMetrics(new SimpleMeterRegistry()),
                    Clock.systemUTC());
            forwarder.start();
            return new DemoAlertmanager(process, forwarder);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    URI url() {
        return process.url();
    }

    /**
     * Its groups and alerts, as of the last read (at most every 5 s), from its own metrics: its groups API answers
     * in seconds once it holds thousands of alerts (7 s for 10,000 on a 2-core machine), its metrics at once.
     * Alerts count as silenced or inhibited once Alertmanager processed them (after the route's group wait).
     */
    String summary(long nowMs) {
        if (nowMs < nextRead) return summary;
        nextRead = nowMs + READ_EVERY_MS;
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(process.url().resolve("/metrics"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long groups = 0;
            long alerts = 0;
            long muted = 0;
            for (String line : r.body().split("\n")) {
                if (line.startsWith("alertmanager_dispatcher_aggregation_groups ")) groups = value(line);
                else if (line.startsWith("alertmanager_alerts{state=")) {
                    alerts += value(line);
                    if (line.startsWith("alertmanager_alerts{state=\"suppressed\"}")) muted = value(line);
                }
            }
            summary = summaryLine(alerts, groups, muted);
        } catch (Exception e) {
            // The next read is in 5 s; the screen keeps the last summary until then.
        }
        return summary;
    }

    /** The screen's line for Alertmanager's counts: "1 alert in 1 group", "2 alerts in 3 groups". */
    static String summaryLine(long alerts, long groups, long muted) {
        return counted(alerts, "alert") + " in " + counted(groups, "group") + " over its receivers (" + muted
                + " silenced or inhibited)";
    }

    private static String counted(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    private static long value(String metricLine) {
        return (long) Double.parseDouble(metricLine.substring(metricLine.lastIndexOf(' ') + 1));
    }

    @Override
    public void close() throws InterruptedException {
        forwarder.close();
        process.close();
    }
}

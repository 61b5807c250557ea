package io.stockflow.notifier.alerting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The alert forwarder's meters (Prometheus names in brackets): alerts posted per reason
 * ({@code stockflow_alertmanager_posted_total}: {@code new}, {@code repost}, {@code resolved}, {@code ended}), records
 * too old to post ({@code stockflow_alertmanager_expired_total}), unreadable records
 * ({@code stockflow_alertmanager_unreadable_total}, each a dead letter), posts that failed per outcome
 * ({@code stockflow_alertmanager_post_failures_total}), post latency ({@code stockflow_alertmanager_post_latency_seconds})
 * and the alerts kept firing ({@code stockflow_alertmanager_active}).
 */
public final class ForwarderMetrics {
    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();

    public ForwarderMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("stockflow.alertmanager.active", active);
    }

    void posted(String reason, int count) {
        Counter.builder("stockflow.alertmanager.posted")
                .tag("reason", reason)
                .register(registry)
                .increment(count);
    }

    void expired() {
        registry.counter("stockflow.alertmanager.expired").increment();
    }

    void unreadable() {
        registry.counter("stockflow.alertmanager.unreadable").increment();
    }

    void postFailed(AlertmanagerClient.Outcome outcome) {
        Counter.builder("stockflow.alertmanager.post.failures")
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
    }

    void postLatency(Duration latency) {
        Timer.builder("stockflow.alertmanager.post.latency")
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
    }

    void active(int count) {
        active.set(count);
    }

    public double count(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    public int active() {
        return active.get();
    }
}

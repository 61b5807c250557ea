package io.stockflow.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's own metrics, on a Prometheus registry: requests and their latency per route and status, records
 * materialized and skipped per topic (skipped with the reason's category), the consumer lag per topic, and the size of
 * each view.
 */
public final class ServeMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public void request(String route, String method, int status, long nanos) {
        Timer.builder("stockflow.serve.requests")
                .description("HTTP requests answered, by route, method and status")
                .tag("route", route)
                .tag("method", method)
                .tag("status", String.valueOf(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    public void materialized(String topic) {
        Counter.builder("stockflow.serve.records.materialized")
                .description("Records applied to the views, by logical topic")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }

    public void skipped(String topic, String reason) {
        Counter.builder("stockflow.serve.records.skipped")
                .description("Records left out of the views (unreadable or incomplete), by logical topic and reason")
                .tag("topic", topic)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    public double skippedCount(String topic) {
        return registry.find("stockflow.serve.records.skipped").tag("topic", topic).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** Sets the records still to read on a topic, as its consumer last measured it. */
    public void lag(String topic, long records) {
        lag.computeIfAbsent(topic, t -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder("stockflow.serve.consumer.lag", value, AtomicLong::get)
                            .description("Records on the topic not yet materialized")
                            .tag("topic", t)
                            .register(registry);
                    return value;
                })
                .set(records);
    }

    public void views(AvailabilityView availability, OrderTimelines orders, AlertLog alerts) {
        Gauge.builder("stockflow.serve.view.skus", availability, AvailabilityView::skuCount)
                .register(registry);
        Gauge.builder("stockflow.serve.view.orders", orders, OrderTimelines::size)
                .register(registry);
        Gauge.builder("stockflow.serve.view.alerts", alerts, AlertLog::size).register(registry);
    }
}

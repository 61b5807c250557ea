package io.stockflow.notifier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stockflow.notifier.send.MessageChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sender's meters (Prometheus names in brackets): messages sent ({@code stockflow_notify_sent_total}), failed for
 * good ({@code stockflow_notify_failed_total}), retries ({@code stockflow_notify_retried_total}) and send latency
 * ({@code stockflow_notify_send_latency_seconds}), each per channel; dead letters per reason kind; locale fallbacks;
 * notifications held for quiet hours; notifications that waited for their contact
 * ({@code stockflow_notify_contact_waits_total}); notifications skipped because their marketplace keeps its buyers'
 * contact details ({@code stockflow_notify_skipped_total}, per reason and channel); repeats dropped;
 * claims for sending and outcomes written ({@code claimed}, {@code settled}); and the sends found interrupted at start.
 */
public final class NotifierMetrics {
    private final MeterRegistry registry;
    private final AtomicLong interrupted = new AtomicLong();

    public NotifierMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("stockflow.notify.interrupted", interrupted);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void sent(MessageChannel channel, Duration latency) {
        Counter.builder("stockflow.notify.sent")
                .tag("channel", channel.tag())
                .register(registry)
                .increment();
        Timer.builder("stockflow.notify.send.latency")
                .tag("channel", channel.tag())
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
    }

    void failed(MessageChannel channel) {
        Counter.builder("stockflow.notify.failed")
                .tag("channel", channel.tag())
                .register(registry)
                .increment();
    }

    void retried(MessageChannel channel) {
        Counter.builder("stockflow.notify.retried")
                .tag("channel", channel.tag())
                .register(registry)
                .increment();
    }

    void deadLettered(String kind) {
        Counter.builder("stockflow.notify.dead.letters")
                .tag("reason", kind)
                .register(registry)
                .increment();
    }

    /** Claims written for sending, and outcomes written: equal when no send is in flight. */
    void claimed(int count) {
        registry.counter("stockflow.notify.claimed").increment(count);
    }

    void settled() {
        registry.counter("stockflow.notify.settled").increment();
    }

    void localeFallback() {
        registry.counter("stockflow.notify.locale.fallback").increment();
    }

    void held() {
        registry.counter("stockflow.notify.held").increment();
    }

    /** A notification that found no contact for its order yet and waits for it (the grace period). */
    void waitedForContact() {
        registry.counter("stockflow.notify.contact.waits").increment();
    }

    /** A notification settled without a send because its marketplace does not share its buyers' contact details. */
    void skipped(String channel) {
        Counter.builder("stockflow.notify.skipped")
                .tag("reason", "no_buyer_contact")
                .tag("channel", channel)
                .register(registry)
                .increment();
    }

    void repeated() {
        registry.counter("stockflow.notify.repeats").increment();
    }

    void interruptedAtStart(long count) {
        interrupted.set(count);
    }

    public double count(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    public long interrupted() {
        return interrupted.get();
    }
}

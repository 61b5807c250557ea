package io.stockflow.flink.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.LifecycleOutputs;
import io.stockflow.testing.TestTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lifecycle job live on a real Kafka broker (KRaft, in-JVM) and a MiniCluster, over the week of the bounded
 * fixture: orders that ship on time, late, never, and fail delivery. Deadlines fire by watermark, as event time passes
 * in every input partition, and the exactly-once outputs a {@code read_committed} consumer reads hold the same alerts
 * and dead letters as the bounded run. Live, the warehouse's and the carriers' events race each other, so an order may
 * skip the notice of a stage it has already passed (confirmed, shipped, out for delivery); it never gets one twice,
 * nor one the bounded run would not send.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LifecycleKafkaITCase {
    @RegisterExtension
    static final KafkaPipeline PIPELINE = new KafkaPipeline();

    private static final Path FIXTURE = Fixtures.dir("lifecycle");
    private static final Path EXPECTED = FIXTURE.resolve("expected");
    /** The last instant of the fixture week: every input partition reaches it, so the watermark does. */
    private static final String LAST_EVENT = "2026-11-15T12:00:00Z";

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void deadlinesFireAsEventTimePassesAndTheOutputsMatchTheBoundedRun() throws Exception {
        TestTopics topics = PIPELINE.topics(List.of(
                        Topics.ORDERS_CANONICAL,
                        Topics.ALLOCATIONS,
                        Topics.FULFILMENT,
                        Topics.CARRIER_TRACKING,
                        Topics.ALERTS,
                        Topics.NOTIFICATIONS,
                        Topics.DEADLETTER))
                .createAll(2);
        JobOptions options = new JobOptions();
        options.set(
                StockflowOptions.SLA_POLICY, FIXTURE.resolve("sla-policy.json").toString());
        PIPELINE.start(topics, "lifecycle", options);

        // As a shop's week runs: the orders are known before the warehouse and the carriers report on them.
        // Event time stands still until every input has records, so no deadline fires early.
        feed(topics, Topics.ORDERS_CANONICAL);
        feed(topics, Topics.ALLOCATIONS);
        assertThat(topics.readCommitted(Topics.NOTIFICATIONS, r -> r.size() >= 8, WAIT))
                .as("confirmations, a cancellation and a backorder notice")
                .hasSizeGreaterThanOrEqualTo(8);
        feed(topics, Topics.FULFILMENT);
        // Carriers scan a parcel after the warehouse shipped it: wait until the shipments are linked, or a carrier
        // update could race its own shipment and the customer hear only its latest news.
        long shipped =
                LifecycleOutputs.notifications(Fixtures.lines(EXPECTED.resolve("notifications.jsonl")))
                        .values()
                        .stream()
                        .filter(n -> n.contains(" SHIPPED "))
                        .count();
        assertThat(LifecycleOutputs.notifications(topics.readCommitted(
                                Topics.NOTIFICATIONS,
                                r -> LifecycleOutputs.notifications(r).values().stream()
                                                .filter(n -> n.contains(" SHIPPED "))
                                                .count()
                                        >= shipped,
                                WAIT))
                        .values())
                .as("shipped notices before the carriers report")
                .filteredOn(n -> n.contains(" SHIPPED "))
                .hasSize((int) shipped);
        feed(topics, Topics.CARRIER_TRACKING);

        Map<String, String> expectedAlerts = LifecycleOutputs.alerts(Fixtures.lines(EXPECTED.resolve("alerts.jsonl")));
        List<String> alerts = topics.readCommitted(Topics.ALERTS, r -> r.size() >= expectedAlerts.size(), WAIT);
        assertThat(LifecycleOutputs.alerts(alerts)).isEqualTo(expectedAlerts);

        List<String> deadLetters = topics.readCommitted(Topics.DEADLETTER, r -> r.size() >= 6, WAIT);
        assertThat(deadLetters)
                .extracting(l -> Fixtures.json(l).get("source_topic").asText() + ": "
                        + Fixtures.json(l).get("error").asText())
                .containsExactlyInAnyOrderElementsOf(Fixtures.lines(EXPECTED.resolve("deadletter.txt")));

        Map<String, String> expectedNotices =
                LifecycleOutputs.notifications(Fixtures.lines(EXPECTED.resolve("notifications.jsonl")));
        long mustHave = expectedNotices.values().stream()
                .filter(LifecycleKafkaITCase::neverSkipped)
                .count();
        Map<String, String> notices = LifecycleOutputs.notifications(topics.readCommitted(
                Topics.NOTIFICATIONS,
                r -> LifecycleOutputs.notifications(r).values().stream()
                                .filter(LifecycleKafkaITCase::neverSkipped)
                                .count()
                        >= mustHave,
                WAIT));
        assertThat(expectedNotices).containsAllEntriesOf(notices);
        assertThat(notices.values())
                .as("what deadlines and the carrier cause is never skipped")
                .filteredOn(LifecycleKafkaITCase::neverSkipped)
                .containsExactlyInAnyOrderElementsOf(expectedNotices.values().stream()
                        .filter(LifecycleKafkaITCase::neverSkipped)
                        .toList());
    }

    /**
     * Notices that do not depend on which event of an order is read first. Progress notices may be skipped when a later
     * stage is already known: no confirmation of an order read after its cancellation, no "shipped" after "delivered".
     */
    private static boolean neverSkipped(String notice) {
        return !notice.contains(" ORDER_CONFIRMED ")
                && !notice.contains(" SHIPPED ")
                && !notice.contains(" OUT_FOR_DELIVERY ");
    }

    /**
     * Spreads a topic's lines of the fixture, in event-time order, over its two partitions, and sends the week's last
     * event to both, so that each partition's event time reaches the end of the week.
     */
    private static void feed(TestTopics topics, String topic) {
        List<String> lines = Fixtures.lines(FIXTURE.resolve("input").resolve(topic + ".jsonl"));
        List<List<String>> partitions = List.of(new ArrayList<>(), new ArrayList<>());
        int i = 0;
        for (String line : lines) {
            if (line.contains(LAST_EVENT)) {
                partitions.get(0).add(line);
                partitions.get(1).add(line);
            } else {
                partitions.get(i++ % 2).add(line);
            }
        }
        for (int p = 0; p < 2; p++) topics.produce(topic, p, partitions.get(p));
    }
}

package io.stockflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.flink.io.Topics;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small fixture's shop day as the cluster tests feed it to the inventory job: its topics on the test's broker
 * (under a prefix per test), its input, and its expected ledger, read back {@code read_committed}.
 */
final class SmallDay {
    static final Path INPUT = Fixtures.dir("small");
    static final Path EXPECTED = Fixtures.dir("small-expected");

    private final KafkaBroker kafka;
    private final Duration wait;

    SmallDay(KafkaBroker kafka, Duration wait) {
        this.kafka = kafka;
        this.wait = wait;
    }

    /** The raw order records of the day, in the order a shop's day sends them. */
    List<String> orders() {
        return Fixtures.lines(INPUT.resolve("orders.raw.jsonl"));
    }

    /** The inventory job's topics, named {@code prefix.<topic>}, created with one partition; logical name to name. */
    Map<String, String> createTopics(String prefix) throws Exception {
        Map<String, String> topics = new LinkedHashMap<>();
        for (String t : List.of(
                Topics.ORDERS_RAW,
                Topics.MOVEMENTS,
                Topics.FULFILMENT,
                Topics.ORDERS_CANONICAL,
                Topics.AVAILABILITY,
                Topics.ALLOCATIONS,
                Topics.ALERTS,
                Topics.DEADLETTER,
                Topics.ROUTING_RULES)) {
            topics.put(t, prefix + "." + t);
        }
        kafka.createTopics(1, topics.values());
        return topics;
    }

    /** Waits until {@code topic} holds at least {@code count} committed records. */
    void awaitRecords(String topic, int count) {
        assertThat(kafka.readCommitted(topic, r -> r.size() >= count, wait))
                .as("records on " + topic)
                .hasSizeGreaterThanOrEqualTo(count);
    }

    /** The day's outputs, read_committed: final availability, one decision per order, no record twice. */
    void assertTheExpectedLedger(Map<String, String> topics) {
        Map<String, JsonNode> expected =
                Fixtures.keyed(Fixtures.lines(EXPECTED.resolve("availability.jsonl")), "sku", "location");
        List<String> availability = kafka.readCommitted(
                topics.get(Topics.AVAILABILITY),
                records -> Fixtures.finalAvailability(records).equals(expected),
                wait);
        assertThat(Fixtures.finalAvailability(availability)).isEqualTo(expected);
        assertThat(availability)
                .as("availability versions rise by one, none repeated or skipped")
                .hasSize(Fixtures.keyed(availability, "sku", "location", "version")
                        .size());
        List<String> allocations = kafka.readCommitted(topics.get(Topics.ALLOCATIONS), r -> r.size() >= 4, wait);
        assertThat(allocations).as("one decision per order, none repeated").hasSize(4);
        assertThat(Fixtures.allocationDecisions(allocations))
                .isEqualTo(Fixtures.keyed(Fixtures.lines(EXPECTED.resolve("allocations.jsonl")), "order_id"));
        assertThat(kafka.readCommitted(topics.get(Topics.ORDERS_CANONICAL), r -> r.size() >= 5, wait))
                .hasSize(5);
        assertThat(kafka.readCommitted(topics.get(Topics.DEADLETTER), r -> r.size() >= 2, wait))
                .hasSize(2);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

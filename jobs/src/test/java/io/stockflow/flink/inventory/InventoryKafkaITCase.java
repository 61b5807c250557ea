package io.stockflow.flink.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.flink.io.TopicBinding;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.testing.FailOnceAfterCheckpoint;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.TestFlink;
import io.stockflow.testing.TestTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The inventory job live on a real Kafka broker (KRaft, in-JVM) and a Flink MiniCluster: what a {@code read_committed}
 * consumer reads from the exactly-once outputs equals the expected ledger, also when a task fails after a checkpoint.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class InventoryKafkaITCase {
    @RegisterExtension
    static final KafkaPipeline PIPELINE = new KafkaPipeline();

    private static final Path INPUT = Fixtures.dir("small");
    private static final Path EXPECTED = Fixtures.dir("small-expected");
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void exactlyOnceOutputsEqualTheExpectedLedger() throws Exception {
        runAndCheck(binding -> binding, 0);
    }

    @Test
    void aTaskFailureAfterACheckpointAppliesNoReservationTwice() throws Exception {
        runAndCheck(binding -> new FailOnceAfterCheckpoint(binding, Topics.ORDERS_RAW), 1);
        assertThat(FailOnceAfterCheckpoint.FAILED)
                .as("the injected failure happened")
                .isTrue();
    }

    private void runAndCheck(UnaryOperator<TopicBinding> wrap, int restarts) throws Exception {
        // One partition per topic keeps each input's order, as one marketplace feed would.
        TestTopics topics = PIPELINE.topics(List.of(
                        Topics.ORDERS_RAW,
                        Topics.MOVEMENTS,
                        Topics.FULFILMENT,
                        Topics.ORDERS_CANONICAL,
                        Topics.AVAILABILITY,
                        Topics.ALLOCATIONS,
                        Topics.ALERTS,
                        Topics.DEADLETTER,
                        Topics.ROUTING_RULES,
                        Topics.ROUTING_CORRECTIONS))
                .createAll(1);
        PIPELINE.start(topics, "inventory", new JobOptions(), TestFlink.jobConfiguration(restarts), wrap);

        // Fed in the order a shop's day runs: stock first, then orders, then the warehouse's shipment.
        topics.produce(Topics.MOVEMENTS, Fixtures.lines(INPUT.resolve("inventory.movements.jsonl")));
        topics.awaitRecords(Topics.AVAILABILITY, 5);
        // Orders one decision at a time: live, orders racing for the same units are decided in arrival order.
        List<String> orders = Fixtures.lines(INPUT.resolve("orders.raw.jsonl"));
        int[][] batches = {{0, 2}, {2, 3}, {3, 4}, {4, orders.size()}};
        for (int i = 0; i < batches.length; i++) {
            topics.produce(Topics.ORDERS_RAW, orders.subList(batches[i][0], batches[i][1]));
            topics.awaitRecords(Topics.ALLOCATIONS, i + 1);
        }
        topics.produce(Topics.FULFILMENT, Fixtures.lines(INPUT.resolve("fulfilment.events.jsonl")));

        Map<String, JsonNode> expected =
                Fixtures.keyed(Fixtures.lines(EXPECTED.resolve("availability.jsonl")), "sku", "location");
        List<String> availability = topics.readCommitted(
                Topics.AVAILABILITY,
                records -> Fixtures.finalAvailability(records).equals(expected),
                WAIT);
        assertThat(Fixtures.finalAvailability(availability)).isEqualTo(expected);

        List<String> allocations = topics.readCommitted(Topics.ALLOCATIONS, r -> r.size() >= 4, WAIT);
        assertThat(allocations).as("one decision per order, none repeated").hasSize(4);
        assertThat(Fixtures.allocationDecisions(allocations))
                .isEqualTo(Fixtures.keyed(Fixtures.lines(EXPECTED.resolve("allocations.jsonl")), "order_id"));
        assertThat(topics.readCommitted(Topics.ORDERS_CANONICAL, r -> r.size() >= 5, WAIT))
                .hasSize(5);
        assertThat(topics.readCommitted(Topics.DEADLETTER, r -> r.size() >= 2, WAIT))
                .hasSize(2);
    }
}

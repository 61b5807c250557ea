package io.stockflow.flink.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.graph.JobGraph;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.graph.Jobs;
import io.stockflow.flink.io.KafkaBinding;
import io.stockflow.flink.io.KafkaSettings;
import io.stockflow.flink.io.TopicBinding;
import io.stockflow.flink.io.Topics;
import io.stockflow.testing.FailOnceAfterCheckpoint;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaBroker;
import io.stockflow.testing.TestFlink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
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
    @Order(1)
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    private static final Path INPUT = Fixtures.dir("small");
    private static final Path EXPECTED = Fixtures.dir("small-expected");
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void exactlyOnceOutputsEqualTheExpectedLedger() throws Exception {
        runAndCheck("plain", binding -> binding, 0);
    }

    @Test
    void aTaskFailureAfterACheckpointAppliesNoReservationTwice() throws Exception {
        runAndCheck("failover", binding -> new FailOnceAfterCheckpoint(binding, Topics.ORDERS_RAW), 1);
        assertThat(FailOnceAfterCheckpoint.FAILED).as("the injected failure happened").isTrue();
    }

    private void runAndCheck(String prefix, Function<TopicBinding, TopicBinding> wrap, int restarts) throws Exception {
        KafkaSettings settings = new KafkaSettings(KAFKA.bootstrap());
        List<String> topics = new ArrayList<>();
        for (String t : List.of(Topics.ORDERS_RAW, Topics.MOVEMENTS, Topics.FULFILMENT, Topics.ORDERS_CANONICAL,
                Topics.AVAILABILITY, Topics.ALLOCATIONS, Topics.ALERTS, Topics.DEADLETTER, Topics.ROUTING_RULES,
                Topics.ROUTING_CORRECTIONS)) {
            settings.topicNames.put(t, prefix + "." + t);
            topics.add(prefix + "." + t);
        }
        // One partition per topic keeps each input's order, as one marketplace feed would.
        KAFKA.createTopics(1, topics);

        Configuration conf = TestFlink.jobConfiguration(restarts);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        JobGraph.wire(env, Jobs.resolve("inventory"), wrap.apply(new KafkaBinding(settings, prefix)), new JobOptions());
        JobClient job = env.executeAsync("inventory " + prefix);
        try {
            // Fed in the order a shop's day runs: stock first, then orders, then the warehouse's shipment.
            KAFKA.produce(settings.topicName(Topics.MOVEMENTS), Fixtures.lines(INPUT.resolve("inventory.movements.jsonl")));
            awaitRecords(settings, Topics.AVAILABILITY, 5);
            // Orders one decision at a time: live, orders racing for the same units are decided in arrival order.
            List<String> orders = Fixtures.lines(INPUT.resolve("orders.raw.jsonl"));
            int[][] batches = {{0, 2}, {2, 3}, {3, 4}, {4, orders.size()}};
            for (int i = 0; i < batches.length; i++) {
                KAFKA.produce(settings.topicName(Topics.ORDERS_RAW), orders.subList(batches[i][0], batches[i][1]));
                awaitRecords(settings, Topics.ALLOCATIONS, i + 1);
            }
            KAFKA.produce(settings.topicName(Topics.FULFILMENT), Fixtures.lines(INPUT.resolve("fulfilment.events.jsonl")));

            Map<String, JsonNode> expected =
                    Fixtures.keyed(Fixtures.lines(EXPECTED.resolve("availability.jsonl")), "sku", "location");
            List<String> availability = KAFKA.readCommitted(settings.topicName(Topics.AVAILABILITY),
                    records -> Fixtures.finalAvailability(records).equals(expected), WAIT);
            assertThat(Fixtures.finalAvailability(availability)).isEqualTo(expected);

            List<String> allocations = KAFKA.readCommitted(settings.topicName(Topics.ALLOCATIONS), r -> r.size() >= 4, WAIT);
            assertThat(allocations).as("one decision per order, none repeated").hasSize(4);
            assertThat(Fixtures.allocationDecisions(allocations))
                    .isEqualTo(Fixtures.keyed(Fixtures.lines(EXPECTED.resolve("allocations.jsonl")), "order_id"));
            assertThat(KAFKA.readCommitted(settings.topicName(Topics.ORDERS_CANONICAL), r -> r.size() >= 5, WAIT))
                    .hasSize(5);
            assertThat(KAFKA.readCommitted(settings.topicName(Topics.DEADLETTER), r -> r.size() >= 2, WAIT))
                    .hasSize(2);
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitRecords(KafkaSettings settings, String topic, int count) {
        List<String> read = KAFKA.readCommitted(settings.topicName(topic), r -> r.size() >= count, WAIT);
        assertThat(read).as("records on " + topic).hasSizeGreaterThanOrEqualTo(count);
    }
}

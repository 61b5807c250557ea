package io.stockflow.flink.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.io.TopicBinding;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.testing.FailOnceAfterCheckpoint;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.SmallDayFeed;
import io.stockflow.testing.TestFlink;
import io.stockflow.testing.TestTopics;
import java.time.Duration;
import java.util.List;
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

        SmallDayFeed.feed(topics);
        SmallDayFeed.awaitExpectedLedger(topics, WAIT);

        List<String> allocations = topics.readCommitted(Topics.ALLOCATIONS, r -> r.size() >= 4, WAIT);
        assertThat(allocations).as("one decision per order, none repeated").hasSize(4);
        assertThat(Fixtures.allocationDecisions(allocations))
                .isEqualTo(
                        Fixtures.keyed(Fixtures.lines(SmallDayFeed.EXPECTED.resolve("allocations.jsonl")), "order_id"));
        assertThat(topics.readCommitted(Topics.ORDERS_CANONICAL, r -> r.size() >= 5, WAIT))
                .hasSize(5);
        assertThat(topics.readCommitted(Topics.DEADLETTER, r -> r.size() >= 2, WAIT))
                .hasSize(2);
    }
}

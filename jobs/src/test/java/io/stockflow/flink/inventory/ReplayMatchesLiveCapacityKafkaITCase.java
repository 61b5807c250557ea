package io.stockflow.flink.inventory;

import static io.stockflow.flink.inventory.ReplayAgainstLive.awaitLive;
import static io.stockflow.flink.inventory.ReplayAgainstLive.awaitOpeningStock;
import static io.stockflow.flink.inventory.ReplayAgainstLive.byKey;
import static io.stockflow.flink.inventory.ReplayAgainstLive.replay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.allocation.AllocatedUnits;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.inventory.ContendedScenario.Step;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.routing.ShipmentClaims;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.TestFlink;
import io.stockflow.testing.TestTopics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For the same input in the same arrival order, a bounded run decides as live routing does also when daily capacity
 * binds (docs/design/routing.md, Bounded runs). Rule set r1 with a daily capacity at every location (WH-EAST and
 * WH-WEST 2 shipments, STORE-NYC 1). Each seed has three SKUs of its own stocked at random and three days of its own,
 * five multi-line orders a day at random times (around midnight UTC a New York day and a Los Angeles day differ), a
 * restock after the first day whose backorder fills ship and count against capacity, and a restock of each SKU at the
 * end.
 *
 * <p>Live, each record is sent once everything it causes is decided and routing has read back the capacity of every
 * decision so far: the levels on {@code routing.capacity} add up to the shipments the decisions claim, and the order
 * router has taken in every level on the topic (its {@code capacityLevelsRead} metric, read in memory). Every decision, fills included, must be the same: status, units, backorders, reason, and the
 * explanation's ranking (with the capacity left) and exclusions (with the days whose capacity was used up).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ReplayMatchesLiveCapacityKafkaITCase {
    @RegisterExtension
    static final KafkaPipeline PIPELINE = KafkaPipeline.withMetrics();

    /** Five orders a day, a receipt on the second day, opening stock of up to five units a location. */
    private static final ContendedDays CONTENDED_DAYS = new ContendedDays("P", 6, 5, true);

    private static final Instant FIRST_DAY = Instant.parse("2026-12-01T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static String rules;
    private static TestTopics topics;
    private static JobID job;

    @BeforeAll
    static void start() throws Exception {
        ReplayAgainstLive.RuleSet ruleSet = ReplayAgainstLive.withCapacity();
        rules = ruleSet.document();
        topics = PIPELINE.topics(Topics.ALL).createAll(1);
        JobOptions options = new JobOptions();
        options.set(StockflowOptions.RULES, List.of(ruleSet.file().toString()));
        job = PIPELINE.start(topics, "inventory", options).getJobID();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aReplayDecidesAsLiveDoesWhenCapacityBinds(long seed) throws Exception {
        ContendedScenario s = CONTENDED_DAYS.random(seed, FIRST_DAY.plus(4 * (seed - 1), ChronoUnit.DAYS));

        List<OrderAllocation> decisions = replay(rules, s);
        Map<String, String> replayed = byKey(decisions, ReplayAgainstLive::outcomeAndExplanation);
        List<Instant> replayedFills = decisions.stream()
                .filter(a -> a.revision > 1)
                .map(a -> Instant.ofEpochMilli(a.eventTime))
                .toList();
        assertThat(replayed.values())
                .as("seed %d: capacity binds (a location left out because its day is full)", seed)
                .anyMatch(d -> d.contains("used up"));

        topics.produce(Topics.MOVEMENTS, s.stock());
        awaitOpeningStock(topics, s);
        for (Step step : s.steps()) {
            if (step.order() != null) {
                topics.produce(Topics.ORDERS_RAW, List.of(step.order()));
                String id = "shopify:"
                        + Fixtures.json(step.order()).at("/payload/id").asText();
                awaitLive(topics, s, ReplayAgainstLive::outcomeAndExplanation, k -> k.containsKey(id + "#1"));
            } else {
                topics.produce(Topics.MOVEMENTS, List.of(step.movement()));
                // The fills it causes: as many later decisions as the replay made up to here, or, should live differ,
                // what there is when the wait ends (the comparison below then shows the difference).
                long fills = replayedFills.stream()
                        .filter(t -> !t.isAfter(step.time()))
                        .count();
                readAll(Topics.ALLOCATIONS, r -> fills(r, s) >= fills, Duration.ofSeconds(20));
            }
            awaitCapacityReadBack();
        }
        Map<String, String> live = awaitLive(
                topics,
                s,
                ReplayAgainstLive::outcomeAndExplanation,
                k -> k.keySet().containsAll(replayed.keySet()));

        assertThat(replayed.keySet()).as("seed %d: the orders' decisions", seed).containsAll(s.firstDecisions());
        assertThat(replayed)
                .as("seed %d: replayed decisions against live ones", seed)
                .isEqualTo(live);
    }

    /**
     * Waits until the order router has the capacity of every live decision so far: the latest levels on
     * {@code routing.capacity} add up to the shipments the decisions on {@code orders.allocations} claim (counted by
     * {@link ShipmentClaims}, as the job counts them), and each of the router's subtasks has taken in as many levels as
     * the topic has records ({@code capacityLevelsRead}).
     */
    private static void awaitCapacityReadBack() throws Exception {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            long claims = 0;
            for (String r : readAll(Topics.ALLOCATIONS, x -> true, Duration.ZERO)) {
                claims += ShipmentClaims.of(allocation(Fixtures.json(r))).size();
            }
            return planned(readAll(Topics.ROUTING_CAPACITY, x -> true, Duration.ZERO)) == claims;
        });
        TopicPartition levels = new TopicPartition(topics.name(Topics.ROUTING_CAPACITY), 0);
        long records;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", topics.settings().bootstrap))) {
            records = admin.listOffsets(Map.of(levels, OffsetSpec.latest()))
                    .partitionResult(levels)
                    .get()
                    .offset();
        }
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            Map<String, Metric> read = PIPELINE.metrics().findMetrics(job, ".*capacityLevelsRead");
            return read.size() == TestFlink.PARALLELISM
                    && read.values().stream().allMatch(m -> ((Counter) m).getCount() >= records);
        });
    }

    /** Shipments planned over every location and day: the latest level of each (the highest version). */
    private static long planned(List<String> levels) {
        Map<String, JsonNode> latest = new TreeMap<>();
        for (String r : levels) {
            JsonNode level = Fixtures.json(r);
            latest.merge(
                    level.get("location").asText() + "|" + level.get("day").asText(),
                    level,
                    (a, b) -> b.get("version").asLong() >= a.get("version").asLong() ? b : a);
        }
        return latest.values().stream()
                .mapToLong(l -> l.get("shipments_planned").asLong())
                .sum();
    }

    /** The parts of an {@code orders.allocations} record that say which shipments it claims. */
    private static OrderAllocation allocation(JsonNode d) {
        OrderAllocation a = new OrderAllocation();
        a.orderId = d.get("order_id").asText();
        a.ruleSetVersion = d.get("rule_set_version").asText();
        a.revision = d.path("revision").asInt(1);
        a.explanationJson = d.has("explanation") ? d.get("explanation").toString() : null;
        d.path("allocations").forEach(u -> a.allocations.add(units(u)));
        d.path("filled").forEach(u -> a.filled.add(units(u)));
        return a;
    }

    private static AllocatedUnits units(JsonNode u) {
        return new AllocatedUnits(
                u.get("sku").asText(),
                u.get("quantity").asLong(),
                u.get("location").asText());
    }

    /** The seed's later decisions (fills) among the records. */
    private static long fills(List<String> records, ContendedScenario s) {
        return records.stream()
                .map(Fixtures::json)
                .filter(d -> d.path("revision").asInt(1) > 1)
                .filter(d -> s.orderIds().contains(d.get("order_id").asText()))
                .count();
    }

    /**
     * The topic's committed records up to its end when called, read until {@code done} holds of them or
     * {@code timeout} has passed.
     */
    private static List<String> readAll(String logical, Predicate<List<String>> done, Duration timeout) {
        Properties p = new Properties();
        p.put("bootstrap.servers", topics.settings().bootstrap);
        p.put("group.id", "test-" + UUID.randomUUID());
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topics.name(logical), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (true) {
                long end = consumer.endOffsets(List.of(partition)).get(partition);
                while (consumer.position(partition) < end) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        values.add(r.value());
                    }
                }
                if (done.test(values) || System.nanoTime() >= deadline) return values;
                consumer.poll(Duration.ofMillis(100)).forEach(r -> values.add(r.value()));
            }
        }
    }
}

package io.stockflow.flink.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.flink.io.Topics;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.ShopifyOrders;
import io.stockflow.testing.TestTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rule sets at run time on a real broker (KRaft, in-JVM) and a Flink MiniCluster: a version published mid-stream
 * routes the orders decided after it without a restart; an invalid one is dead-lettered with an alert while the
 * version in force keeps deciding; orders racing for the last units never reserve more than there is.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RoutingKafkaITCase {
    @RegisterExtension
    static final KafkaPipeline PIPELINE = new KafkaPipeline();

    private static final Path RULES = Fixtures.dir("routing");
    private static final Duration WAIT = LiveRouting.WAIT;
    private static final AtomicLong PROBE_IDS = new AtomicLong(70_000);

    @Test
    void aNewRuleSetRoutesLaterOrdersAndAnInvalidOneChangesNothing() throws Exception {
        LiveRouting routing = LiveRouting.start(PIPELINE);
        TestTopics topics = routing.topics;
        topics.produce(Topics.MOVEMENTS, Fixtures.lines(RULES.resolve("inventory.movements.jsonl")));
        topics.awaitRecords(Topics.AVAILABILITY, 5);
        List<String> ruleSets = Fixtures.lines(RULES.resolve("routing.rules.jsonl"));

        routing.publishAndAwaitVersion(ruleSets.get(0), "r1", PROBE_IDS::incrementAndGet);
        JsonNode east =
                routing.decide(ShopifyOrders.placed(1, "2026-11-26T14:00:00Z", "NY", "10001", "SKU-R", 4, "40.00"));
        assertThat(east.get("rule_set_version").asText()).isEqualTo("r1");
        assertThat(east.at("/allocations/0/location").asText())
                .as("STORE-NYC has 3 after safety stock")
                .isEqualTo("WH-EAST");

        topics.produce(Topics.ROUTING_RULES, List.of(ruleSets.get(1)));
        List<String> dead = topics.readCommitted(Topics.DEADLETTER, r -> !r.isEmpty(), WAIT);
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(Fixtures.json(d).get("source_topic").asText()).isEqualTo(Topics.ROUTING_RULES);
            assertThat(Fixtures.json(d).get("error").asText()).contains("locations");
        });
        List<String> alerts = topics.readCommitted(
                Topics.ALERTS, r -> r.stream().anyMatch(a -> a.contains("RULE_SET_REJECTED")), WAIT);
        assertThat(alerts)
                .anySatisfy(a -> assertThat(Fixtures.json(a).get("message").asText())
                        .contains("r-bad")
                        .contains("goes on with version r1"));
        JsonNode stillEast =
                routing.decide(ShopifyOrders.placed(2, "2026-11-26T14:05:00Z", "NY", "10001", "SKU-R", 1, "10.00"));
        assertThat(stillEast.get("rule_set_version").asText()).isEqualTo("r1");
        assertThat(stillEast.at("/allocations/0/location").asText()).isEqualTo("STORE-NYC");

        routing.publishAndAwaitVersion(ruleSets.get(2), "r2", PROBE_IDS::incrementAndGet);
        JsonNode west =
                routing.decide(ShopifyOrders.placed(3, "2026-11-26T14:10:00Z", "NY", "10001", "SKU-R", 1, "10.00"));
        assertThat(west.get("rule_set_version").asText()).isEqualTo("r2");
        assertThat(west.at("/allocations/0/location").asText())
                .as("r2 prefers the west warehouse")
                .isEqualTo("WH-WEST");
        assertThat(west.at("/explanation/ranking/0/location").asText()).isEqualTo("WH-WEST");
    }

    @Test
    void ordersRacingForTheLastUnitsNeverReserveMoreThanThereIs() throws Exception {
        LiveRouting routing = LiveRouting.start(PIPELINE);
        TestTopics topics = routing.topics;
        topics.produce(Topics.MOVEMENTS, Fixtures.lines(RULES.resolve("inventory.movements.jsonl")));
        topics.awaitRecords(Topics.AVAILABILITY, 5);
        routing.publishAndAwaitVersion(
                Fixtures.lines(RULES.resolve("routing.rules.jsonl")).get(0), "r1", PROBE_IDS::incrementAndGet);

        // 30 orders of 1 unit for SKU-S at once; WH-EAST has 2 and WH-WEST 6: 8 units in all.
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            orders.add(ShopifyOrders.placed(
                    100 + i,
                    "2026-11-26T15:00:00Z",
                    i % 2 == 0 ? "NY" : "CA",
                    i % 2 == 0 ? "10001" : "94105",
                    "SKU-S",
                    1,
                    "10.00"));
        }
        topics.produce(Topics.ORDERS_RAW, orders);
        List<String> decided = topics.readCommitted(
                Topics.ALLOCATIONS,
                r -> r.stream().filter(a -> a.contains("SKU-S")).count() >= 30,
                WAIT);
        long reserved = decided.stream()
                .map(Fixtures::json)
                .filter(a -> a.toString().contains("SKU-S"))
                .flatMap(a -> stream(a.get("allocations")))
                .mapToLong(u -> u.get("quantity").asLong())
                .sum();
        assertThat(reserved).as("units reserved over all decisions").isEqualTo(8);

        List<String> availability = topics.readCommitted(
                Topics.AVAILABILITY,
                r -> r.stream()
                        .map(Fixtures::json)
                        .anyMatch(a -> a.get("sku").asText().equals("SKU-S")
                                && a.get("location").asText().equals("*")
                                && a.get("reserved").asLong() == 8),
                WAIT);
        assertThat(availability)
                .map(Fixtures::json)
                .allSatisfy(a -> assertThat(a.get("reserved").asLong())
                        .isLessThanOrEqualTo(a.get("on_hand").asLong()));
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}

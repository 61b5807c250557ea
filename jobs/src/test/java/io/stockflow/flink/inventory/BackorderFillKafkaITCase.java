package io.stockflow.flink.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.testing.ContractSchemas;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.ShopifyOrders;
import io.stockflow.testing.TestTopics;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Backorders fill first, live: the inventory job on a real broker and a MiniCluster. Two orders are backordered on a
 * SKU nobody has; a receipt arrives; the older order is filled whole, the newer one with what is left, each gets its
 * next decision on {@code orders.allocations} (read {@code read_committed}, valid against the schema), and the
 * availability the receipt publishes already has them reserved.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BackorderFillKafkaITCase {
    @RegisterExtension
    static final KafkaPipeline PIPELINE = new KafkaPipeline();

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aBackorderedOrderGetsANewDecisionWhenAReceiptArrives() throws Exception {
        TestTopics topics = PIPELINE.topics(Topics.ALL).createAll(1);
        PIPELINE.start(topics, "inventory", new JobOptions());

        topics.produce(
                Topics.ORDERS_RAW,
                List.of(
                        ShopifyOrders.placed(7001, "2026-11-26T10:00:00Z", "NY", "10001", "SKU-BO", 2, "20.00"),
                        ShopifyOrders.placed(7002, "2026-11-26T10:05:00Z", "NY", "10001", "SKU-BO", 2, "20.00")));
        List<String> first = topics.readCommitted(Topics.ALLOCATIONS, r -> r.size() >= 2, WAIT);
        assertThat(first)
                .extracting(r -> Fixtures.json(r).get("decision").asText())
                .containsOnly("BACKORDERED");

        topics.produce(
                Topics.MOVEMENTS,
                List.of("{\"movement_id\": \"mv-bo-1\", \"sku\": \"SKU-BO\", \"location\": \"WH-EAST\","
                        + " \"type\": \"RECEIPT\", \"quantity\": 3, \"occurred_at\": \"2026-11-26T11:00:00Z\"}"));
        List<String> all = topics.readCommitted(Topics.ALLOCATIONS, r -> r.size() >= 4, WAIT);

        assertThat(all).hasSize(4);
        assertThat(all)
                .allSatisfy(r -> assertThat(ContractSchemas.violations(Topics.ALLOCATIONS, r))
                        .as(r)
                        .isEmpty());
        JsonNode older = latest(all, "shopify:7001");
        assertThat(older.get("decision").asText()).isEqualTo("ALLOCATED");
        assertThat(older.get("revision").asInt()).isEqualTo(2);
        assertThat(older.get("allocations").toString())
                .isEqualTo("[{\"sku\":\"SKU-BO\",\"quantity\":2,\"location\":\"WH-EAST\"}]");
        assertThat(older.get("filled").toString())
                .isEqualTo("[{\"sku\":\"SKU-BO\",\"quantity\":2,\"location\":\"WH-EAST\"}]");
        assertThat(older.get("backordered").size()).isZero();
        assertThat(older.get("event_time").asText()).isEqualTo("2026-11-26T11:00:00Z");
        assertThat(older.get("reason").asText()).contains("RECEIPT mv-bo-1 at WH-EAST");
        JsonNode newer = latest(all, "shopify:7002");
        assertThat(newer.get("decision").asText()).isEqualTo("PARTIAL");
        assertThat(newer.get("revision").asInt()).isEqualTo(2);
        assertThat(newer.get("backordered").toString()).isEqualTo("[{\"sku\":\"SKU-BO\",\"quantity\":1}]");

        List<String> levels = topics.readCommitted(
                Topics.AVAILABILITY, r -> Fixtures.finalAvailability(r).containsKey("SKU-BO|WH-EAST"), WAIT);
        assertThat(levels)
                .map(Fixtures::json)
                .filteredOn(a -> a.get("location").asText().equals("WH-EAST"))
                .as("the receipt's level: the backorders already reserved, nothing offered to the channels")
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.get("on_hand").asLong()).isEqualTo(3);
                    assertThat(a.get("reserved").asLong()).isEqualTo(3);
                    assertThat(a.get("available").asLong()).isZero();
                });
    }

    /** The decision of the highest revision of an order (no revision: the first). */
    private static JsonNode latest(List<String> records, String orderId) {
        return records.stream()
                .map(Fixtures::json)
                .filter(r -> r.get("order_id").asText().equals(orderId))
                .max(Comparator.comparingInt(r -> r.path("revision").asInt(1)))
                .orElseThrow(() -> new AssertionError("no decision on " + orderId));
    }
}

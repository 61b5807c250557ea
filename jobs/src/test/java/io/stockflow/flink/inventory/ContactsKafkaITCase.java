package io.stockflow.flink.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.ShopifyOrders;
import io.stockflow.testing.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Contact details, live (docs/design/contact-details.md): the inventory job on a real broker and a MiniCluster writes
 * one {@code customers.contacts} record per order placed, with the raw email and the ship-to's time zone, and no other
 * output topic carries the raw email.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ContactsKafkaITCase {
    @RegisterExtension
    static final KafkaPipeline PIPELINE = new KafkaPipeline();

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void eachOrderPlacedGetsOneContactRecordAndNoOtherTopicCarriesIt() throws Exception {
        TestTopics topics = PIPELINE.topics(Topics.ALL).createAll(1);
        PIPELINE.start(topics, "inventory", new JobOptions());

        topics.produce(
                Topics.ORDERS_RAW,
                List.of(
                        ShopifyOrders.placed(8001, "2026-11-26T10:00:00Z", "NY", "10001", "SKU-C", 1, "20.00"),
                        ShopifyOrders.placed(8002, "2026-11-26T10:01:00Z", "CA", "94105", "SKU-C", 1, "20.00"),
                        ShopifyOrders.placed(8003, "2026-11-26T10:02:00Z", "IL", "60601", "SKU-C", 1, "20.00"),
                        ShopifyOrders.cancelled(
                                8001,
                                "2026-11-26T10:00:00Z",
                                "2026-11-26T10:03:00Z",
                                "NY",
                                "10001",
                                "SKU-C",
                                1,
                                "20.00")));
        List<String> canonical = topics.readCommitted(Topics.ORDERS_CANONICAL, r -> r.size() >= 4, WAIT);
        List<String> contacts = topics.readCommitted(Topics.CUSTOMERS_CONTACTS, r -> r.size() >= 3, WAIT);

        assertThat(contacts)
                .as("one record per order placed; the cancellation writes none")
                .hasSize(3);
        assertThat(contacts.stream()
                        .map(Fixtures::json)
                        .map(c -> c.get("order_id").asText()))
                .containsExactlyInAnyOrder("shopify:8001", "shopify:8002", "shopify:8003");
        JsonNode ca = contacts.stream()
                .map(Fixtures::json)
                .filter(c -> c.get("order_id").asText().equals("shopify:8002"))
                .findFirst()
                .orElseThrow();
        assertThat(ca.get("email").asText()).isEqualTo("buyer8002@example.com");
        assertThat(ca.get("preferred_channel").asText()).isEqualTo("email");
        assertThat(ca.get("time_zone").asText()).isEqualTo("America/Los_Angeles");

        List<String> others = new ArrayList<>(canonical);
        others.addAll(topics.readCommitted(Topics.ALLOCATIONS, r -> r.size() >= 3, WAIT));
        assertThat(others).isNotEmpty().allSatisfy(r -> assertThat(r).doesNotContain("@example.com"));
    }
}

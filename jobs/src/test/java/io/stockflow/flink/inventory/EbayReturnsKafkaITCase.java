package io.stockflow.flink.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.testing.ContractSchemas;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * eBay returns live: the inventory job on a real broker and a MiniCluster. An eBay order ships from WH-WEST; its
 * Post-Order return, received back and restockable, names the line by listing and transaction only, and its units are
 * back on WH-WEST's {@code inventory.availability} (read {@code read_committed}) under the order line's SKU; the
 * published refund has the SKU; a return of an order never seen is a dead letter with the reason.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class EbayReturnsKafkaITCase {
    @RegisterExtension
    static final KafkaPipeline PIPELINE = new KafkaPipeline();

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aRestockableEbayReturnIsBackOnTheShelfItsLineShippedFrom() throws Exception {
        TestTopics topics = PIPELINE.topics(Topics.ALL).createAll(1);
        PIPELINE.start(topics, "inventory", new JobOptions());

        topics.produce(
                Topics.MOVEMENTS,
                List.of("{\"movement_id\": \"mv-e-1\", \"sku\": \"SKU-E\", \"location\": \"WH-WEST\","
                        + " \"type\": \"RECEIPT\", \"quantity\": 5, \"occurred_at\": \"2026-11-26T08:00:00Z\"}"));
        topics.produce(Topics.ORDERS_RAW, List.of(order()));
        topics.readCommitted(Topics.ALLOCATIONS, r -> r.size() >= 1, WAIT);
        topics.produce(
                Topics.FULFILMENT,
                List.of("{\"event_id\": \"ful-e-1\", \"order_id\": \"ebay:27-10000-00001\", \"location\": \"WH-WEST\","
                        + " \"type\": \"SHIPPED\", \"lines\": [{\"sku\": \"SKU-E\", \"quantity\": 3}],"
                        + " \"carrier\": \"USPS\", \"tracking_code\": \"9400100000000000000001\","
                        + " \"occurred_at\": \"2026-11-26T12:00:00Z\"}"));
        topics.readCommitted(Topics.AVAILABILITY, r -> onHand(r, "WH-WEST") == 2, WAIT);

        topics.produce(
                Topics.ORDERS_RAW,
                List.of(
                        returned("5310000001", "27-10000-00001", "10053000000001", 2),
                        returned("5310000002", "27-99999-00009", "10053000000009", 1)));

        List<String> levels = topics.readCommitted(Topics.AVAILABILITY, r -> onHand(r, "WH-WEST") == 4, WAIT);
        assertThat(Fixtures.finalAvailability(levels)
                        .get("SKU-E|WH-WEST")
                        .get("available")
                        .asLong())
                .as("5 received, 3 shipped, 2 back")
                .isEqualTo(4);
        List<String> canonical = topics.readCommitted(Topics.ORDERS_CANONICAL, r -> r.size() >= 2, WAIT);
        JsonNode refund = canonical.stream()
                .map(Fixtures::json)
                .filter(e -> e.get("type").asText().equals("REFUNDED"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no refund on orders.canonical"));
        assertThat(refund.get("order_id").asText()).isEqualTo("ebay:27-10000-00001");
        assertThat(refund.get("lines").toString()).isEqualTo("[{\"sku\":\"SKU-E\",\"quantity\":2,\"restock\":true}]");
        assertThat(canonical)
                .allSatisfy(r -> assertThat(ContractSchemas.violations(Topics.ORDERS_CANONICAL, r))
                        .as(r)
                        .isEmpty());
        List<String> dead = topics.readCommitted(Topics.DEADLETTER, r -> r.size() >= 1, WAIT);
        assertThat(dead)
                .map(Fixtures::json)
                .extracting(d -> d.get("error").asText())
                .containsExactly("return 5310000002 is for order 'ebay:27-99999-00009', which the ingest has not seen"
                        + " (or has forgotten, stockflow.orders.ttl after its last event): the SKU of line"
                        + " 266000000011-10053000000009 is unknown");
    }

    /** The on-hand units of SKU-E at {@code location} in the newest record, or -1 before any. */
    private static long onHand(List<String> records, String location) {
        JsonNode level = Fixtures.finalAvailability(records).get("SKU-E|" + location);
        return level == null ? -1 : level.get("on_hand").asLong();
    }

    private static String order() {
        return "{\"source\":\"ebay\",\"kind\":\"order\",\"received_at\":\"2026-11-26T10:02:00Z\",\"payload\":"
                + "{\"orderId\":\"27-10000-00001\",\"creationDate\":\"2026-11-26T10:00:00.000Z\",\"lastModifiedDate\":"
                + "\"2026-11-26T10:00:05.000Z\",\"orderFulfillmentStatus\":\"NOT_STARTED\",\"orderPaymentStatus\":"
                + "\"PAID\",\"lineItems\":[{\"lineItemId\":\"10053000000001\",\"legacyItemId\":\"266000000011\","
                + "\"sku\":\"SKU-E\",\"quantity\":3,\"lineItemCost\":{\"value\":\"45.00\",\"currency\":\"USD\"}}]}}";
    }

    private static String returned(String returnId, String orderId, String transactionId, int quantity) {
        return "{\"source\":\"ebay\",\"kind\":\"return\",\"received_at\":\"2026-12-02T09:03:00Z\",\"payload\":"
                + "{\"returnId\":\"" + returnId + "\",\"orderId\":\"" + orderId + "\",\"currentType\":\"MONEY_BACK\","
                + "\"state\":\"ITEM_DELIVERED\",\"status\":\"ITEM_DELIVERED\",\"creationInfo\":{\"item\":{\"itemId\":"
                + "\"266000000011\",\"transactionId\":\"" + transactionId + "\",\"returnQuantity\":" + quantity
                + "},\"type\":\"MONEY_BACK\",\"reason\":\"NO_LONGER_NEED_ITEM\",\"creationDate\":{\"value\":"
                + "\"2026-11-29T10:00:00.000Z\"}},\"sellerTotalRefund\":{\"estimatedRefundAmount\":{\"value\":30.00,"
                + "\"currency\":\"USD\"}},\"itemReceipt\":{\"receivedDate\":{\"value\":\"2026-12-02T09:00:00.000Z\"},"
                + "\"restockable\":true}}}";
    }
}

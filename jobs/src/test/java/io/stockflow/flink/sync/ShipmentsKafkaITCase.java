package io.stockflow.flink.sync;

import static io.stockflow.flink.sync.ShipmentFixtures.allocated;
import static io.stockflow.flink.sync.ShipmentFixtures.marketplaceId;
import static io.stockflow.flink.sync.ShipmentFixtures.placed;
import static io.stockflow.flink.sync.ShipmentFixtures.rejected;
import static io.stockflow.flink.sync.ShipmentFixtures.shipped;
import static io.stockflow.flink.sync.ShipmentFixtures.tracking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.testing.ContractSchemas;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.TestFlink;
import io.stockflow.testing.TestTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shipments and cancellations reach the marketplaces from the sync job on a real broker (KRaft, in-JVM) and a
 * MiniCluster, against the marketplace simulator in this JVM: each SHIPPED event is one fulfilment on its order's
 * marketplace with the carrier and tracking number, also when the event comes twice and across a stop with a
 * savepoint and a restore; a REJECTED order is cancelled where the marketplace allows it; and a call that was on its
 * way when the savepoint was taken, and reached the marketplace, is found there after the restore, not made twice; a
 * marketplace in an outage raises {@code SHIPMENT_CONFIRM_FAILED} and gets the shipment once the outage ends.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ShipmentsKafkaITCase {
    @RegisterExtension
    static final KafkaPipeline PIPELINE = new KafkaPipeline();

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> CHANNELS = List.of("shopify", "amazon", "ebay", "woocommerce");

    @AutoClose
    static final SyncSimulator SIM = new SyncSimulator();

    @TempDir
    Path dir;

    JobClient start(TestTopics topics, int timeoutMs, String savepoint) throws Exception {
        JobOptions options = new JobOptions().set(StockflowOptions.SYNC_RETRY_AFTER, Duration.ofSeconds(1));
        options.channelEnvironment = SyncSimulator.ENV;
        Configuration configuration = TestFlink.jobConfiguration(0);
        SIM.configuration(timeoutMs).forEach(configuration::setString);
        if (savepoint != null) configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        return PIPELINE.start(topics, "sync", options, configuration, UnaryOperator.identity());
    }

    /** How often the channel's shipments show the tracking number of order {@code n}: its fulfilments of it. */
    static int fulfilments(String channel, int n) {
        String shipments = SIM.admin("/_sim/shipments").path(channel).toString();
        String number = tracking(channel, n);
        int count = 0;
        for (int at = shipments.indexOf(number); at >= 0; at = shipments.indexOf(number, at + 1)) count++;
        return count;
    }

    static Map<String, Integer> fulfilmentsEverywhere(int n) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String channel : CHANNELS) counts.put(channel, fulfilments(channel, n));
        return counts;
    }

    static Map<String, Integer> once() {
        return Map.of("shopify", 1, "amazon", 1, "ebay", 1, "woocommerce", 1);
    }

    static List<String> describe(List<String> records) {
        return records.stream()
                .map(Fixtures::json)
                .map(r -> r.get("action").asText() + " " + r.get("order_id").asText() + " "
                        + r.get("status").asText() + (r.get("found_on_channel").asBoolean() ? " found" : ""))
                .toList();
    }

    @Test
    void everyShipmentIsConfirmedOnceWithItsTrackingAcrossDuplicatesAndARestoreAndRejectedOrdersAreCancelled()
            throws Exception {
        for (String channel : CHANNELS) for (int n = 1; n <= 3; n++) ShipmentFixtures.seed(SIM, channel, n);
        TestTopics topics = PIPELINE.topics(SyncFixtures.TOPICS).createAll(2);
        JobClient job = start(topics, 1000, null);

        List<String> orders = new ArrayList<>();
        List<String> decisions = new ArrayList<>();
        List<String> shipments = new ArrayList<>();
        for (String channel : CHANNELS) {
            orders.add(placed(channel, 1));
            orders.add(placed(channel, 2));
            decisions.add(allocated(channel, 1));
            decisions.add(rejected(channel, 2));
            shipments.add(shipped(channel, 1));
            shipments.add(shipped(channel, 1)); // the warehouse sends its event twice
        }
        topics.produce(Topics.FULFILMENT, shipments); // before their orders: they wait for them
        topics.produce(Topics.ORDERS_CANONICAL, orders);
        topics.produce(Topics.ALLOCATIONS, decisions);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(fulfilmentsEverywhere(1)).isEqualTo(once()));
        JsonNode shopify = SIM.admin("/_sim/shipments").path("shopify").path("fulfillments");
        assertThat(shopify.toString()).contains("\"company\":\"UPS\"");
        List<String> sent = topics.readCommitted(Topics.CHANNEL_SHIPMENTS, r -> r.size() >= 8, WAIT);
        assertThat(sent)
                .allSatisfy(r -> assertThat(ContractSchemas.violations(Topics.CHANNEL_SHIPMENTS, r))
                        .isEmpty());
        assertThat(describe(sent))
                .containsExactlyInAnyOrder(
                        "CONFIRM_SHIPMENT shopify:450001 ACCEPTED",
                        "CONFIRM_SHIPMENT amazon:111-0000000-1000001 ACCEPTED",
                        "CONFIRM_SHIPMENT ebay:12-00000-10001 ACCEPTED",
                        "CONFIRM_SHIPMENT woocommerce:5001 ACCEPTED",
                        "CANCEL_ORDER shopify:450002 ACCEPTED",
                        "CANCEL_ORDER amazon:111-0000000-1000002 REFUSED",
                        "CANCEL_ORDER ebay:12-00000-10002 ACCEPTED",
                        "CANCEL_ORDER woocommerce:5002 ACCEPTED");
        JsonNode cancelled = SIM.admin("/_sim/cancellations");
        assertThat(cancelled.path("shopify").toString())
                .contains("gid://shopify/Order/450002")
                .contains("sold out");
        assertThat(cancelled.path("ebay").toString()).contains(marketplaceId("ebay", 2));
        assertThat(cancelled.path("woocommerce").toString()).contains("5002").contains("sold out");

        String savepoint = job.stopWithSavepoint(false, dir.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(60, TimeUnit.SECONDS);
        start(topics, 1000, savepoint);
        List<String> again = new ArrayList<>();
        for (String channel : CHANNELS) again.add(shipped(channel, 1));
        topics.produce(Topics.FULFILMENT, 0, again);
        topics.produce(Topics.ALLOCATIONS, 0, List.of(rejected("shopify", 2), rejected("woocommerce", 2)));
        List<String> third = new ArrayList<>();
        for (String channel : CHANNELS) third.add(placed(channel, 3));
        topics.produce(Topics.ORDERS_CANONICAL, third);
        List<String> thirdShipped = new ArrayList<>();
        for (String channel : CHANNELS) thirdShipped.add(shipped(channel, 3));
        topics.produce(Topics.FULFILMENT, 0, thirdShipped);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(fulfilmentsEverywhere(3)).isEqualTo(once()));
        assertThat(fulfilmentsEverywhere(1))
                .as("the first parcels, re-sent after the restore")
                .isEqualTo(once());
        // The repeated events come before the third orders' on their partition: once those are written, so would be
        // anything the repeats had sent. Nothing else may appear while the checkpoints go on.
        await().atMost(WAIT)
                .during(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(
                                describe(topics.readCommitted(Topics.CHANNEL_SHIPMENTS, r -> r.size() >= 12, WAIT)))
                        .hasSize(12)
                        .filteredOn(r -> r.contains(":450003 ")
                                || r.contains("-1000003 ")
                                || r.contains("-10003 ")
                                || r.contains(":5003 "))
                        .hasSize(4)
                        .allSatisfy(r ->
                                assertThat(r).startsWith("CONFIRM_SHIPMENT").endsWith("ACCEPTED")));
    }

    @Test
    void aConfirmationOnItsWayAtASavepointIsFoundOnTheMarketplaceAfterTheRestoreNotMadeTwice() throws Exception {
        ShipmentFixtures.seed(SIM, "ebay", 10);
        TestTopics topics = PIPELINE.topics(SyncFixtures.TOPICS).createAll(2);
        JobClient job = start(topics, 15_000, null);
        String order = marketplaceId("ebay", 10);
        SIM.fault("ebay", "{\"mode\":\"slow\",\"delayMillis\":4000}");
        String savepoint;
        try {
            topics.produce(Topics.ORDERS_CANONICAL, List.of(placed("ebay", 10)));
            topics.produce(Topics.FULFILMENT, List.of(shipped("ebay", 10)));
            // The order is read (4 s); the fulfilment is then on its way, answered 4 s later.
            await().atMost(WAIT).until(() -> {
                for (JsonNode call : SIM.admin("/_sim/calls?limit=500")) {
                    if (call.path("endpoint").asText().equals("getOrder")
                            && call.path("path").asText().endsWith(order)) return true;
                }
                return false;
            });
            savepoint = job.triggerSavepoint(dir.toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(60, TimeUnit.SECONDS);
            job.cancel().get(60, TimeUnit.SECONDS);
            assertThat(fulfilments("ebay", 10))
                    .as("still on its way at the savepoint")
                    .isZero();
            // The marketplace got the request: it makes the fulfilment, but its answer reaches no one.
            await().atMost(WAIT).until(() -> fulfilments("ebay", 10) == 1);
        } finally {
            SIM.fault("ebay", "{\"mode\":\"normal\"}");
        }

        start(topics, 15_000, savepoint);

        List<String> sent = topics.readCommitted(Topics.CHANNEL_SHIPMENTS, r -> !r.isEmpty(), WAIT);
        assertThat(describe(sent)).containsExactly("CONFIRM_SHIPMENT ebay:12-00000-10010 ACCEPTED found");
        assertThat(fulfilments("ebay", 10)).isEqualTo(1);
    }

    @Test
    void aMarketplaceInAnOutageRaisesShipmentConfirmFailedAndTheConfirmationGoesAgainAfterIt() throws Exception {
        ShipmentFixtures.seed(SIM, "ebay", 20);
        ShipmentFixtures.seed(SIM, "shopify", 20);
        TestTopics topics = PIPELINE.topics(SyncFixtures.TOPICS).createAll(2);
        start(topics, 1000, null);
        SIM.fault("ebay", "{\"mode\":\"outage\"}");
        try {
            topics.produce(Topics.ORDERS_CANONICAL, List.of(placed("ebay", 20), placed("shopify", 20)));
            topics.produce(Topics.FULFILMENT, List.of(shipped("ebay", 20), shipped("shopify", 20)));

            await().atMost(WAIT).until(() -> fulfilments("shopify", 20) == 1);
            List<String> alerts = topics.readCommitted(
                    Topics.ALERTS, r -> r.stream().anyMatch(a -> a.contains("SHIPMENT_CONFIRM_FAILED")), WAIT);
            assertThat(alerts)
                    .filteredOn(a -> a.contains("SHIPMENT_CONFIRM_FAILED"))
                    .allSatisfy(a -> {
                        assertThat(ContractSchemas.violations(Topics.ALERTS, a)).isEmpty();
                        assertThat(Fixtures.json(a).get("message").asText())
                                .contains("ebay did not take shipment ful-ebay-20")
                                .contains(tracking("ebay", 20));
                    });
            assertThat(fulfilments("ebay", 20)).isZero();
        } finally {
            SIM.fault("ebay", "{\"mode\":\"normal\"}");
        }

        // No new event: the failed call read back goes again, and eBay gets the shipment once.
        await().atMost(Duration.ofSeconds(90)).until(() -> fulfilments("ebay", 20) == 1);
        List<String> ebay = topics.readCommitted(
                Topics.CHANNEL_SHIPMENTS,
                r -> r.stream().anyMatch(c -> c.contains("ebay:") && c.contains("ACCEPTED")),
                WAIT);
        assertThat(describe(ebay))
                .filteredOn(c -> c.contains("ebay:"))
                .contains("CONFIRM_SHIPMENT ebay:12-00000-10020 FAILED")
                .last()
                .asString()
                .startsWith("CONFIRM_SHIPMENT ebay:12-00000-10020 ACCEPTED");
        assertThat(fulfilments("ebay", 20)).isEqualTo(1);
    }
}

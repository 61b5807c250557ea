package io.stockflow.flink.sync;

import static io.stockflow.flink.sync.SyncFixtures.availabilityJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.testing.ContractSchemas;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.TestFlink;
import io.stockflow.testing.TestTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync job on a real broker (KRaft, in-JVM) and a MiniCluster, pushing to the marketplace simulator in this JVM:
 * availability records in, every channel's listing converges and each push is a {@code channel.sync} record; a
 * channel in an outage holds up no other, raises {@code CHANNEL_SYNC_FAILED} and catches up after it ends, from the
 * failed pushes read back.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SyncKafkaITCase {
    @RegisterExtension
    static final KafkaPipeline PIPELINE = new KafkaPipeline();

    private static final Duration WAIT = Duration.ofSeconds(60);

    @AutoClose
    static final SyncSimulator SIM = new SyncSimulator();

    @TempDir
    Path dir;

    /** The sync job on fresh topics, with the fixture map from {@code --listings} and the simulator's channels. */
    TestTopics startSync() throws Exception {
        TestTopics topics = PIPELINE.topics(SyncFixtures.TOPICS).createAll(2);
        Path listings = Files.writeString(dir.resolve("listings.json"), SyncFixtures.LISTINGS);
        JobOptions options = new JobOptions()
                .set(StockflowOptions.LISTINGS, listings.toString())
                .set(StockflowOptions.SYNC_RETRY_AFTER, Duration.ofSeconds(1))
                .set(StockflowOptions.SYNC_RECONCILE_INTERVAL, Duration.ofSeconds(2));
        options.channelEnvironment = SyncSimulator.ENV;
        Configuration configuration = TestFlink.jobConfiguration(0);
        SIM.configuration().forEach(configuration::setString);
        PIPELINE.start(topics, "sync", options, configuration, UnaryOperator.identity());
        return topics;
    }

    static Map<String, Long> everywhere(long quantity) {
        return Map.of("shopify", quantity, "amazon", quantity, "ebay", quantity, "woocommerce", quantity);
    }

    @Test
    void ordersThatTakeASkuToZeroShowZeroOnEveryChannelAndEachPushIsRecorded() throws Exception {
        TestTopics topics = startSync();
        topics.produce(
                Topics.AVAILABILITY,
                List.of(
                        availabilityJson("MUG-1", "WH-EAST", 6, 1),
                        availabilityJson("MUG-1", "WH-WEST", 2, 1),
                        availabilityJson("MUG-1", "*", 8, 1),
                        availabilityJson("MUG-1", "WH-EAST", 0, 2), // orders take the last 6 of WH-EAST
                        availabilityJson("MUG-1", "*", 2, 2),
                        availabilityJson("MUG-1", "WH-WEST", 0, 2), // and the last 2 of WH-WEST
                        availabilityJson("MUG-1", "*", 0, 3)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(SIM.listed("MUG-1")).isEqualTo(everywhere(0)));
        List<String> pushes = topics.readCommitted(
                Topics.CHANNEL_SYNC,
                r -> r.stream()
                                .filter(p -> p.contains("\"availability_version\":6"))
                                .count()
                        >= 4,
                WAIT);
        assertThat(pushes)
                .allSatisfy(p -> assertThat(ContractSchemas.violations(Topics.CHANNEL_SYNC, p))
                        .isEmpty());
        // Version 6 (WH-EAST 2 + WH-WEST 2 + network 2) is WH-WEST's last 2 gone: the sell-out, on every channel.
        assertThat(pushes)
                .filteredOn(p -> Fixtures.json(p).get("availability_version").asLong() == 6)
                .extracting(p -> Fixtures.json(p).get("channel").asText() + "="
                        + Fixtures.json(p).get("quantity").asLong() + " "
                        + Fixtures.json(p).get("status").asText())
                .containsExactlyInAnyOrder(
                        "shopify=0 ACCEPTED", "amazon=0 ACCEPTED", "ebay=0 ACCEPTED", "woocommerce=0 ACCEPTED");
    }

    @Test
    void aChannelInAnOutageHoldsUpNoOtherRaisesChannelSyncFailedAndCatchesUpAfterIt() throws Exception {
        TestTopics topics = startSync();
        SIM.fault("amazon", "{\"mode\":\"outage\"}");
        try {
            topics.produce(
                    Topics.AVAILABILITY,
                    List.of(availabilityJson("TEE-M", "WH-WEST", 4, 1), availabilityJson("TEE-M", "*", 4, 1)));

            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(SIM.listed("TEE-M"))
                            .containsEntry("shopify", 4L)
                            .containsEntry("ebay", 4L)
                            .containsEntry("woocommerce", 4L)
                            .containsEntry("amazon", 99L));
            List<String> alerts = topics.readCommitted(
                    Topics.ALERTS, r -> r.stream().anyMatch(a -> a.contains("CHANNEL_SYNC_FAILED")), WAIT);
            assertThat(alerts)
                    .filteredOn(a -> a.contains("CHANNEL_SYNC_FAILED"))
                    .allSatisfy(a -> {
                        assertThat(ContractSchemas.violations(Topics.ALERTS, a)).isEmpty();
                        assertThat(Fixtures.json(a).get("message").asText())
                                .contains("amazon did not take quantity")
                                .contains("TEE-M");
                    });
        } finally {
            SIM.fault("amazon", "{\"mode\":\"normal\"}");
        }

        // No new availability: the failed push goes again from the answer read back, and Amazon catches up.
        await().atMost(WAIT).untilAsserted(() -> assertThat(SIM.listed("TEE-M")).isEqualTo(everywhere(4)));
        List<String> amazon = topics.readCommitted(
                Topics.CHANNEL_SYNC,
                r -> r.stream().anyMatch(p -> p.contains("\"amazon\"") && p.contains("ACCEPTED")),
                WAIT);
        assertThat(amazon)
                .filteredOn(p -> p.contains("\"amazon\""))
                .extracting(p -> Fixtures.json(p).get("status").asText())
                .contains("FAILED")
                .endsWith("ACCEPTED");

        topics.produce(
                Topics.AVAILABILITY,
                List.of(availabilityJson("TEE-M", "WH-WEST", 3, 2), availabilityJson("TEE-M", "*", 3, 2)));
        // eBay's 4 to 3 is neither a sell-out nor a return to stock: it waits for the revision budget's pace.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(SIM.listed("TEE-M"))
                        .isEqualTo(Map.of("shopify", 3L, "amazon", 3L, "ebay", 4L, "woocommerce", 3L)));
    }

    @Test
    void aQuantityChangedOnTheChannelIsFoundByReconciliationRaisesChannelDriftAndIsPushedBack() throws Exception {
        TestTopics topics = startSync();
        topics.produce(
                Topics.AVAILABILITY,
                List.of(availabilityJson("MUG-1", "WH-EAST", 7, 1), availabilityJson("MUG-1", "*", 7, 1)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(SIM.listed("MUG-1")).isEqualTo(everywhere(7)));

        // Someone edits the listing on Shopify's side: no availability changes, so only a read-back can tell.
        SIM.set("MUG-1", "shopify", 42);

        List<String> alerts =
                topics.readCommitted(Topics.ALERTS, r -> r.stream().anyMatch(a -> a.contains("CHANNEL_DRIFT")), WAIT);
        assertThat(alerts)
                .filteredOn(a -> a.contains("CHANNEL_DRIFT"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(ContractSchemas.violations(Topics.ALERTS, a)).isEmpty();
                    assertThat(Fixtures.json(a).at("/subject/channel").asText()).isEqualTo("shopify");
                    assertThat(Fixtures.json(a).get("message").asText())
                            .contains("shopify lists 42 of SKU MUG-1", "stockflow pushed 7");
                });
        await().atMost(WAIT).untilAsserted(() -> assertThat(SIM.listed("MUG-1")).isEqualTo(everywhere(7)));
        List<String> records =
                topics.readCommitted(Topics.CHANNEL_SYNC, r -> r.stream().anyMatch(p -> p.contains("\"DRIFT\"")), WAIT);
        assertThat(records)
                .filteredOn(p -> p.contains("\"DRIFT\""))
                .singleElement()
                .satisfies(p -> {
                    assertThat(ContractSchemas.violations(Topics.CHANNEL_SYNC, p))
                            .isEmpty();
                    assertThat(Fixtures.json(p).get("observed").asLong()).isEqualTo(42);
                    assertThat(Fixtures.json(p).get("quantity").asLong()).isEqualTo(7);
                });
    }
}

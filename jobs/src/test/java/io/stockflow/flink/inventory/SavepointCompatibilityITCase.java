package io.stockflow.flink.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.ProjectStateSettings;
import io.stockflow.testing.SmallDayFeed;
import io.stockflow.testing.TestFlink;
import io.stockflow.testing.TestTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * State compatibility across versions: savepoints of the inventory job made by earlier builds are kept in
 * {@code src/test/resources/savepoints/} ({@code inventory-v1}: event ids in a map state of their own;
 * {@code inventory-v2}: ids in the order's progress, rule-set routing, corrections and capacity counts) and each must
 * restore into the current job, whose ledger must then continue where it stopped. A change that breaks state
 * compatibility (a renamed uid, a state type that no longer reads its old bytes, a state class moved to another
 * package) fails this test, and so the build.
 *
 * <p>The savepoint holds the state after the movements and the first five order records of the small fixtures
 * (Shopify, its retried webhook, Amazon, WooCommerce, eBay: every order placed and reserved). After the restore, the
 * Shopify webhook arrives once more (it must be recognised as a repeat), eBay cancels (releasing a reservation made
 * before the savepoint), and the warehouse ships the Shopify order (consuming one): the ledger must end as the expected
 * one of the full fixtures.
 *
 * <p>The restored job runs with state TTLs of ten years: TTLs count from the processing time of each entry's last
 * write, so with the default TTLs the kept savepoints' event ids would expire a week after they were made.
 *
 * <p>To add a savepoint of the current version after a deliberate state change, set {@link #NEWEST} to a new folder
 * and run {@code mvn -B verify -pl jobs -am -Dit.test=SavepointCompatibilityITCase -Dstockflow.savepoint.regenerate=true},
 * then commit the new files.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SavepointCompatibilityITCase {
    private static final Path CHANGELOG =
            Path.of("target", "savepoint-compatibility-it", "changelog").toAbsolutePath();

    /**
     * A broker per savepoint: each restores Kafka sources that read the same topic names from their start. The
     * TaskManager writes the state changelog where the project's set-up has it on.
     */
    @RegisterExtension
    static final KafkaPipeline PIPELINE =
            KafkaPipeline.withBrokerPerTest().andClusterSettings(ProjectStateSettings.changelogStorage(CHANGELOG));

    /** Where {@link #regenerateTheKeptSavepoint} writes. */
    static final String NEWEST = "savepoints/inventory-v2";

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The topic names the savepoint's Kafka sources remember; the restore must use the same ones. */
    private static final String PREFIX = "sp";
    /** Raw order records before the savepoint. */
    private static final int ORDERS_BEFORE = 5;

    /**
     * Each kept savepoint restores into Flink's default state backend, and into the project's: RocksDB with the state
     * changelog, restores claiming their snapshot, as {@code flink-conf/config.yaml} sets it up. The kept savepoints
     * were taken without the changelog, as the versions before it ran.
     */
    @ParameterizedTest(name = "{0}, project state backend: {1}")
    @CsvSource({
        "savepoints/inventory-v1, false",
        "savepoints/inventory-v1, true",
        "savepoints/inventory-v2, false",
        "savepoints/inventory-v2, true"
    })
    void theKeptSavepointRestoresAndTheLedgerContinues(
            String resource, boolean projectStateBackend, @TempDir Path scratch) throws Exception {
        Path savepoint = Path.of(SavepointCompatibilityITCase.class
                        .getResource("/" + resource + "/_metadata")
                        .toURI())
                .getParent();
        TestTopics topics = topics();
        // The records before the savepoint, again: the restored sources resume at the offsets after them.
        topics.produce(Topics.MOVEMENTS, Fixtures.lines(SmallDayFeed.INPUT.resolve("inventory.movements.jsonl")));
        topics.produce(Topics.ORDERS_RAW, SmallDayFeed.orders().subList(0, ORDERS_BEFORE));

        Configuration state = projectStateBackend ? projectStateSettings(scratch) : new Configuration();
        if (state.get(StateRecoveryOptions.RESTORE_MODE) == RecoveryClaimMode.CLAIM) {
            // A claimed savepoint is the job's own, deleted once newer checkpoints replace it: restore a copy.
            replace(savepoint, scratch.resolve("savepoint"));
            savepoint = scratch.resolve("savepoint");
        }
        start(topics, savepoint.toUri().toString(), state);
        long t0 = System.nanoTime();
        List<String> after = new ArrayList<>();
        List<String> orders = SmallDayFeed.orders();
        after.add(orders.get(0)); // Shopify retries its webhook once more
        after.addAll(orders.subList(ORDERS_BEFORE, orders.size())); // eBay cancels; a bad record
        topics.produce(Topics.ORDERS_RAW, after);
        SmallDayFeed.feedShipment(topics);
        List<String> availability = SmallDayFeed.awaitExpectedLedger(topics, WAIT);
        System.out.printf("restored ledger reached the expected state after %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (projectStateBackend) {
            assertThat(scratch.resolve("rocksdb")).as("the state is in RocksDB").isNotEmptyDirectory();
        }
        assertThat(availability)
                .as("versions continue from the restored ones")
                .allSatisfy(r ->
                        assertThat(Fixtures.json(r).get("version").asLong()).isGreaterThan(1));

        List<String> canonical = topics.readCommitted(Topics.ORDERS_CANONICAL, r -> r.size() >= 1, WAIT);
        assertThat(canonical)
                .as("the retried webhook is known from the restored state; only eBay's cancel is new")
                .extracting(r -> Fixtures.json(r).get("order_id").asText())
                .containsExactly("ebay:12-03456-78901");
        assertThat(topics.readCommitted(Topics.DEADLETTER, r -> r.size() >= 1, WAIT))
                .hasSize(1);
        System.out.printf("all checks done after %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** Not a test: writes the savepoint this class restores, with the current code. See the class comment. */
    @Test
    @EnabledIfSystemProperty(named = "stockflow.savepoint.regenerate", matches = "true")
    void regenerateTheKeptSavepoint(@TempDir Path scratch) throws Exception {
        TestTopics topics = topics();
        JobClient job = start(topics, null, new Configuration());
        SmallDayFeed.feedStockAndOrders(topics, ORDERS_BEFORE);
        String written = job.stopWithSavepoint(false, scratch.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(60, TimeUnit.SECONDS);
        Path target = Path.of("src", "test", "resources").resolve(NEWEST);
        replace(Path.of(java.net.URI.create(written)), target);
        System.out.println("savepoint written to " + target.toAbsolutePath());
    }

    private static TestTopics topics() throws Exception {
        TestTopics topics = PIPELINE.topics(
                PREFIX,
                List.of(
                        Topics.ORDERS_RAW,
                        Topics.MOVEMENTS,
                        Topics.FULFILMENT,
                        Topics.ORDERS_CANONICAL,
                        Topics.AVAILABILITY,
                        Topics.ALLOCATIONS,
                        Topics.ALERTS,
                        Topics.DEADLETTER,
                        Topics.ROUTING_RULES,
                        Topics.ROUTING_CORRECTIONS));
        // At-least-once outputs: a savepoint then holds no open Kafka transaction that a later restore, on another
        // broker, would have to commit. What this test guards is the jobs' own state.
        topics.settings()
                .atLeastOnceTopics
                .addAll(List.of(
                        Topics.ORDERS_CANONICAL,
                        Topics.AVAILABILITY,
                        Topics.ALLOCATIONS,
                        Topics.ALERTS,
                        Topics.DEADLETTER,
                        Topics.ROUTING_CORRECTIONS));
        return topics.createAll(1);
    }

    private static JobClient start(TestTopics topics, String savepoint, Configuration state) throws Exception {
        Configuration conf = TestFlink.jobConfiguration(0);
        conf.addAll(state);
        if (savepoint != null) conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        JobOptions options = new JobOptions();
        options.set(StockflowOptions.DEDUP_TTL, Duration.ofDays(3650));
        options.set(StockflowOptions.ORDER_TTL, Duration.ofDays(3650));
        return PIPELINE.start(topics, "inventory", options, conf, UnaryOperator.identity());
    }

    /**
     * The {@code state.*} settings of the project's {@code config.yaml} (RocksDB, the state changelog on) and the claim
     * mode of its restores; RocksDB's files and the checkpoints under {@code dir}.
     */
    private static Configuration projectStateSettings(Path dir) {
        Configuration state = ProjectStateSettings.read(dir);
        assertThat(state.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(state.get(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG)).isTrue();
        assertThat(state.get(StateRecoveryOptions.RESTORE_MODE)).isEqualTo(RecoveryClaimMode.CLAIM);
        return state;
    }

    private static void replace(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.list(to)) {
                old.forEach(f -> {
                    try {
                        Files.delete(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList())
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package io.stockflow.flink.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.ProjectStateSettings;
import io.stockflow.testing.SmallDayFeed;
import io.stockflow.testing.TestFlink;
import io.stockflow.testing.TestTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The inventory job with the project's state settings ({@code flink-conf/config.yaml}: RocksDB, the state changelog on,
 * restores in CLAIM mode), with exactly-once outputs: stopped with a savepoint, or cancelled and started again from its
 * last retained checkpoint, it continues where it stopped, and its checkpoints after the restore complete (else no
 * output after the restore would be committed).
 *
 * <p>Flink's test environment restores a job with the changelog on in LEGACY mode when it is asked for NO_CLAIM, so
 * the failure of a NO_CLAIM restore (every checkpoint after it fails: the changelog cannot take the full snapshot that
 * mode demands) shows only on a real cluster, where {@code StandaloneClusterITCase} restores through the REST API.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ChangelogRestoreITCase {
    private static final Path CHANGELOG =
            Path.of("target", "changelog-restore-it", "changelog").toAbsolutePath();

    @RegisterExtension
    static final KafkaPipeline PIPELINE =
            KafkaPipeline.withClusterSettings(ProjectStateSettings.changelogStorage(CHANGELOG));

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int ORDERS_BEFORE = 5;

    /**
     * A savepoint, in either format, restores from a copy in another folder (savepoints are relocatable), which the job
     * claims; after the restored job has completed several checkpoints, the savepoint is as it was.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(SavepointFormatType.class)
    void aSavepointRestoresFromACopyTheJobClaimsAndTheSavepointStaysWhole(
            SavepointFormatType format, @TempDir Path scratch) throws Exception {
        TestTopics topics = topics("savepoint-" + format.name().toLowerCase(java.util.Locale.ROOT));
        JobClient job = start(topics, null, projectSettings(scratch));
        SmallDayFeed.feedStockAndOrders(topics, ORDERS_BEFORE);
        String written = job.stopWithSavepoint(
                        false, scratch.resolve("savepoints").toUri().toString(), format)
                .get(60, TimeUnit.SECONDS);
        Path savepoint = Path.of(java.net.URI.create(written.replaceFirst("^file:/+", "file:///")));
        Map<Path, Long> files = filesAndSizes(savepoint);
        Path copy = copy(savepoint, scratch.resolve("elsewhere").resolve("claimed-" + savepoint.getFileName()));
        System.out.println(format + " savepoint " + savepoint + ", restored from its copy " + copy);
        JobClient restored = start(topics, copy.toUri().toString(), projectSettings(scratch));
        feedTheRestAndCheck(topics);
        Path checkpoints =
                scratch.resolve("checkpoints").resolve(restored.getJobID().toHexString());
        long first = newestCheckpoint(checkpoints);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> newestCheckpoint(checkpoints) >= first + 3);
        assertThat(filesAndSizes(savepoint))
                .as("the savepoint, after the restored job's checkpoints")
                .isEqualTo(files);
        System.out.println("the claimed copy " + (Files.exists(copy.resolve("_metadata")) ? "is still" : "is no longer")
                + " there after checkpoint " + newestCheckpoint(checkpoints));
    }

    @Test
    void aRetainedCheckpointRestoresAndTheLedgerContinues(@TempDir Path scratch) throws Exception {
        TestTopics topics = topics("checkpoint");
        JobClient job = start(topics, null, projectSettings(scratch));
        SmallDayFeed.feedStockAndOrders(topics, ORDERS_BEFORE);
        job.cancel().get(60, TimeUnit.SECONDS);
        Path checkpoint = latestCheckpoint(scratch.resolve("checkpoints"));
        System.out.println("retained checkpoint " + checkpoint);
        start(topics, checkpoint.toUri().toString(), projectSettings(scratch));
        feedTheRestAndCheck(topics);
    }

    private static void feedTheRestAndCheck(TestTopics topics) {
        List<String> after = new ArrayList<>();
        List<String> orders = SmallDayFeed.orders();
        after.add(orders.get(0));
        after.addAll(orders.subList(ORDERS_BEFORE, orders.size()));
        topics.produce(Topics.ORDERS_RAW, after);
        SmallDayFeed.feedShipment(topics);
        SmallDayFeed.awaitExpectedLedger(topics, WAIT);
        assertThat(topics.readCommitted(Topics.ALLOCATIONS, r -> r.size() >= 4, Duration.ofSeconds(3)))
                .hasSize(4);
    }

    private static TestTopics topics(String prefix) throws Exception {
        return PIPELINE.topics(
                        prefix,
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
                                Topics.ROUTING_CORRECTIONS))
                .createAll(1);
    }

    private static JobClient start(TestTopics topics, String restoreFrom, Configuration state) throws Exception {
        Configuration conf = TestFlink.jobConfiguration(0);
        conf.addAll(state);
        if (restoreFrom != null) conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom);
        return PIPELINE.start(topics, "inventory", new JobOptions(), conf, UnaryOperator.identity());
    }

    /**
     * The {@code state.*} settings of the project's {@code config.yaml}, with incremental checkpoints, retention on
     * cancellation, the state changelog and restores in CLAIM mode as it sets them; RocksDB's files and the checkpoints
     * under {@code dir}.
     */
    private static Configuration projectSettings(Path dir) {
        Configuration state = ProjectStateSettings.read(
                dir,
                CheckpointingOptions.INCREMENTAL_CHECKPOINTS,
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION);
        assertThat(state.get(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE)).isEqualTo("filesystem");
        assertThat(state.get(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG)).isTrue();
        assertThat(state.get(StateRecoveryOptions.RESTORE_MODE)).isEqualTo(RecoveryClaimMode.CLAIM);
        assertThat(state.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
        return state;
    }

    private static Path latestCheckpoint(Path checkpoints) throws IOException {
        try (Stream<Path> files = Files.walk(checkpoints)) {
            return files.filter(p -> p.getFileName().toString().equals("_metadata"))
                    .map(Path::getParent)
                    .filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .max(Comparator.comparingInt(
                            p -> Integer.parseInt(p.getFileName().toString().substring(4))))
                    .orElseThrow();
        }
    }

    /** The number of the newest completed checkpoint in a job's checkpoint folder; 0 when there is none. */
    private static long newestCheckpoint(Path jobCheckpoints) throws IOException {
        if (!Files.isDirectory(jobCheckpoints)) return 0;
        try (Stream<Path> folders = Files.list(jobCheckpoints)) {
            return folders.filter(p -> p.getFileName().toString().matches("chk-\\d+"))
                    .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString().substring(4)))
                    .max()
                    .orElse(0);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        return to;
    }

    private static Map<Path, Long> filesAndSizes(Path folder) throws IOException {
        Map<Path, Long> sizes = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) sizes.put(folder.relativize(f), Files.size(f));
        }
        return sizes;
    }
}

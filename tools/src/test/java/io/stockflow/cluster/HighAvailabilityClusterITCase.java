package io.stockflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stockflow.flink.io.Topics;
import io.stockflow.flink.main.Version;
import io.stockflow.local.ClusterHealth;
import io.stockflow.local.LocalFlink;
import io.stockflow.local.LocalFlink.Role;
import io.stockflow.local.LocalHighAvailability;
import io.stockflow.local.LocalPorts;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real standalone cluster with JobManager high availability, as {@code ./stockflow cluster start --ha} starts it: a
 * ZooKeeper, a JobManager and a TaskManager, each its own JVM, and the supervisor. A JobManager killed with SIGKILL is
 * started again by the supervisor and the same job (same id) runs on from its latest checkpoint with nobody running
 * {@code recover}; so it does after ZooKeeper is killed, and after the cluster is stopped and started again. The
 * outputs, read {@code read_committed}, are the expected ledger exactly: nothing lost, nothing applied twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HighAvailabilityClusterITCase {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final Path JOB_JAR = Path.of("..", "jobs", "target", Version.jobJar());
    /** A new JobManager waits for the dead one's ZooKeeper session to expire (10 s) before it takes over. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static final SmallDay DAY = new SmallDay(KAFKA, WAIT);

    /** The cluster's home: configuration, logs (kept after the run for a look when a test fails), ZooKeeper's data. */
    private static final Path HOME = Path.of("target", "ha-cluster-it").toAbsolutePath();

    private static LocalFlink flink;
    private static FlinkRest rest;

    @BeforeAll
    static void startCluster() throws Exception {
        SmallDay.deleteRecursively(HOME);
        flink = LocalFlink.isolated(HOME, Path.of("..")).withHighAvailability(LocalPorts.freePort());
        long started = System.nanoTime();
        flink.start(Duration.ofSeconds(90));
        System.out.printf("cluster with ZooKeeper up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertThat(flink.startSupervisor()).isPresent();
        rest = new FlinkRest(flink.restAddress());
        assertThat(JOB_JAR).as("the job jar (built in the package phase)").isRegularFile();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (flink != null) flink.stopAll(Duration.ofSeconds(15));
    }

    @Test
    @Order(1)
    void theClusterRunsItsZooKeeperAndKeepsTheChoiceInItsHome() throws Exception {
        ClusterHealth health = flink.health();
        assertThat(health.state()).as(health.problem()).isEqualTo(ClusterHealth.State.UP);
        assertThat(health.highAvailability()).isTrue();
        assertThat(health.zooKeeperAlive()).isTrue();

        // What the supervisor and later commands see: a cluster made from the home alone has high availability on.
        LocalFlink fromHome = new LocalFlink(HOME, Path.of("..", "local-flink", "target", "lib"), new Configuration());
        LocalHighAvailability ha = fromHome.highAvailability().orElseThrow();
        assertThat(ha).isEqualTo(flink.highAvailability().orElseThrow());
        Configuration generated = fromHome.config();
        assertThat(generated.getString("high-availability.type", null)).isEqualTo("zookeeper");
        assertThat(generated.getString("high-availability.zookeeper.quorum", null))
                .isEqualTo("127.0.0.1:" + ha.zooKeeperPort());
        assertThat(generated.getString("high-availability.storageDir", null))
                .isEqualTo(HOME.resolve("ha").toUri().toString());
        assertThat(Files.readString(HOME.resolve("conf").resolve("config.yaml")))
                .as("the configuration the JobManager and TaskManager read")
                .contains("zookeeper");
    }

    @Test
    @Order(2)
    void aKilledJobManagerOrZooKeeperIsStartedAgainAndTheSameJobRunsOnWithoutRecover() throws Exception {
        Map<String, String> topics = DAY.createTopics("failover");
        String job = submit(topics);
        try {
            KAFKA.produce(
                    topics.get(Topics.MOVEMENTS), Fixtures.lines(SmallDay.INPUT.resolve("inventory.movements.jsonl")));
            DAY.awaitRecords(topics.get(Topics.AVAILABILITY), 5);
            KAFKA.produce(topics.get(Topics.ORDERS_RAW), DAY.orders().subList(0, 2));
            DAY.awaitRecords(topics.get(Topics.ALLOCATIONS), 1);

            // The first decision is in a completed checkpoint; then SIGKILL, and the next order arrives while no
            // JobManager runs. Nobody runs a command.
            awaitNextCheckpoint(job);
            long killedPid = flink.running(Role.JOBMANAGER).orElseThrow().pid();
            long killed = System.nanoTime();
            flink.kill(Role.JOBMANAGER);
            KAFKA.produce(topics.get(Topics.ORDERS_RAW), DAY.orders().subList(2, 3));
            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> flink.running(Role.JOBMANAGER)
                            .map(p -> p.pid() != killedPid)
                            .orElse(false));
            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> "RUNNING".equals(rest.state(job)) && rest.restoredCheckpoints(job) >= 1);
            System.out.printf(
                    "JobManager killed; supervisor started another, the same job runs from its checkpoint after %.1f s%n",
                    (System.nanoTime() - killed) / 1e9);
            DAY.awaitRecords(topics.get(Topics.ALLOCATIONS), 2);
            assertThat(Files.readString(flink.home().resolve("log").resolve("supervisor.log")))
                    .contains("the JobManager process was gone: started another");

            // ZooKeeper killed: the supervisor starts it again, the job keeps running and keeps deciding.
            long zooKeeperPid = flink.running(Role.ZOOKEEPER).orElseThrow().pid();
            flink.kill(Role.ZOOKEEPER);
            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> flink.running(Role.ZOOKEEPER)
                            .map(p -> p.pid() != zooKeeperPid)
                            .orElse(false));
            KAFKA.produce(topics.get(Topics.ORDERS_RAW), DAY.orders().subList(3, 4));
            DAY.awaitRecords(topics.get(Topics.ALLOCATIONS), 3);
            await().atMost(WAIT).ignoreExceptions().until(() -> "RUNNING".equals(rest.state(job)));
            assertThat(Files.readString(flink.home().resolve("log").resolve("supervisor.log")))
                    .contains("the ZooKeeper process was gone: started another");

            KAFKA.produce(
                    topics.get(Topics.ORDERS_RAW),
                    DAY.orders().subList(4, DAY.orders().size()));
            DAY.awaitRecords(topics.get(Topics.ALLOCATIONS), 4);
            KAFKA.produce(
                    topics.get(Topics.FULFILMENT), Fixtures.lines(SmallDay.INPUT.resolve("fulfilment.events.jsonl")));
            DAY.assertTheExpectedLedger(topics);
            assertThat(rest.jobs())
                    .as("one job, the one submitted: no second copy")
                    .filteredOn(j -> !j.state().equals("CANCELED"))
                    .extracting(FlinkRest.JobSummary::id)
                    .containsExactly(job);
        } finally {
            cancel(job);
        }
    }

    @Test
    @Order(3)
    void aClusterStoppedAndStartedAgainResumesItsJobs() throws Exception {
        Map<String, String> topics = DAY.createTopics("restart");
        String job = submit(topics);
        try {
            KAFKA.produce(
                    topics.get(Topics.MOVEMENTS), Fixtures.lines(SmallDay.INPUT.resolve("inventory.movements.jsonl")));
            DAY.awaitRecords(topics.get(Topics.AVAILABILITY), 5);
            KAFKA.produce(topics.get(Topics.ORDERS_RAW), DAY.orders().subList(0, 2));
            DAY.awaitRecords(topics.get(Topics.ALLOCATIONS), 1);
            awaitNextCheckpoint(job);

            // As `cluster stop` and `cluster start` do: SIGTERM to every process, then the same home started again.
            flink.stopAll(Duration.ofSeconds(20));
            assertThat(flink.health().state()).isEqualTo(ClusterHealth.State.DOWN);
            flink.start(Duration.ofSeconds(90));
            flink.startSupervisor();
            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> "RUNNING".equals(rest.state(job)));

            KAFKA.produce(topics.get(Topics.ORDERS_RAW), DAY.orders().subList(2, 3));
            DAY.awaitRecords(topics.get(Topics.ALLOCATIONS), 2);
            assertThat(KAFKA.readCommitted(topics.get(Topics.ALLOCATIONS), r -> r.size() > 2, Duration.ofSeconds(3)))
                    .as("the decision made before the stop is not made again")
                    .hasSize(2);
        } finally {
            cancel(job);
        }
    }

    private static String submit(Map<String, String> topics) throws Exception {
        List<String> args = new ArrayList<>(
                List.of("inventory", "--bootstrap", KAFKA.bootstrap(), "--checkpoint-interval", "500ms"));
        topics.forEach((logical, actual) -> args.addAll(List.of("--topic", logical + "=" + actual)));
        String jarId = rest.uploadJar(JOB_JAR);
        String job = rest.run(jarId, "io.stockflow.flink.main.JobMain", args);
        rest.deleteJar(jarId);
        await().atMost(WAIT).until(() -> "RUNNING".equals(rest.state(job)));
        return job;
    }

    private static void awaitNextCheckpoint(String job) throws Exception {
        long checkpoints = rest.completedCheckpoints(job);
        await().atMost(WAIT).until(() -> rest.completedCheckpoints(job) >= checkpoints + 1);
    }

    private static void cancel(String job) throws Exception {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> rest.cancel(job));
        await().atMost(WAIT).ignoreExceptions().until(() -> "CANCELED".equals(rest.state(job)));
    }
}

package io.stockflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.cli.Stockflow;
import io.stockflow.cli.TailCommand;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.main.Version;
import io.stockflow.local.ClusterHealth;
import io.stockflow.local.LocalFlink;
import io.stockflow.local.LocalFlink.Role;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The inventory job on a real standalone Flink cluster (a JobManager and a TaskManager, each its own JVM, started as
 * {@code ./stockflow cluster start} starts them) and a real Kafka broker, submitted through the REST API as
 * {@code ./stockflow submit} does. Checks the metrics endpoint of a running job, and that a TaskManager killed with
 * SIGKILL mid-stream and started again loses no reservation and applies none twice ({@code read_committed} outputs).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StandaloneClusterITCase {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final Path JOB_JAR = Path.of("..", "jobs", "target", Version.jobJar());
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final SmallDay DAY = new SmallDay(KAFKA, WAIT);

    /** The cluster's home: configuration, logs (kept after the run for a look when a test fails), checkpoints. */
    private static final Path HOME = Path.of("target", "standalone-cluster-it").toAbsolutePath();

    private static LocalFlink flink;
    private static FlinkRest rest;
    private static String jarId;

    @BeforeAll
    static void startCluster() throws Exception {
        SmallDay.deleteRecursively(HOME);
        // Its own ports and smaller memory than the defaults: the build machine runs other builds too.
        flink = LocalFlink.isolated(HOME, Path.of(".."));
        long started = System.nanoTime();
        flink.start(Duration.ofSeconds(90));
        System.out.printf("standalone cluster up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        rest = new FlinkRest(flink.restAddress());
        assertThat(JOB_JAR).as("the job jar (built in the package phase)").isRegularFile();
        jarId = rest.uploadJar(JOB_JAR);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (flink != null) flink.stopAll(Duration.ofSeconds(15));
    }

    @Test
    @Order(1)
    void aRunningJobReportsItsBusinessMetricsForPrometheus() throws Exception {
        Map<String, String> topics = DAY.createTopics("metrics");
        String job = submit("metrics", topics);
        try {
            feedAndCheck(
                    topics,
                    () -> KAFKA.produce(
                            topics.get(Topics.ORDERS_RAW), DAY.orders().subList(2, 3)));

            // A second copy of a running job is refused before anything is uploaded: it would write every output twice.
            StringWriter refused = new StringWriter();
            CommandLine launcher = Stockflow.commandLine();
            launcher.setErr(new PrintWriter(refused));
            assertThat(launcher.execute(
                            "submit",
                            "inventory",
                            "--rest",
                            flink.restAddress(),
                            "--jar",
                            JOB_JAR.toString(),
                            "--bootstrap",
                            KAFKA.bootstrap()))
                    .isEqualTo(2);
            assertThat(refused.toString()).contains("already runs 'stockflow inventory'", "--allow-duplicate");
            // A job whose main fails on the JobManager: the submitter reads the job's own reason, not a bare 400.
            StringWriter failed = new StringWriter();
            CommandLine again = Stockflow.commandLine();
            again.setErr(new PrintWriter(failed));
            Path missing = HOME.resolve("no-such-input");
            assertThat(again.execute(
                            "submit",
                            "inventory",
                            "--rest",
                            flink.restAddress(),
                            "--jar",
                            JOB_JAR.toString(),
                            "--allow-duplicate",
                            "--input",
                            missing.toString(),
                            "--output",
                            HOME.resolve("out").toString()))
                    .isEqualTo(1);
            assertThat(failed.toString()).contains("answered 400", "--input " + missing + " is not a folder");
            assertThat(rest.jobs())
                    .as("still one job")
                    .filteredOn(j -> j.state().equals("RUNNING"))
                    .hasSize(1);

            String url = "http://127.0.0.1:" + flink.metricsPort(Role.TASKMANAGER) + "/metrics";
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                List<String> lines = scrape(url);
                assertThat(value(lines, "_stockflow_channel_ordersIn", "channel=\"shopify\""))
                        .isEqualTo(1.0);
                assertThat(value(lines, "_stockflow_channel_ordersIn", "channel=\"amazon\""))
                        .isEqualTo(1.0);
                assertThat(value(lines, "_stockflow_reason_deadLetters", "reason=\"invalid_field\""))
                        .isGreaterThanOrEqualTo(1.0);
                assertThat(value(lines, "_stockflow_alert_type_alerts", "alert_type=\"OVERSELL\""))
                        .isEqualTo(1.0);
                // Lines that reserved stock: Shopify's two, Amazon's, WooCommerce's partial one, eBay's.
                assertThat(sum(lines, "_stockflow_reservations")).isEqualTo(5.0);
                assertThat(sum(lines, "_stockflow_backorderedUnits")).isEqualTo(3.0);
                assertThat(sum(lines, "_operator_oversells")).isEqualTo(1.0);
                assertThat(sum(lines, "_stockflow_endToEndLatencyMs_count")).isGreaterThanOrEqualTo(4.0);
                assertThat(lines)
                        .anyMatch(l -> l.contains("_stockflow_endToEndLatencyMs{") && l.contains("quantile=\"0.99\""));
                assertThat(lines).anyMatch(l -> l.contains("_stockflow_eventTimeLagMs{"));
            });

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            CommandLine tail = new CommandLine(new TailCommand());
            ((TailCommand) tail.getCommand()).out = new PrintStream(printed, true, StandardCharsets.UTF_8);
            assertThat(tail.execute(
                            "alerts",
                            "--bootstrap",
                            KAFKA.bootstrap(),
                            "--topic",
                            topics.get(Topics.ALERTS),
                            "--from-beginning",
                            "--type",
                            "OVERSELL",
                            "--max",
                            "1",
                            "--for",
                            "30s"))
                    .isZero();
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .as("`stockflow tail alerts` on the job's alerts")
                    .contains("OVERSELL", "sku=SKU-B", "order_id=woocommerce:727");
        } finally {
            cancel(job);
        }
    }

    @Test
    @Order(2)
    void aTaskManagerKilledMidStreamLosesNoReservationAndAppliesNoneTwice() throws Exception {
        Map<String, String> topics = DAY.createTopics("failover");
        String job = submit("failover", topics);
        try {
            feedAndCheck(topics, () -> {
                // After the first decision is in a completed checkpoint: SIGKILL, then the next orders arrive while
                // the TaskManager is dead, then it comes back.
                long checkpoints = rest.completedCheckpoints(job);
                await().atMost(WAIT).until(() -> rest.completedCheckpoints(job) >= checkpoints + 1);
                long killed = System.nanoTime();
                flink.kill(Role.TASKMANAGER);
                KAFKA.produce(topics.get(Topics.ORDERS_RAW), DAY.orders().subList(2, 3));
                ClusterHealth lost = flink.health();
                assertThat(lost.state()).as(lost.problem()).isEqualTo(ClusterHealth.State.UNHEALTHY);
                assertThat(lost.missing()).containsExactly(Role.TASKMANAGER);
                assertThat(flink.startMissing(WAIT)).containsExactly(Role.TASKMANAGER);
                assertThat(flink.health().state()).isEqualTo(ClusterHealth.State.UP);
                await().atMost(WAIT)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> "RUNNING".equals(rest.state(job)) && rest.restoredCheckpoints(job) >= 1);
                System.out.printf(
                        "TaskManager killed; job running again, restored from a checkpoint, after %.1f s%n",
                        (System.nanoTime() - killed) / 1e9);
            });
            assertThat(rest.restoredCheckpoints(job))
                    .as("the job recovered from a checkpoint")
                    .isGreaterThanOrEqualTo(1);
        } finally {
            cancel(job);
        }
    }

    @Test
    @Order(3)
    void anUpgradeStopsWithASavepointAndTheNewJobContinuesFromIt(@TempDir Path savepoints) throws Exception {
        Map<String, String> topics = DAY.createTopics("upgrade");
        List<String> jobOptions =
                new ArrayList<>(List.of("--bootstrap", KAFKA.bootstrap(), "--checkpoint-interval", "500ms"));
        topics.forEach((logical, actual) -> jobOptions.addAll(List.of("--topic", logical + "=" + actual)));
        List<String> submit = new ArrayList<>(
                List.of("submit", "inventory", "--rest", flink.restAddress(), "--jar", JOB_JAR.toString()));
        submit.addAll(jobOptions);

        String oldJob = lastLine(stockflow(submit));
        await().atMost(WAIT).until(() -> "RUNNING".equals(rest.state(oldJob)));
        KAFKA.produce(
                topics.get(Topics.MOVEMENTS), Fixtures.lines(SmallDay.INPUT.resolve("inventory.movements.jsonl")));
        DAY.awaitRecords(topics.get(Topics.AVAILABILITY), 5);
        int[][] batches = {{0, 2}, {2, 3}, {3, 4}, {4, 5}};
        for (int i = 0; i < batches.length; i++) {
            KAFKA.produce(topics.get(Topics.ORDERS_RAW), DAY.orders().subList(batches[i][0], batches[i][1]));
            DAY.awaitRecords(topics.get(Topics.ALLOCATIONS), i + 1);
        }

        String savepoint = lastLine(stockflow(
                List.of("stop", "inventory", "--savepoint", savepoints.toString(), "--rest", flink.restAddress())));
        assertThat(rest.state(oldJob)).isEqualTo("FINISHED");
        Path savepointFolder = RetainedCheckpoints.localFolder(savepoint).orElseThrow();
        Map<Path, Long> savepointFiles = filesAndSizes(savepointFolder);
        List<String> resubmit = new ArrayList<>(submit);
        resubmit.addAll(List.of("--from-savepoint", savepoint));
        String submitted = stockflow(resubmit);
        String newJob = lastLine(submitted);
        try {
            await().atMost(WAIT).until(() -> "RUNNING".equals(rest.state(newJob)));
            String restored = rest.get("/jobs/" + newJob + "/checkpoints")
                    .path("latest")
                    .path("restored")
                    .path("external_path")
                    .asText();
            assertThat(RetainedCheckpoints.localFolder(restored)
                            .orElseThrow()
                            .getFileName()
                            .toString())
                    .as("the new job claims a copy of the savepoint: " + submitted)
                    .startsWith(ClaimedRestore.COPY_PREFIX)
                    .endsWith(savepointFolder.getFileName().toString());
            List<String> after = new ArrayList<>();
            after.add(DAY.orders().get(0)); // Shopify retries its webhook once more: known from the savepoint
            after.addAll(DAY.orders()
                    .subList(5, DAY.orders().size())); // eBay cancels a reservation made before; a bad record
            KAFKA.produce(topics.get(Topics.ORDERS_RAW), after);
            KAFKA.produce(
                    topics.get(Topics.FULFILMENT), Fixtures.lines(SmallDay.INPUT.resolve("fulfilment.events.jsonl")));

            Map<String, JsonNode> expected =
                    Fixtures.keyed(Fixtures.lines(SmallDay.EXPECTED.resolve("availability.jsonl")), "sku", "location");
            List<String> availability = KAFKA.readCommitted(
                    topics.get(Topics.AVAILABILITY),
                    records -> Fixtures.finalAvailability(records).equals(expected),
                    WAIT);
            assertThat(Fixtures.finalAvailability(availability)).isEqualTo(expected);
            assertThat(availability)
                    .as("versions continue across the upgrade, none repeated")
                    .hasSize(Fixtures.keyed(availability, "sku", "location", "version")
                            .size());
            assertThat(KAFKA.readCommitted(topics.get(Topics.ALLOCATIONS), r -> r.size() >= 4, Duration.ofSeconds(3)))
                    .as("one decision per order over both versions")
                    .hasSize(4);
            assertThat(KAFKA.readCommitted(topics.get(Topics.ORDERS_CANONICAL), r -> r.size() >= 5, WAIT))
                    .as("four placements before, eBay's cancel after; both retries are dropped")
                    .hasSize(5);
            assertThat(KAFKA.readCommitted(topics.get(Topics.DEADLETTER), r -> r.size() >= 2, WAIT))
                    .hasSize(2);

            // Newer checkpoints than the ones retained: the claimed copy is subsumed (Flink deletes it once the
            // changelog's first materialization no longer refers to it, ChangelogRestoreITCase), the savepoint stays.
            long checkpoints = rest.completedCheckpoints(newJob);
            int retained = Integer.parseInt(flink.config().getString("execution.checkpointing.num-retained", "1"));
            await().atMost(WAIT).until(() -> rest.completedCheckpoints(newJob) >= checkpoints + retained + 1);
            assertThat(filesAndSizes(savepointFolder))
                    .as("the operator's savepoint, after the restored job completed several checkpoints")
                    .isEqualTo(savepointFiles);
        } finally {
            cancel(newJob);
        }
    }

    /** Every file under the folder, by its path relative to it, with its size. */
    private static Map<Path, Long> filesAndSizes(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            Map<Path, Long> sizes = new java.util.TreeMap<>();
            for (Path f : files.filter(Files::isRegularFile).toList()) sizes.put(folder.relativize(f), Files.size(f));
            return sizes;
        }
    }

    @Test
    @Order(4)
    void theSupervisorStartsAKilledTaskManagerAgainAndRecoverResumesTheJobAfterItsJobManagerDied(@TempDir Path work)
            throws Exception {
        Map<String, String> topics = DAY.createTopics("recover");
        Path submissions = work.resolve("submissions.jsonl");
        List<String> submit = new ArrayList<>(List.of(
                "submit",
                "inventory",
                "--rest",
                flink.restAddress(),
                "--jar",
                JOB_JAR.toString(),
                "--submissions",
                submissions.toString(),
                "--bootstrap",
                KAFKA.bootstrap(),
                "--checkpoint-interval",
                "500ms"));
        topics.forEach((logical, actual) -> submit.addAll(List.of("--topic", logical + "=" + actual)));
        String first = lastLine(stockflow(submit));
        await().atMost(WAIT).until(() -> "RUNNING".equals(rest.state(first)));
        assertThat(flink.startSupervisor()).isPresent();
        String[] current = {first};
        try {
            feedAndCheck(topics, () -> {
                // A TaskManager killed: nobody runs a command, the supervisor starts another and the job restores.
                long checkpoints = rest.completedCheckpoints(first);
                await().atMost(WAIT).until(() -> rest.completedCheckpoints(first) >= checkpoints + 1);
                long killedPid = flink.running(Role.TASKMANAGER).orElseThrow().pid();
                long killed = System.nanoTime();
                flink.kill(Role.TASKMANAGER);
                await().atMost(WAIT)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> flink.running(Role.TASKMANAGER)
                                .map(p -> p.pid() != killedPid)
                                .orElse(false));
                await().atMost(WAIT)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> "RUNNING".equals(rest.state(first)) && rest.restoredCheckpoints(first) >= 1);
                System.out.printf(
                        "TaskManager killed; supervisor started another, job restored, after %.1f s%n",
                        (System.nanoTime() - killed) / 1e9);
                assertThat(Files.readString(flink.home().resolve("log").resolve("supervisor.log")))
                        .contains("the TaskManager process was gone: started another");

                // The second batch is decided and committed (so in a completed checkpoint), then the JobManager dies
                // and takes the job with it; the next batch arrives while no job runs.
                KAFKA.produce(topics.get(Topics.ORDERS_RAW), DAY.orders().subList(2, 3));
                DAY.awaitRecords(topics.get(Topics.ALLOCATIONS), 2);
                long lastCheckpoints = rest.completedCheckpoints(first);
                await().atMost(WAIT).until(() -> rest.completedCheckpoints(first) >= lastCheckpoints + 1);
                flink.kill(Role.JOBMANAGER);
                long jobManagerKilled = System.nanoTime();
                // (feedAndCheck sends this record once more after the hook: a retried webhook, dropped as known)
                KAFKA.produce(topics.get(Topics.ORDERS_RAW), DAY.orders().subList(3, 4));
                assertThat(flink.startMissing(WAIT)).containsExactly(Role.JOBMANAGER);
                String recovered = stockflow(List.of(
                        "recover",
                        "inventory",
                        "--rest",
                        flink.restAddress(),
                        "--jar",
                        JOB_JAR.toString(),
                        "--submissions",
                        submissions.toString()));
                assertThat(recovered)
                        .contains("Latest retained checkpoint of inventory (run " + first + "): ", "/chk-");
                current[0] = lastLine(recovered);
                await().atMost(WAIT)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> "RUNNING".equals(rest.state(current[0])));
                java.util.regex.Matcher used =
                        java.util.regex.Pattern.compile("/(chk-\\d+)").matcher(recovered);
                assertThat(used.find()).isTrue();
                assertThat(rest.get("/jobs/" + current[0] + "/checkpoints")
                                .path("latest")
                                .path("restored")
                                .path("external_path")
                                .asText())
                        .as("the new job restored the checkpoint recover printed")
                        .endsWith("/" + used.group(1));
                System.out.printf(
                        "JobManager killed; started again and the job recovered from its checkpoint after %.1f s%n",
                        (System.nanoTime() - jobManagerKilled) / 1e9);
            });
        } finally {
            cancel(current[0]);
        }
    }

    /** Runs a launcher command in this JVM, as {@code ./stockflow ...} would; returns what it printed. */
    private static String stockflow(List<String> args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cli = io.stockflow.cli.Stockflow.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true)).setErr(new java.io.PrintWriter(err, true));
        int exit = cli.execute(args.toArray(new String[0]));
        assertThat(exit).as("stockflow " + args + " failed: " + err).isZero();
        System.out.print(out);
        return out.toString();
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.get(lines.size() - 1).trim();
    }

    /**
     * Feeds the small fixtures in the order a shop's day runs and checks that the read_committed outputs equal the
     * expected ledger exactly: one decision per order, final availability as expected. {@code sendSecondOrders} runs
     * once the first order is decided and committed, and sends the second batch of orders (the third raw record).
     */
    private void feedAndCheck(Map<String, String> topics, ThrowingRunnable sendSecondOrders) throws Exception {
        KAFKA.produce(
                topics.get(Topics.MOVEMENTS), Fixtures.lines(SmallDay.INPUT.resolve("inventory.movements.jsonl")));
        DAY.awaitRecords(topics.get(Topics.AVAILABILITY), 5);
        List<String> orders = DAY.orders();
        KAFKA.produce(topics.get(Topics.ORDERS_RAW), orders.subList(0, 2));
        DAY.awaitRecords(topics.get(Topics.ALLOCATIONS), 1);
        sendSecondOrders.run();
        DAY.awaitRecords(topics.get(Topics.ALLOCATIONS), 2);
        KAFKA.produce(topics.get(Topics.ORDERS_RAW), orders.subList(3, 4));
        DAY.awaitRecords(topics.get(Topics.ALLOCATIONS), 3);
        KAFKA.produce(topics.get(Topics.ORDERS_RAW), orders.subList(4, orders.size()));
        DAY.awaitRecords(topics.get(Topics.ALLOCATIONS), 4);
        KAFKA.produce(topics.get(Topics.FULFILMENT), Fixtures.lines(SmallDay.INPUT.resolve("fulfilment.events.jsonl")));

        DAY.assertTheExpectedLedger(topics);
    }

    private String submit(String prefix, Map<String, String> topics) throws Exception {
        List<String> args = new ArrayList<>(
                List.of("inventory", "--bootstrap", KAFKA.bootstrap(), "--checkpoint-interval", "500ms"));
        topics.forEach((logical, actual) -> args.addAll(List.of("--topic", logical + "=" + actual)));
        String job = rest.run(jarId, "io.stockflow.flink.main.JobMain", args);
        await().atMost(WAIT).until(() -> "RUNNING".equals(rest.state(job)));
        return job;
    }

    private static void cancel(String job) throws Exception {
        rest.cancel(job);
        await().atMost(WAIT).until(() -> "CANCELED".equals(rest.state(job)));
    }

    private static List<String> scrape(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.body().lines().filter(l -> !l.startsWith("#")).toList();
    }

    /** The sum of the series whose name ends with {@code suffix} and that have the label (0 when absent). */
    private static double value(List<String> lines, String suffix, String label) {
        return lines.stream()
                .filter(l -> l.contains(suffix + "{") && l.contains(label))
                .mapToDouble(StandaloneClusterITCase::sample)
                .sum();
    }

    /** The sum over all series (subtasks) of a metric whose name ends with {@code suffix}. */
    private static double sum(List<String> lines, String suffix) {
        return lines.stream()
                .filter(l -> l.contains(suffix + "{"))
                .mapToDouble(StandaloneClusterITCase::sample)
                .sum();
    }

    private static double sample(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}

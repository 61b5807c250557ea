package io.stockflow.cli;

import io.stockflow.chaos.ChaosHistory;
import io.stockflow.chaos.CommittedOutputs;
import io.stockflow.chaos.OutputComparison;
import io.stockflow.cluster.FlinkRest;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.main.Home;
import io.stockflow.flink.main.Version;
import io.stockflow.generate.GeneratedRecord;
import io.stockflow.local.LocalFlink;
import io.stockflow.local.LocalFlink.Role;
import io.stockflow.local.LocalKafka;
import io.stockflow.local.LocalPorts;
import io.stockflow.model.MovementType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header =
                "The fault suite: the live inventory job through crashes, compared with a bounded run of the same input.",
        description = {
            "Generates a history, runs the inventory job over it bounded (the oracle), then runs it live on a "
                    + "local standalone cluster with its own Kafka broker (free ports, everything under --dir), feeding the"
                    + " history in portions and between them killing the TaskManager (SIGKILL; the supervisor starts "
                    + "another), restarting the broker and killing the JobManager (then `cluster start` and `recover`; with"
                    + " --ha the supervisor starts another and it resumes the job by itself). Reads the live outputs back "
                    + "read_committed and prints records lost, duplicated, positions whose on-hand differs, and the "
                    + "recovery time of each fault. Exit 0 when nothing is lost, duplicated or different, 1 otherwise.",
            "Example: ./stockflow chaos --taskmanager-kills 10"
        })
public final class ChaosCommand implements Callable<Integer> {
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--taskmanager-kills",
            paramLabel = "N",
            description = "TaskManager kills (default: ${DEFAULT-VALUE}).")
    int taskManagerKills = 10;

    @Option(names = "--no-broker-restart", description = "Leave the broker running throughout.")
    boolean noBrokerRestart;

    @Option(names = "--no-jobmanager-kill", description = "Leave the JobManager running throughout.")
    boolean noJobManagerKill;

    @Option(
            names = "--ha",
            description = {
                "Run the cluster with JobManager high availability (ZooKeeper, as `cluster start --ha`): the "
                        + "JobManager kill heals by itself, with no `recover`. Off by default, as for `cluster start`."
            })
    boolean ha;

    @Option(
            names = "--hours",
            paramLabel = "H",
            description = "Hours of generated history (default: ${DEFAULT-VALUE}).")
    int hours = 24;

    @Option(
            names = "--orders-per-hour",
            paramLabel = "N",
            description = "Average orders per hour in the history (default: ${DEFAULT-VALUE}).")
    double ordersPerHour = 300;

    @Option(names = "--seed", description = "Seed of the history (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(
            names = "--initial-stock",
            paramLabel = "TYPE",
            description =
                    "How the initial stock arrives: COUNT (a physical count) or RECEIPT (default: ${DEFAULT-VALUE}).")
    MovementType initialStock = MovementType.COUNT;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
    int partitions = 1;

    @Option(
            names = "--checkpoint-interval",
            paramLabel = "DURATION",
            description = "The live job's checkpoint interval (default: ${DEFAULT-VALUE}).")
    String checkpointInterval = "1s";

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Where the suite keeps its history, outputs, broker and cluster; emptied first"
                    + " (default: .stockflow/chaos).")
    Path dir = Home.path().resolve(".stockflow").resolve("chaos");

    @Option(names = "--jar", paramLabel = "FILE", description = "The job jar (default: ${DEFAULT-VALUE}).")
    Path jar = Home.path().resolve("jobs").resolve("target").resolve(Version.jobJar());

    /** The project folder whose flink-conf, broker jars and cluster jars the suite uses (tests run from a module). */
    @Option(names = "--project", hidden = true, paramLabel = "DIR")
    Path project = Home.path();

    /** A fault and how long the job took to be running again from its state. */
    record Recovery(String fault, double seconds) {}

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(jar)) {
            err().println("job jar " + jar + " not found: build it with `mvn -DskipTests package`");
            return 2;
        }
        dir = dir.toAbsolutePath();
        deleteRecursively(dir);
        Files.createDirectories(dir);

        ChaosHistory history = ChaosHistory.generate(seed, Duration.ofHours(hours), ordersPerHour, initialStock);
        Path input = dir.resolve("input");
        history.write(input);
        out().println("History: " + history.size() + " records " + history.counts() + ", initial stock as "
                + initialStock + ", in " + input);

        Path oracle = dir.resolve("bounded");
        long t0 = System.nanoTime();
        int bounded = stockflow(
                "run",
                "inventory",
                "--input",
                input.toString(),
                "--output",
                oracle.toString(),
                "--state-dir",
                dir.resolve("bounded-state").toString());
        if (bounded != 0) {
            err().println("the bounded run failed (exit " + bounded + ")");
            return 2;
        }
        out().printf("Bounded run (the oracle) in %.1f s: %s%n", seconds(t0), oracle);

        LocalKafka kafka = new LocalKafka(
                dir.resolve("kafka"),
                project.resolve("local-kafka").resolve("target").resolve("lib"),
                LocalPorts.freePort(),
                LocalPorts.freePort());
        LocalFlink flink = LocalFlink.isolated(dir.resolve("flink"), project);
        if (ha) flink = flink.withHighAvailability(LocalPorts.freePort());
        Process[] broker = {null};
        try {
            broker[0] = kafka.start(Duration.ofSeconds(60));
            LocalKafka.createTopics(kafka.bootstrap(), Topics.ALL, partitions);
            flink.start(Duration.ofSeconds(90));
            flink.startSupervisor();
            out().println("Broker " + kafka.bootstrap() + ", cluster http://" + flink.restAddress() + " (supervised"
                    + (ha
                            ? ", high availability with ZooKeeper on "
                                    + flink.highAvailability().orElseThrow().quorum()
                            : "")
                    + "), logs in " + dir);
            List<Recovery> recoveries = live(history, kafka, broker, flink);
            Map<String, List<String>> expected = new LinkedHashMap<>();
            for (String topic : OutputComparison.TOPICS) {
                expected.put(topic, OutputComparison.boundedOutput(oracle, topic));
            }
            Map<String, List<String>> committed = settle(kafka.bootstrap(), expected);
            OutputComparison.Result result = OutputComparison.compare(expected, committed);
            report(result, recoveries);
            return result.clean() ? 0 : 1;
        } finally {
            flink.stopAll(Duration.ofSeconds(15));
            if (broker[0] != null) LocalKafka.stop(broker[0].toHandle(), Duration.ofSeconds(15));
        }
    }

    /** Submits the job, feeds the history in portions and injects a fault after each but the last. */
    private List<Recovery> live(ChaosHistory history, LocalKafka kafka, Process[] broker, LocalFlink flink)
            throws Exception {
        List<String> faults = new ArrayList<>();
        for (int i = 0; i < taskManagerKills; i++) faults.add("TaskManager kill " + (i + 1));
        if (!noBrokerRestart) faults.add(faults.size() / 2, "broker restart");
        if (!noJobManagerKill) faults.add("JobManager kill");

        FlinkRest rest = new FlinkRest(flink.restAddress());
        Path submissions = dir.resolve("submissions.jsonl");
        String job = lastLine(run(
                "submit",
                "inventory",
                "--rest",
                flink.restAddress(),
                "--jar",
                jar.toString(),
                "--submissions",
                submissions.toString(),
                "--bootstrap",
                kafka.bootstrap(),
                "--checkpoint-interval",
                checkpointInterval));
        await("the job to run", () -> "RUNNING".equals(state(rest, job)));
        String[] current = {job};

        List<Recovery> recoveries = new ArrayList<>();
        List<List<GeneratedRecord>> portions = history.portions(faults.size() + 1);
        for (int i = 0; i < portions.size(); i++) {
            ChaosHistory.send(kafka.bootstrap(), portions.get(i));
            if (i == faults.size()) break;
            // The fault strikes once the job has checkpointed part of this portion: state to restore, records in
            // flight.
            long checkpoints = count(() -> rest.completedCheckpoints(current[0]));
            await("a checkpoint", () -> count(() -> rest.completedCheckpoints(current[0])) > checkpoints);
            String fault = faults.get(i);
            long started = System.nanoTime();
            if (fault.startsWith("TaskManager")) {
                long restored = count(() -> rest.restoredCheckpoints(current[0]));
                flink.kill(Role.TASKMANAGER);
                await(
                        "the job to restore after the TaskManager kill",
                        () -> "RUNNING".equals(state(rest, current[0]))
                                && count(() -> rest.restoredCheckpoints(current[0])) > restored);
            } else if (fault.startsWith("broker")) {
                LocalKafka.stop(broker[0].toHandle(), Duration.ofSeconds(30));
                broker[0] = kafka.start(Duration.ofSeconds(60));
                long after = count(() -> rest.completedCheckpoints(current[0]));
                await(
                        "a checkpoint after the broker restart",
                        () -> "RUNNING".equals(state(rest, current[0]))
                                && count(() -> rest.completedCheckpoints(current[0])) > after);
            } else if (ha) {
                // The supervisor starts another JobManager, which takes the leadership once the dead one's ZooKeeper
                // session expires and resumes the same job from its latest checkpoint.
                flink.kill(Role.JOBMANAGER);
                await(
                        "the same job's first checkpoint under a new JobManager",
                        () -> "RUNNING".equals(state(rest, current[0]))
                                && count(() -> rest.completedCheckpoints(current[0])) > 0);
            } else {
                flink.kill(Role.JOBMANAGER);
                flink.startMissing(WAIT);
                current[0] = lastLine(run(
                        "recover",
                        "inventory",
                        "--rest",
                        flink.restAddress(),
                        "--jar",
                        jar.toString(),
                        "--submissions",
                        submissions.toString()));
                await(
                        "the recovered job's first checkpoint",
                        () -> "RUNNING".equals(state(rest, current[0]))
                                && count(() -> rest.completedCheckpoints(current[0])) > 0);
            }
            Recovery r = new Recovery(fault, seconds(started));
            out().printf("%s: job running from its state again after %.1f s%n", r.fault(), r.seconds());
            out().flush();
            recoveries.add(r);
        }
        return recoveries;
    }

    /**
     * Reads the committed outputs until the live job has caught up: the record-by-record topics hold at least as many
     * records as the oracle's, or nothing new has been committed for 30 s.
     */
    private Map<String, List<String>> settle(String bootstrap, Map<String, List<String>> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long lastChange = System.nanoTime();
        int lastTotal = -1;
        while (true) {
            Map<String, List<String>> live = new LinkedHashMap<>();
            int total = 0;
            boolean caughtUp = true;
            for (String topic : OutputComparison.TOPICS) {
                List<String> records = CommittedOutputs.read(bootstrap, topic);
                live.put(topic, records);
                total += records.size();
                if (!topic.equals(Topics.AVAILABILITY)
                        && records.size() < expected.get(topic).size()) caughtUp = false;
            }
            if (total != lastTotal) {
                lastTotal = total;
                lastChange = System.nanoTime();
            }
            boolean quiet =
                    System.nanoTime() - lastChange > Duration.ofSeconds(30).toNanos();
            if (quiet || System.nanoTime() > deadline) return live;
            if (caughtUp) {
                // Caught up on the counted topics: one more checkpoint interval or so for the last availability.
                TimeUnit.SECONDS.sleep(5);
                for (String topic : OutputComparison.TOPICS) live.put(topic, CommittedOutputs.read(bootstrap, topic));
                return live;
            }
            TimeUnit.SECONDS.sleep(2);
        }
    }

    private void report(OutputComparison.Result result, List<Recovery> recoveries) {
        PrintWriter out = out();
        out.println();
        out.printf("%-24s %9s %9s %6s %11s %9s%n", "output", "expected", "live", "lost", "duplicated", "differ");
        for (OutputComparison.TopicResult t : result.topics()) {
            out.printf(
                    "%-24s %9d %9d %6s %11d %9s%n",
                    t.topic(),
                    t.expected(),
                    t.live(),
                    t.topic().equals(Topics.AVAILABILITY) ? "-" : Integer.toString(t.lost()),
                    t.duplicated(),
                    t.topic().equals(Topics.AVAILABILITY) ? "-" : Integer.toString(t.differing()));
        }
        for (OutputComparison.TopicResult t : result.topics()) {
            if (!t.firstDifference().isEmpty()) {
                out.println("  first " + t.topic() + " record that differs:\n    " + t.firstDifference());
            }
        }
        long net = result.positionsDiffering().stream()
                .mapToLong(p -> (p.liveOnHand() == null ? 0 : p.liveOnHand()) - p.expectedOnHand())
                .sum();
        out.println();
        out.println("records lost: " + result.lost());
        out.println("records duplicated: " + result.duplicated());
        out.println("positions that differ: " + result.positionsDiffering().size() + " of " + result.positions()
                + " (on-hand per SKU and location" + (net != 0 ? ", net " + net + " units" : "") + ")");
        result.positionsDiffering().stream()
                .limit(20)
                .forEach(p -> out.println("  " + p.key() + ": bounded " + p.expectedOnHand() + ", live "
                        + (p.liveOnHand() == null ? "none" : p.liveOnHand())));
        out.println("recovery times:");
        for (Recovery r : recoveries) out.printf("  %-22s %6.1f s%n", r.fault(), r.seconds());
        out.flush();
    }

    /** Runs a launcher command in this JVM; its output goes to ours, its last line is returned by {@link #run}. */
    private int stockflow(String... args) {
        CommandLine cli = Stockflow.commandLine();
        cli.setOut(out()).setErr(err());
        return cli.execute(args);
    }

    private String run(String... args) {
        StringWriter captured = new StringWriter();
        StringWriter errors = new StringWriter();
        CommandLine cli = Stockflow.commandLine();
        cli.setOut(new PrintWriter(captured, true)).setErr(new PrintWriter(errors, true));
        int exit = cli.execute(args);
        if (exit != 0)
            throw new IllegalStateException(
                    "stockflow " + args[0] + " failed: " + errors.toString().trim());
        return captured.toString();
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.get(lines.size() - 1).trim();
    }

    private static String state(FlinkRest rest, String job) {
        try {
            return rest.state(job);
        } catch (IOException e) {
            return "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "INTERRUPTED";
        }
    }

    interface Count {
        long get() throws Exception;
    }

    /** A REST counter, -1 while the JobManager does not answer (it may be restarting). */
    private static long count(Count c) {
        try {
            return c.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("waited " + WAIT + " for " + what);
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) return;
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

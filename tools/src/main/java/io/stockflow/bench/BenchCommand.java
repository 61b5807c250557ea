package io.stockflow.bench;

import io.stockflow.cluster.FlinkRest;
import io.stockflow.flink.graph.JobGraph;
import io.stockflow.flink.graph.Jobs;
import io.stockflow.flink.io.KafkaBinding;
import io.stockflow.flink.io.KafkaSettings;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.RoutingMode;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.flink.main.FlinkOptions;
import io.stockflow.flink.main.Home;
import io.stockflow.generate.GeneratorSettings;
import io.stockflow.local.LocalKafka;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measures the hot path against the ceiling of this machine, side by side in one run.",
            "",
            "HOT_PATH: pre-loads realistic traffic and a rule set, then runs a Kafka -> Kafka "
                    + "passthrough job and the inventory job over the same input, with the same",
            "parallelism and sink settings, each output sent as the default configuration "
                    + "sends it. Prints what each achieved; the latency from an order to its",
            "availability update and to its decision being visible read_committed; and, "
                    + "last, the I/O-matched ratio: records read + written per second, the hot path's",
            "over the passthrough's.",
            "REPLAY: writes generated orders with their movements and shipments as files "
                    + "and runs every job over them, bounded, with the rule set in force (as",
            "`run all --input --output` does): orders/s and wall time.",
            "SYNC: runs the inventory and sync jobs against the marketplace simulator with "
                    + "its limits on, feeds orders in real time, and prints how long each channel",
            "keeps listing a sold-out SKU and the API calls per 1,000 orders.",
            ""
        })
public final class BenchCommand implements Callable<Integer> {
    /** Threads below this share of a core are summed up as one line. */
    private static final double MIN_CORES_SHOWN = 0.01;
    /** How long one job may take over the pre-loaded input before the bench gives up on it. */
    private static final Duration RUN_DEADLINE = Duration.ofMinutes(15);

    private static final List<String> INPUTS = List.of(Topics.ORDERS_RAW, Topics.MOVEMENTS, Topics.FULFILMENT);
    /** Everything the inventory job writes, the topics it reads back included. */
    private static final List<String> OUTPUTS = List.of(
            Topics.ORDERS_CANONICAL,
            Topics.AVAILABILITY,
            Topics.ALLOCATIONS,
            Topics.ROUTING_CAPACITY,
            Topics.ALERTS,
            Topics.DEADLETTER,
            Topics.CUSTOMERS_CONTACTS,
            Topics.ROUTING_CORRECTIONS);

    @Option(
            names = "--bootstrap",
            paramLabel = "HOST:PORT",
            description =
                    "Kafka to use (default: the local broker on " + LocalKafka.BOOTSTRAP + ", started if needed).")
    String bootstrap;

    @Option(names = "--orders", description = "Order envelopes to pre-load (default: ${DEFAULT-VALUE}).")
    long orders = 1_000_000;

    @Option(names = "--positions", description = "SKU x location positions in the ledger (default: ${DEFAULT-VALUE}).")
    int positions = 10_000;

    @Option(names = "--locations", description = "Locations (default: ${DEFAULT-VALUE}).")
    int locations = 4;

    @Option(
            names = "--rate",
            paramLabel = "FRACTION",
            description =
                    "Latency is measured at this fraction of the hot path's maximum rate (default: ${DEFAULT-VALUE}).")
    double rate = 0.5;

    private static final String LATENCY_FOR = "20s";

    @Option(
            names = "--latency-for",
            paramLabel = "DURATION",
            converter = io.stockflow.flink.job.DurationConverter.class,
            description = "How long the latency probe runs (default: " + LATENCY_FOR + ").")
    Duration latencyFor = new io.stockflow.flink.job.DurationConverter().convert(LATENCY_FOR);

    @Option(names = "--seed", description = "Seed of the traffic (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(
            names = "--routing-mode",
            paramLabel = "MODE",
            description = "The hot path's routing mode, parallel or serial, as `run --routing-mode` sets it (default:"
                    + " parallel).")
    String routingMode = RoutingMode.PARALLEL.toString();

    @Option(
            names = "--at-least-once",
            split = ",",
            paramLabel = "TOPIC",
            description = "Send these outputs of the hot path at-least-once, as `run --at-least-once` does (default:"
                    + " none; only routing.capacity, as in the default configuration).")
    List<String> atLeastOnce = new ArrayList<>();

    @Option(
            names = "--no-rules",
            description = "Publish no rule set: the built-in allocator decides, and no capacity is counted.")
    boolean noRules;

    /** The parts of the bench; all run by default. */
    enum Section {
        HOT_PATH,
        REPLAY,
        SYNC
    }

    @Option(
            names = "--sections",
            split = ",",
            paramLabel = "SECTION",
            description = "What to run: HOT_PATH, REPLAY, SYNC, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Section> sections = List.of(Section.HOT_PATH, Section.REPLAY, Section.SYNC);

    @Option(
            names = "--replay-orders",
            description = "Order envelopes the replay section runs over (default: ${DEFAULT-VALUE}).")
    long replayOrders = 1_000_000;

    private static final String REPLAY_SPAN = "30d";

    @Option(
            names = "--replay-span",
            paramLabel = "DURATION",
            converter = io.stockflow.flink.job.DurationConverter.class,
            description = "The event time the replay's orders are spread over (default: " + REPLAY_SPAN + ").")
    Duration replaySpan = new io.stockflow.flink.job.DurationConverter().convert(REPLAY_SPAN);

    @Option(
            names = "--replay-work",
            paramLabel = "DIR",
            description = "Where the replay section writes its input and output files, deleted after the run"
                    + " (default: a temporary folder).")
    Path replayWork;

    @Option(
            names = "--sync-rate",
            paramLabel = "ORDERS_PER_SECOND",
            description = "Orders per second fed in real time in the sync section (default: ${DEFAULT-VALUE}).")
    double syncRate = 20;

    private static final String SYNC_DURATION = "150s";
    private static final String SYNC_WARM_UP = "40s";
    /** After the last order, the time left for its sell-outs to reach the channels. */
    private static final Duration SYNC_DRAIN = Duration.ofSeconds(10);

    @Option(
            names = "--sync-duration",
            paramLabel = "DURATION",
            converter = io.stockflow.flink.job.DurationConverter.class,
            description =
                    "How long the sync section feeds orders, its warm-up included (default: " + SYNC_DURATION + ").")
    Duration syncDuration = new io.stockflow.flink.job.DurationConverter().convert(SYNC_DURATION);

    @Option(
            names = "--sync-warm-up",
            paramLabel = "DURATION",
            converter = io.stockflow.flink.job.DurationConverter.class,
            description = "The first part of the sync section left out of its figures, while the jobs and the"
                    + " channels' first pushes settle (default: " + SYNC_WARM_UP + ").")
    Duration syncWarmUp = new io.stockflow.flink.job.DurationConverter().convert(SYNC_WARM_UP);

    @Option(
            names = "--sync-skus",
            description = "SKUs listed on every channel in the sync section (default: ${DEFAULT-VALUE}).")
    int syncSkus = 100;

    @Mixin
    FlinkOptions flink;

    @Override
    public Integer call() throws Exception {
        ProcessHandle started = null;
        ProcessHandle broker = null;
        // The replay reads and writes files: only the hot path and the sync section need a broker.
        boolean needsKafka = sections.contains(Section.HOT_PATH) || sections.contains(Section.SYNC);
        if (bootstrap == null && needsKafka) {
            bootstrap = LocalKafka.BOOTSTRAP;
            LocalKafka local = new LocalKafka(Home.path());
            started = local.ensureUp(Duration.ofSeconds(60))
                    .map(Process::toHandle)
                    .orElse(null);
            broker = started != null ? started : local.running().orElse(null);
        }
        String run = "bench" + (System.currentTimeMillis() / 1000 % 1_000_000);
        if (syncDuration.compareTo(syncWarmUp) <= 0) {
            System.err.println("stockflow bench: --sync-duration must be longer than --sync-warm-up");
            return 2;
        }
        try {
            routingMode();
        } catch (IllegalArgumentException e) {
            System.err.println("stockflow bench: --routing-mode is parallel or serial");
            return 2;
        }
        String ratio = null;
        try {
            if (sections.contains(Section.HOT_PATH)) ratio = hotPath(run, broker);
            if (sections.contains(Section.REPLAY)) replay();
            if (sections.contains(Section.SYNC)) {
                SyncBench.Settings settings =
                        new SyncBench.Settings(syncRate, syncDuration, syncWarmUp, SYNC_DRAIN, syncSkus, seed);
                Path folder = Files.createTempDirectory("stockflow-sync-bench");
                SyncReport.print(SyncBench.run(bootstrap, run + "-sync", flink, settings, folder), System.out);
            }
            // The figure the hot path is judged by comes last, whatever else ran.
            if (ratio != null) System.out.println(ratio);
        } finally {
            if (started != null) LocalKafka.stop(started, Duration.ofSeconds(20));
        }
        return 0;
    }

    /** The replay section: every job, bounded, over generated files. */
    private void replay() throws Exception {
        GeneratorSettings traffic =
                BenchTraffic.history(seed, Math.max(1, positions / locations), locations, replayOrders, replaySpan);
        Path work = replayWork != null
                ? Files.createDirectories(replayWork).resolve("replay-" + System.currentTimeMillis())
                : Files.createTempDirectory("stockflow-replay-bench");
        System.out.printf("Replaying %d orders (every job, bounded) ...%n", replayOrders);
        try {
            ReplayBench.print(
                    ReplayBench.run(flink, traffic, replayOrders, work), replaySpan, flink.parallelism, System.out);
        } finally {
            ReplayBench.delete(work);
        }
    }

    /**
     * The passthrough and the inventory job over the same pre-loaded traffic, and the hot path's latency; returns the
     * I/O-matched ratio's line, to be printed last.
     */
    private String hotPath(String run, ProcessHandle broker) throws Exception {
        KafkaSettings kafka = new KafkaSettings(bootstrap);
        for (String t : INPUTS) kafka.topicNames.put(t, run + "." + t);
        for (String t : OUTPUTS) kafka.topicNames.put(t, run + "." + t);
        kafka.topicNames.put(Topics.ROUTING_RULES, run + "." + Topics.ROUTING_RULES);
        kafka.topicNames.put(PassthroughJob.OUTPUT, run + "." + PassthroughJob.OUTPUT);
        // Each output goes as the default configuration sends it, unless told otherwise.
        kafka.atLeastOnceTopics.addAll(atLeastOnce);
        LocalKafka.createTopics(bootstrap, kafka.topicNames.values(), flink.parallelism * 2);
        try {
            GeneratorSettings traffic =
                    BenchTraffic.settings(seed, Math.max(1, positions / locations), locations, orders);
            System.out.printf(
                    "Pre-loading %d orders with %d positions (%d skus x %d locations) ...%n",
                    orders, traffic.skus * locations, traffic.skus, locations);
            Map<String, String> names = new LinkedHashMap<>();
            for (String t : INPUTS) names.put(t, kafka.topicName(t));
            Map<String, Long> sent = BenchTraffic.preload(bootstrap, traffic, orders, names);
            if (!noRules) {
                BenchTraffic.publish(
                        bootstrap,
                        kafka.topicName(Topics.ROUTING_RULES),
                        BenchRules.document(traffic.locations, BenchRules.dailyCapacity(orders)));
            }
            long canonicalEvents = sent.remove(BenchTraffic.CANONICAL_EVENTS);
            long inputRecords =
                    sent.values().stream().mapToLong(Long::longValue).sum();
            // Of the input records, the order envelopes: what a shop counts (the rest are stock movements and
            // shipments).
            double orderShare = (double) orders / inputRecords;
            System.out.println("Pre-loaded " + sent);

            Phase passthrough = runPhase(
                    run + "-passthrough",
                    inputRecords,
                    List.of(PassthroughJob.OUTPUT),
                    PassthroughJob.OUTPUT,
                    inputRecords,
                    kafka,
                    broker,
                    progress -> true,
                    env -> PassthroughJob.build(env, new KafkaBinding(kafka, run + "-passthrough"), INPUTS),
                    null);
            // The generator sends every position's opening stock count first: orders are timed once those are read,
            // so that with many positions the rate is of orders against a full ledger, not of loading it.
            long openingCounts = (long) traffic.skus * locations;
            String movements = kafka.topicName(Topics.MOVEMENTS);
            Phase hotPath = runPhase(
                    run + "-inventory",
                    inputRecords,
                    OUTPUTS,
                    Topics.ORDERS_CANONICAL,
                    canonicalEvents,
                    kafka,
                    broker,
                    progress -> progress.committed("stockflow-" + run + "-inventory", movements) >= openingCounts,
                    env -> JobGraph.wire(
                            env,
                            Jobs.resolve("inventory"),
                            new KafkaBinding(kafka, run + "-inventory"),
                            new JobOptions().set(StockflowOptions.ROUTING_MODE, routingMode())),
                    phase -> phase.latency =
                            latency(kafka, BenchTraffic.skus(traffic), phase.inPerSecond * orderShare * rate));
            return print(inputRecords, orderShare, traffic, kafka, passthrough, hotPath);
        } finally {
            deleteTopics(bootstrap, kafka.topicNames.values());
        }
    }

    private RoutingMode routingMode() {
        return RoutingMode.valueOf(routingMode.trim().toUpperCase(java.util.Locale.ROOT));
    }

    static void deleteTopics(String bootstrap, java.util.Collection<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Whether the job under test has read what it needs before it is timed. */
    private interface StateLoaded {
        boolean test(KafkaProgress progress) throws Exception;
    }

    /** What one job achieved over the pre-loaded input. */
    static final class Phase {
        double inPerSecond;
        double outPerSecond;
        double flinkCores;
        double brokerCores = Double.NaN;
        CheckpointStats checkpoints;
        LatencyProbe.Latencies latency;
        List<ProbeCheckpoints.Taken> probeCheckpoints = List.of();
        List<VertexLoad.Task> load = List.of();
        List<CheckpointPhases.Task> checkpointPhases = List.of();
        List<Map.Entry<String, Double>> threadCores = List.of();
    }

    /**
     * Runs one job over the pre-loaded input. Its progress is read off one output topic whose final count is known
     * ({@code progressTotal} records once all input is processed), scaled to input records, as they are written (not
     * only once committed at a checkpoint), from half way (or once the state is loaded, if later) to 90% of the run.
     */
    private Phase runPhase(
            String name,
            long inputRecords,
            List<String> outputs,
            String progressTopic,
            long progressTotal,
            KafkaSettings kafka,
            ProcessHandle broker,
            StateLoaded stateLoaded,
            Consumer<StreamExecutionEnvironment> build,
            Consumer<Phase> whileRunning)
            throws Exception {
        System.out.println("Running " + name + " ...");
        flink.webPort = freePort();
        StreamExecutionEnvironment env = flink.environment(false);
        build.accept(env);
        List<String> progressTopics = List.of(kafka.topicName(progressTopic));
        List<String> out = new ArrayList<>();
        for (String t : outputs) out.add(kafka.topicName(t));
        Phase phase = new Phase();
        RateWindow progressRate = new RateWindow();
        RateWindow outRate = new RateWindow();
        JobClient job = env.executeAsync(name);
        FlinkRest rest = new FlinkRest("127.0.0.1:" + flink.webPort);
        String jobId = job.getJobID().toString();
        try (KafkaProgress progress = new KafkaProgress(kafka.bootstrap)) {
            long cpu0 = processCpuNanos();
            long brokerCpu0 = brokerCpuNanos(broker);
            long t0 = System.nanoTime();
            long deadline = t0 + RUN_DEADLINE.toNanos();
            boolean loaded = false;
            Map<String, Long> threadsHalfWay = null;
            long halfWay = 0;
            while (progressRate.last() < progressTotal && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(250);
                long now = System.nanoTime();
                progressRate.add(now, progress.writtenEnd(progressTopics));
                outRate.add(now, progress.writtenEnd(out));
                if (!loaded && stateLoaded.test(progress)) {
                    loaded = true;
                    progressRate.startHere();
                    outRate.startHere();
                }
                // Flink's metric fetcher may not have the task metrics yet: ask again until it has (up to 3/4 of the
                // run).
                long progressed = progressRate.last();
                if (threadsHalfWay == null && progressed >= progressTotal / 2) {
                    threadsHalfWay = ThreadCpu.sample();
                    halfWay = now;
                }
                if (!VertexLoad.known(phase.load)
                        && progressed >= progressTotal / 2
                        && progressed < progressTotal / 4 * 3) {
                    phase.load = VertexLoad.fetch(rest, jobId);
                }
            }
            if (progressRate.last() < progressTotal) {
                // Its rates are n/a then: where it stood tells a stalled job from a slow one.
                System.out.printf(
                        "%s did not finish within %d minutes: %d of the %d records expected on %s%n",
                        name, RUN_DEADLINE.toMinutes(), progressRate.last(), progressTotal, progressTopic);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (threadsHalfWay != null && System.nanoTime() - halfWay >= TimeUnit.SECONDS.toNanos(1)) {
                phase.threadCores = ThreadCpu.cores(
                        threadsHalfWay, ThreadCpu.sample(), (System.nanoTime() - halfWay) / 1e9, MIN_CORES_SHOWN);
            }
            phase.flinkCores = (processCpuNanos() - cpu0) / 1e9 / seconds;
            if (broker != null) phase.brokerCores = (brokerCpuNanos(broker) - brokerCpu0) / 1e9 / seconds;
            phase.inPerSecond = progressRate.perSecond(progressTotal) * inputRecords / progressTotal;
            phase.outPerSecond = outRate.perSecond(outRate.last());
            phase.checkpoints = CheckpointStats.fetch(rest, jobId);
            phase.checkpointPhases = CheckpointPhases.fetch(rest, jobId);
            // Stages after the progress topic may still have a backlog: let the outputs settle first.
            long settled = -1;
            while (outRate.last() != settled && System.nanoTime() < deadline) {
                settled = outRate.last();
                TimeUnit.SECONDS.sleep(3);
                outRate.add(System.nanoTime(), progress.writtenEnd(out));
            }
            if (whileRunning != null) whileRunning.accept(phase);
            if (phase.latency != null) {
                phase.probeCheckpoints =
                        ProbeCheckpoints.fetch(rest, jobId, phase.latency.startMillis(), phase.latency.endMillis());
            }
        } finally {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
        return phase;
    }

    private LatencyProbe.Latencies latency(KafkaSettings kafka, List<String> skus, double ordersPerSecond) {
        System.out.printf("Measuring latency at %.0f orders/s for %s ...%n", ordersPerSecond, latencyFor);
        try {
            return LatencyProbe.measure(
                    kafka.bootstrap,
                    kafka.topicName(Topics.ORDERS_RAW),
                    kafka.topicName(Topics.AVAILABILITY),
                    kafka.topicName(Topics.ALLOCATIONS),
                    flink.checkpointInterval,
                    skus,
                    ordersPerSecond,
                    latencyFor);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private String print(
            long inputRecords, double share, GeneratorSettings traffic, KafkaSettings kafka, Phase pass, Phase hot) {
        System.out.printf(
                "%nstockflow bench: %d orders (%d input records), %d positions (%d skus x %d locations), "
                        + "parallelism %d, checkpoints every %s, %s%n",
                orders,
                inputRecords,
                traffic.skus * locations,
                traffic.skus,
                locations,
                flink.parallelism,
                flink.checkpointInterval,
                noRules ? "no rule set (the built-in allocator)" : "rule set " + BenchRules.VERSION + " in force");
        System.out.println("delivery: passthrough exactly-once; hot path " + deliveries(kafka));
        System.out.printf("%-34s %18s %22s%n", "", "passthrough", "inventory (hot path)");
        row("records in/s", "%.0f", pass.inPerSecond, hot.inPerSecond);
        row("of them order envelopes/s", "%.0f", pass.inPerSecond * share, hot.inPerSecond * share);
        row("records out/s", "%.0f", pass.outPerSecond, hot.outPerSecond);
        row("CPU of Flink's JVM (cores)", "%.2f", pass.flinkCores, hot.flinkCores);
        row("CPU of the broker (cores)", "%.2f", pass.brokerCores, hot.brokerCores);
        System.out.printf(
                "%-34s %18s %22s%n",
                "checkpoint duration p50 / p99 ms",
                millis(pass.checkpoints.p50Millis) + " / " + millis(pass.checkpoints.p99Millis),
                millis(hot.checkpoints.p50Millis) + " / " + millis(hot.checkpoints.p99Millis));
        System.out.printf(
                "%-34s %18s %22s%n",
                "state size (last checkpoint)",
                megabytes(pass.checkpoints.stateBytes),
                megabytes(hot.checkpoints.stateBytes));
        if (hot.latency != null && hot.latency.all().getTotalCount() > 0) {
            Histogram h = hot.latency.all();
            System.out.printf(
                    "order -> availability at %.0f orders/s (%.0f%% of max): p50 %.1f ms, p99 %.1f ms, "
                            + "p99.9 %.1f ms (%d updates)%n",
                    hot.inPerSecond * share * rate,
                    rate * 100,
                    h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0,
                    h.getValueAtPercentile(99.9) / 1000.0,
                    h.getTotalCount());
            StringBuilder worst = new StringBuilder();
            for (long ms : hot.latency.worstBySecond()) worst.append(' ').append(ms);
            System.out.println("    worst of each second of the probe, ms:" + worst);
            System.out.println("    checkpoints during the probe (second it started: end-to-end ms):"
                    + ProbeCheckpoints.describe(hot.probeCheckpoints));
        } else {
            System.out.println("order -> availability: no update observed");
        }
        if (hot.latency != null && hot.latency.decisions().getTotalCount() > 0) {
            Histogram d = hot.latency.decisions();
            System.out.printf(
                    "order -> decision visible read_committed (orders.allocations, %s): p50 %.1f ms, p99 %.1f ms "
                            + "(%d decisions)%n",
                    describe(new KafkaBinding(kafka, "bench").deliveryGuarantee(Topics.ALLOCATIONS)),
                    d.getValueAtPercentile(50) / 1000.0,
                    d.getValueAtPercentile(99) / 1000.0,
                    d.getTotalCount());
        } else {
            System.out.println("order -> decision visible read_committed: no decision observed");
        }
        System.out.printf(
                "state scaling: %d positions, checkpoint p99 %s ms, state %s%n",
                (long) traffic.skus * locations,
                millis(hot.checkpoints.p99Millis),
                megabytes(hot.checkpoints.stateBytes));
        System.out.println("where the time goes, half way through the passthrough:");
        VertexLoad.print(pass.load);
        System.out.println("and through the hot path:");
        VertexLoad.print(hot.load);
        System.out.println("CPU by thread through the hot path, from half way to the end (cores):");
        if (hot.threadCores.isEmpty()) System.out.println("    (the second half of the run was too short to tell)");
        for (Map.Entry<String, Double> e : hot.threadCores) {
            System.out.printf("    %5.2f  %s%n", e.getValue(), BenchText.shorten(e.getKey(), 100));
        }
        System.out.println("checkpoints of the hot path, per task:");
        CheckpointPhases.print(hot.checkpointPhases);
        double ratio = hot.inPerSecond / pass.inPerSecond;
        System.out.printf(
                "hot path / passthrough (records in) = %s (%.0f orders/s vs %.0f records/s)%n",
                format(ratio), hot.inPerSecond * share, pass.inPerSecond);
        double hotIo = hot.inPerSecond + hot.outPerSecond;
        double passIo = pass.inPerSecond + pass.outPerSecond;
        return String.format(
                "hot path / passthrough (records in+out) = %s (%.0f vs %.0f records/s)",
                format(hotIo / passIo), hotIo, passIo);
    }

    private static String format(double ratio) {
        return Double.isFinite(ratio) ? String.format("%.2f", ratio) : "n/a";
    }

    /** Which of the hot path's outputs go exactly-once and which at-least-once. */
    private static String deliveries(KafkaSettings kafka) {
        KafkaBinding binding = new KafkaBinding(kafka, "bench");
        Map<String, List<String>> byGuarantee = new LinkedHashMap<>();
        for (String t : OUTPUTS) {
            byGuarantee
                    .computeIfAbsent(describe(binding.deliveryGuarantee(t)), g -> new ArrayList<>())
                    .add(t);
        }
        StringBuilder s = new StringBuilder();
        byGuarantee.forEach((g, topics) -> {
            if (s.length() > 0) s.append("; ");
            s.append(g).append(": ").append(String.join(", ", topics));
        });
        return s.toString();
    }

    private static String describe(DeliveryGuarantee guarantee) {
        return guarantee.toString().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void row(String label, String format, double pass, double hot) {
        System.out.printf(
                "%-34s %18s %22s%n",
                label,
                Double.isNaN(pass) ? "n/a" : String.format(format, pass),
                Double.isNaN(hot) ? "n/a" : String.format(format, hot));
    }

    /** A duration in whole milliseconds, or n/a where the run completed no checkpoint to take it from. */
    private static String millis(double value) {
        return Double.isNaN(value) ? "n/a" : String.format("%.0f", value);
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long brokerCpuNanos(ProcessHandle broker) {
        return broker == null
                ? 0
                : broker.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

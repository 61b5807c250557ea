package io.stockflow.cli;

import io.stockflow.anomaly.Evaluation;
import io.stockflow.flink.graph.JobGraph;
import io.stockflow.flink.graph.Jobs;
import io.stockflow.flink.io.FileBinding;
import io.stockflow.flink.io.InputEventTimes;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.DurationConverter;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowJob;
import io.stockflow.flink.main.FlinkOptions;
import io.stockflow.flink.time.ReplayHorizon;
import io.stockflow.generate.GeneratorSettings;
import io.stockflow.generate.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Measures the anomaly detectors: precision, recall and detection delay against injected anomalies.",
        description = {
            "Runs the inventory and anomalies jobs bounded over a scenario (generated here from --seed, or "
                    + "any labelled folder: <topic>.jsonl inputs and labels.jsonl, see docs/jobs/anomalies.md) and",
            "prints, per alert type, precision, recall, median delay and false alarms per week.",
            "An alert matches a label of the same type and subject when its event time lies in "
                    + "[label start, label end + --tolerance]. Delay: first matching alert minus label start.",
            "False alarms: alerts that match no label, per week from the first event to the last."
        })
public final class EvaluateCommand implements Callable<Integer> {
    @Option(
            names = "--scenario",
            paramLabel = "DIR",
            description = "A folder written by 'generate --output' (default: generate one from the options below).")
    Path scenario;

    @Option(
            names = "--work",
            paramLabel = "DIR",
            description = "Where the scenario and the run's outputs go (default: a temporary folder).")
    Path work;

    @Option(names = "--seed", description = "Seed of the generated scenario (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--days", description = "Days of the generated scenario (default: ${DEFAULT-VALUE}).")
    int days = 4;

    @Option(
            names = "--orders-per-hour",
            description = "Orders per hour of the generated scenario (default: ${DEFAULT-VALUE}).")
    double ordersPerHour = 200;

    @Option(names = "--skus", description = "SKUs of the generated scenario (default: ${DEFAULT-VALUE}).")
    int skus = new io.stockflow.generate.GeneratorSettings().skus;

    @Option(
            names = "--control",
            description = "Generate a control scenario: normal traffic with no anomaly, where every alert is false.")
    boolean control;

    @Option(names = "--realistic", description = "Generate traffic less like the detectors' model (see generate).")
    boolean realistic;

    @Option(
            names = "--replenishment-cover",
            description = "Replenishment of the generated scenario, a multiple of "
                    + "the expected demand (default: ${DEFAULT-VALUE}).")
    double replenishmentCover = new io.stockflow.generate.GeneratorSettings().replenishmentCover;

    /** One window of the detectors. */
    private static final String TOLERANCE = "1h";

    @Option(
            names = "--tolerance",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description =
                    "How long after a label's end an alert still matches it (default: " + TOLERANCE + ", one window).")
    Duration tolerance = new DurationConverter().convert(TOLERANCE);

    @Mixin
    JobOptions jobOptions;

    @Mixin
    FlinkOptions flink;

    @Override
    public Integer call() throws Exception {
        Path dir = work != null ? work : Files.createTempDirectory("stockflow-evaluate");
        Path input = scenario;
        if (input == null) {
            input = dir.resolve("scenario");
            GenerateCommand g = new GenerateCommand();
            g.seed = seed;
            g.days = days;
            g.ordersPerHour = ordersPerHour;
            g.replenishmentCover = replenishmentCover;
            g.skus = skus;
            g.noAnomalies = control;
            g.realistic = realistic;
            GeneratorSettings settings = g.settings();
            // A control scenario is judged like the default one: nothing after its end.
            settings.completeLifecycles = false;
            Scenarios.write(settings, input);
        }
        input = unpacked(input, dir.resolve("scenario"));
        Path output = dir.resolve("output");
        Map<String, Evaluation.Score> scores = evaluate(input, output, jobOptions, flink);
        System.out.println("scenario " + input + " (outputs in " + output + ")");
        System.out.print(Scenarios.table(scores));
        System.out.println(stockoutOutcomes(scores, input, output));
        return 0;
    }

    /**
     * How many of the stock-out predictions that match no label came true: the scenario's labels hold the stock-outs
     * injected into it, not those of SKUs whose demand outgrew their trucks.
     */
    String stockoutOutcomes(Map<String, Evaluation.Score> scores, Path input, Path output) throws java.io.IOException {
        Evaluation.Score s = scores.get(io.stockflow.anomaly.AnomalyAlerts.STOCKOUT_PREDICTED);
        int unlabelled = s.alerts - s.matchedAlerts;
        int cameTrue = io.stockflow.anomaly.StockoutOutcomes.unlabelledThatCameTrue(
                        Scenarios.labels(input),
                        Scenarios.stockoutPredictions(output.resolve(Topics.ALERTS)),
                        Scenarios.stockouts(output.resolve(Topics.AVAILABILITY)),
                        tolerance.toMillis())
                .size();
        return "STOCKOUT_PREDICTED alerts that match no label: " + unlabelled + ", of which " + cameTrue
                + " came true (the SKU's overall available reached 0 within its lead time)";
    }

    /**
     * A scenario whose files are gzipped ({@code <topic>.jsonl.gz}, {@code labels.jsonl.gz}: a frozen one kept small)
     * is unpacked into {@code into}; a plain one is used where it is.
     */
    static Path unpacked(Path scenario, Path into) throws java.io.IOException {
        List<Path> packed;
        try (var files = Files.list(scenario)) {
            packed = files.filter(f -> f.getFileName().toString().endsWith(".jsonl.gz"))
                    .sorted()
                    .collect(java.util.stream.Collectors.toList());
        }
        if (packed.isEmpty()) return scenario;
        Files.createDirectories(into);
        for (Path f : packed) {
            String name = f.getFileName().toString();
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(f))) {
                Files.copy(
                        in,
                        into.resolve(name.substring(0, name.length() - ".gz".length())),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return into;
    }

    /** Runs inventory and anomalies in one bounded graph over the scenario, then scores the alerts. */
    Map<String, Evaluation.Score> evaluate(Path input, Path output, JobOptions options, FlinkOptions flinkOptions)
            throws Exception {
        options.replay = true;
        long[] range = InputEventTimes.range(input);
        options.horizon = new ReplayHorizon(range == null ? Long.MIN_VALUE : range[1]);
        List<StockflowJob> jobs = new ArrayList<>(Jobs.resolve("inventory"));
        jobs.addAll(Jobs.resolve("anomalies"));
        StreamExecutionEnvironment env = flinkOptions.environment(true);
        JobGraph.wire(env, jobs, new FileBinding(input.toAbsolutePath(), output.toAbsolutePath()), options);
        env.execute("stockflow evaluate");
        return Evaluation.score(
                Scenarios.labels(input),
                Scenarios.alerts(output.resolve(Topics.ALERTS)),
                tolerance.toMillis(),
                range == null ? 0 : range[1] - range[0]);
    }
}

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
            "Runs the inventory and anomalies jobs bounded over a scenario (generated here from --seed, or",
            "a folder made by 'generate') and prints, per alert type, precision, recall and median delay.",
            "An alert matches a label of the same type and subject when its event time lies in",
            "[label start, label end + --tolerance]. Delay: first matching alert minus label start."
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
            Scenarios.write(g.settings(), input);
        }
        Path output = dir.resolve("output");
        Map<String, Evaluation.Score> scores = evaluate(input, output, jobOptions, flink);
        System.out.println("scenario " + input + " (outputs in " + output + ")");
        System.out.print(Scenarios.table(scores));
        return 0;
    }

    /** Runs inventory and anomalies in one bounded graph over the scenario, then scores the alerts. */
    Map<String, Evaluation.Score> evaluate(Path input, Path output, JobOptions options, FlinkOptions flinkOptions)
            throws Exception {
        options.replay = true;
        options.horizon = new ReplayHorizon(InputEventTimes.max(input).orElse(Long.MIN_VALUE));
        List<StockflowJob> jobs = new ArrayList<>(Jobs.resolve("inventory"));
        jobs.addAll(Jobs.resolve("anomalies"));
        StreamExecutionEnvironment env = flinkOptions.environment(true);
        JobGraph.wire(env, jobs, new FileBinding(input.toAbsolutePath(), output.toAbsolutePath()), options);
        env.execute("stockflow evaluate");
        return Evaluation.score(
                Scenarios.labels(input), Scenarios.alerts(output.resolve(Topics.ALERTS)), tolerance.toMillis());
    }
}

package io.stockflow.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.flink.graph.JobGraph;
import io.stockflow.flink.graph.Jobs;
import io.stockflow.flink.io.FileBinding;
import io.stockflow.flink.io.InputEventTimes;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.flink.main.FlinkOptions;
import io.stockflow.flink.time.ReplayHorizon;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.routing.RuleSetFiles;
import io.stockflow.routing.RuleSetParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Replays order history once per rule set and compares the routing side by side.",
        description = {
            "Each rule set runs the inventory job bounded over the same files, as if it had always been in "
                    + "force (its effective_from is moved to the start of time); outputs go to WORK/<version>/output.",
            "Orders are decided as live routing decides them one at a time, daily capacity included: once a "
                    + "location's day is full, the orders after go to the next location in rank.",
            "Then a table: decisions, complete and split shipments, backorders, estimated cost, transit, load."
        })
public final class BacktestCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--orders", required = true, paramLabel = "FILE", description = "orders.raw history (JSON Lines).")
    Path orders;

    @Option(names = "--movements", paramLabel = "FILE", description = "inventory.movements history (JSON Lines).")
    Path movements;

    @Option(
            names = "--fulfilment",
            paramLabel = "FILE",
            description = "fulfilment.events history (JSON Lines): shipments consume reservations over a long history.")
    Path fulfilment;

    @Option(
            names = "--rules",
            required = true,
            paramLabel = "FILE",
            description = "A rule set to try (JSON, or YAML by extension); repeat to compare several.")
    List<Path> rules = new ArrayList<>();

    @Option(
            names = "--work",
            paramLabel = "DIR",
            description = "Where the runs' inputs and outputs go (default: ${DEFAULT-VALUE}).")
    Path work = Path.of("target", "backtest");

    @Mixin
    FlinkOptions flink;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> versions = new ArrayList<>();
        for (Path file : rules) {
            try {
                String version = RuleSetParser.parseFile(file).version();
                if (versions.contains(version)) {
                    spec.commandLine().getErr().println("stockflow backtest: two rule sets have version " + version);
                    return 2;
                }
                versions.add(version);
            } catch (InvalidRecordException e) {
                spec.commandLine().getErr().println("stockflow backtest: --rules " + e.getMessage());
                return 2;
            }
        }
        List<BacktestSummary> runs = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Path output = replay(rules.get(i), versions.get(i));
            runs.add(BacktestSummary.of(
                    versions.get(i),
                    lines(output.resolve(Topics.ALLOCATIONS)),
                    lines(output.resolve(Topics.ROUTING_CAPACITY))));
        }
        spec.commandLine().getOut().print(BacktestTable.render(runs));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** One bounded run of the inventory job under one rule set; returns its output folder. */
    private Path replay(Path ruleFile, String version) throws Exception {
        Path dir = work.resolve(version).toAbsolutePath();
        delete(dir);
        Path input = Files.createDirectories(dir.resolve("input"));
        Path output = dir.resolve("output");
        Files.copy(orders, input.resolve(Topics.ORDERS_RAW + ".jsonl"));
        if (movements != null) Files.copy(movements, input.resolve(Topics.MOVEMENTS + ".jsonl"));
        if (fulfilment != null) Files.copy(fulfilment, input.resolve(Topics.FULFILMENT + ".jsonl"));
        ObjectNode document = (ObjectNode) JSON.readTree(RuleSetFiles.json(ruleFile));
        document.put("effective_from", "1970-01-01T00:00:00Z");
        Path fromStart = dir.resolve("rules-from-start.json");
        JSON.writeValue(fromStart.toFile(), document);

        JobOptions options = new JobOptions();
        options.replay = true;
        options.horizon = new ReplayHorizon(InputEventTimes.max(input).orElse(Long.MIN_VALUE));
        options.set(StockflowOptions.RULES, List.of(fromStart.toString()));
        StreamExecutionEnvironment env = flink.environment(true);
        JobGraph.wire(env, Jobs.resolve("inventory"), new FileBinding(input, output), options);
        env.execute("stockflow backtest " + version);
        return output;
    }

    private static List<String> lines(Path topicDir) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(topicDir)) return lines;
        try (Stream<Path> files = Files.walk(topicDir)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList()) {
                for (String l : Files.readAllLines(f)) if (!l.isBlank()) lines.add(l);
            }
        }
        return lines;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

package io.stockflow.bench;

import io.stockflow.flink.graph.JobGraph;
import io.stockflow.flink.graph.Jobs;
import io.stockflow.flink.io.FileBinding;
import io.stockflow.flink.io.InputEventTimes;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.main.FlinkOptions;
import io.stockflow.flink.time.ReplayHorizon;
import io.stockflow.generate.GeneratedRecord;
import io.stockflow.generate.GeneratorSettings;
import io.stockflow.generate.TrafficGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Replay at scale: what a backtest of a long history costs. Writes {@code orders} generated order envelopes with their
 * stock movements and shipments as the JSON-Lines input of a bounded run, with the bench's rule set in force from the
 * start ({@code routing.rules.jsonl}), then runs every job over it in one graph, as {@code stockflow run all --input
 * --output} does, and times the run from submission to its end.
 */
final class ReplayBench {
    private ReplayBench() {}

    /** What the run read, wrote and took. */
    record Result(
            long orders,
            Map<String, Long> inputRecords,
            long inputBytes,
            double generateSeconds,
            double runSeconds,
            long outputRecords) {
        double ordersPerSecond() {
            return orders / runSeconds;
        }

        long totalInputRecords() {
            return inputRecords.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static Result run(FlinkOptions flink, GeneratorSettings traffic, long orders, Path work) throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        Path output = work.resolve("output");
        long t0 = System.nanoTime();
        Map<String, Long> written = write(traffic, orders, input);
        Files.writeString(
                input.resolve(Topics.ROUTING_RULES + ".jsonl"),
                BenchRules.document(traffic.locations, BenchRules.dailyCapacity(orders)) + "\n");
        written.put(Topics.ROUTING_RULES, 1L);
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        long inputBytes = size(input);

        JobOptions options = new JobOptions();
        options.replay = true;
        options.horizon = new ReplayHorizon(InputEventTimes.max(input).orElse(Long.MIN_VALUE));
        var env = flink.environment(true);
        JobGraph.wire(env, Jobs.resolve(Jobs.ALL), new FileBinding(input, output), options);
        long t1 = System.nanoTime();
        env.execute("stockflow bench replay");
        double runSeconds = (System.nanoTime() - t1) / 1e9;
        return new Result(orders, written, inputBytes, generateSeconds, runSeconds, lines(output));
    }

    /** Streams the generator's records into {@code <topic>.jsonl} files until {@code orders} envelopes are out. */
    private static Map<String, Long> write(GeneratorSettings traffic, long orders, Path input) throws IOException {
        Map<String, Long> sent = new LinkedHashMap<>();
        Map<String, BufferedWriter> writers = new LinkedHashMap<>();
        try {
            Iterator<GeneratedRecord> records = new TrafficGenerator(traffic).records();
            long orderRecords = 0;
            while (orderRecords < orders && records.hasNext()) {
                GeneratedRecord r = records.next();
                BufferedWriter w = writers.get(r.topic);
                if (w == null) {
                    w = Files.newBufferedWriter(input.resolve(r.topic + ".jsonl"), StandardCharsets.UTF_8);
                    writers.put(r.topic, w);
                }
                w.write(r.value);
                w.write('\n');
                sent.merge(r.topic, 1L, Long::sum);
                if (r.topic.equals(GeneratedRecord.ORDERS_RAW)) orderRecords++;
            }
        } finally {
            for (BufferedWriter w : writers.values()) w.close();
        }
        return sent;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }

    /** Lines written under the output folder (every output topic's part files). */
    private static long lines(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        long n = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList()) {
                try (Stream<String> l = Files.lines(f, StandardCharsets.UTF_8)) {
                    n += l.count();
                }
            }
        }
        return n;
    }

    static void print(Result r, Duration span, int parallelism, PrintStream out) {
        out.printf(
                "%nstockflow bench, replay: run all, bounded, over %d orders in %s of event time (%d input records: %s;"
                        + " %.0f MB), rule set %s in force, parallelism %d%n",
                r.orders(),
                span.toHours() >= 48 && span.toHours() % 24 == 0
                        ? span.toDays() + " days"
                        : span.toString().substring(2).toLowerCase(java.util.Locale.ROOT),
                r.totalInputRecords(),
                describe(r.inputRecords()),
                r.inputBytes() / 1e6,
                BenchRules.VERSION,
                parallelism);
        out.printf(
                "    input written in %.1f s (not counted); %d output records%n",
                r.generateSeconds(), r.outputRecords());
        out.printf(
                "replay: %.0f orders/s, wall time %.1f s (%.0f input records/s)%n",
                r.ordersPerSecond(), r.runSeconds(), r.totalInputRecords() / r.runSeconds());
    }

    private static String describe(Map<String, Long> counts) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (s.length() > 0) s.append(", ");
            s.append(e.getKey()).append(' ').append(e.getValue());
        }
        return s.toString();
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

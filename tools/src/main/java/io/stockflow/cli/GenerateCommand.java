package io.stockflow.cli;

import io.stockflow.generate.GeneratedRecord;
import io.stockflow.generate.GeneratorSettings;
import io.stockflow.generate.Scenarios;
import io.stockflow.generate.TrafficGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Writes realistic multi-channel traffic with injected anomalies, and their labels.",
        description = {
            "Seeded traffic from all four marketplaces (daily and weekly rhythm, long-tailed SKUs, refunds, "
                    + "duplicates, bad records) with injected anomalies of every type the anomalies job detects.",
            "--output DIR: <topic>.jsonl per topic (the input of a bounded run) and labels.jsonl.",
            "--bootstrap HOST:PORT: the records to Kafka, as fast as it takes them; labels to --labels FILE."
        })
public final class GenerateCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    static final class Where {
        @Option(
                names = "--output",
                paramLabel = "DIR",
                description = "Folder for <topic>.jsonl files and labels.jsonl.")
        Path output;

        @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
        String bootstrap;
    }

    @Option(
            names = "--labels",
            paramLabel = "FILE",
            description = "With --bootstrap: where the labels go (default: ${DEFAULT-VALUE}).")
    Path labels = Path.of(Scenarios.LABELS);

    @Option(names = "--seed", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--days", description = "Days of traffic (default: ${DEFAULT-VALUE}); anomalies after the first.")
    int days = 4;

    @Option(names = "--start", paramLabel = "INSTANT", description = "First event time (default: ${DEFAULT-VALUE}).")
    Instant start = Instant.parse("2026-11-02T00:00:00Z");

    @Option(
            names = "--orders-per-hour",
            description = "Average orders per hour over a week (default: ${DEFAULT-VALUE}).")
    double ordersPerHour = 200;

    @Option(names = "--skus", description = "Number of SKUs (default: ${DEFAULT-VALUE}).")
    int skus = 50;

    @Option(
            names = "--replenishment-cover",
            description = "Trucks bring this multiple of the expected demand " + "(default: ${DEFAULT-VALUE}).")
    double replenishmentCover = new io.stockflow.generate.GeneratorSettings().replenishmentCover;

    @Option(names = "--no-anomalies", description = "Normal traffic only.")
    boolean noAnomalies;

    @Option(
            names = "--realistic",
            description = "Traffic less like the detectors' model: days and SKUs that vary beyond Poisson noise, "
                    + "trends, holidays, shared buildings, more returning customers.")
    boolean realistic;

    GeneratorSettings settings() {
        GeneratorSettings s = Scenarios.defaults(seed);
        s.duration = Duration.ofDays(days);
        s.start = start;
        s.ordersPerHour = ordersPerHour;
        s.skus = skus;
        s.injectAnomalies = !noAnomalies;
        s.replenishmentCover = replenishmentCover;
        if (realistic) Scenarios.realistic(s);
        return s;
    }

    @Override
    public Integer call() throws Exception {
        GeneratorSettings s = settings();
        if (where.output != null) {
            Map<String, Integer> counts = Scenarios.write(s, where.output);
            counts.forEach((file, n) -> System.out.println(
                    where.output.resolve(file.endsWith(".jsonl") ? file : file + ".jsonl") + ": " + n));
            return 0;
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", where.bootstrap);
        p.put("linger.ms", "20");
        p.put("acks", "all");
        long sent = 0;
        TrafficGenerator.Scenario scenario = new TrafficGenerator(s).scenario();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            while (scenario.hasNext()) {
                GeneratedRecord r = scenario.next();
                producer.send(new ProducerRecord<>(r.topic, null, r.eventTime, null, r.value));
                sent++;
            }
        }
        List<String> lines = new ArrayList<>();
        scenario.labels().forEach(l -> lines.add(l.toJson()));
        Files.write(labels, lines, StandardCharsets.UTF_8);
        System.out.println(sent + " records to " + where.bootstrap + "; " + lines.size() + " labels in " + labels);
        return 0;
    }
}

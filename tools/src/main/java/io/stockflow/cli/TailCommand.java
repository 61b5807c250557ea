package io.stockflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stockflow.flink.io.KafkaSettings;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.DurationConverter;
import io.stockflow.local.LocalKafka;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Prints the alerts as they come, for people, with filters.",
        description = {
            "Follows the alerts topic and prints each alert for people: time, severity, type, subject and "
                    + "its message. Reads committed records only. Ctrl-C stops.",
            "Example: ./stockflow tail alerts --severity CRITICAL --type OVERSELL --from-beginning"
        })
public final class TailCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "WHAT", description = "alerts")
    String what;

    @Option(
            names = "--type",
            paramLabel = "T",
            split = ",",
            description = "Only these alert types, e.g. OVERSELL,LOW_STOCK.")
    List<String> types = new ArrayList<>();

    @Option(
            names = "--severity",
            paramLabel = "S",
            description = "Only alerts at least this severe: INFO, WARNING or CRITICAL.")
    String severity;

    @Option(names = "--sku", paramLabel = "X", description = "Only alerts about this SKU.")
    String sku;

    @Option(
            names = "--bootstrap",
            paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrap = LocalKafka.BOOTSTRAP;

    @Option(names = "--topic", paramLabel = "NAME", description = "The alerts topic (default: ${DEFAULT-VALUE}).")
    String topic = Topics.ALERTS;

    @Option(names = "--from-beginning", description = "Print the alerts already on the topic first.")
    boolean fromBeginning;

    @Option(
            names = "--kafka-properties",
            paramLabel = "FILE",
            description = "Kafka client properties (security); STOCKFLOW_KAFKA_* variables too. Never printed.")
    Path properties;

    @Option(names = "--max", paramLabel = "N", description = "Stop after printing N alerts.")
    Integer max;

    @Option(
            names = "--for",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Stop after this long (default: until Ctrl-C).")
    Duration duration;

    /** Where alerts are printed (tests capture it). */
    public PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (!"alerts".equals(what)) {
            System.err.println("only `tail alerts` is supported");
            return 2;
        }
        int minRank = severity == null ? 0 : rank(severity);
        if (minRank < 0) {
            System.err.println("--severity must be INFO, WARNING or CRITICAL");
            return 2;
        }
        KafkaSettings settings = new KafkaSettings(bootstrap);
        if (properties != null) settings.loadProperties(properties);
        settings.loadEnvironment(System.getenv());
        Properties p = settings.clientProperties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "stockflow-tail-" + UUID.randomUUID());
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        int printed = 0;
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            if (partitions.isEmpty()) {
                System.err.println("topic " + topic + " not found on " + bootstrap);
                return 3;
            }
            consumer.assign(partitions);
            if (fromBeginning) consumer.seekToBeginning(partitions);
            else consumer.seekToEnd(partitions);
            while (System.nanoTime() < deadline && (max == null || printed < max)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    String line = render(r.value(), minRank);
                    if (line == null) continue;
                    out.println(line);
                    out.flush();
                    if (max != null && ++printed >= max) break;
                }
            }
        }
        return 0;
    }

    /** One alert as a line for people, or null when the filters drop it (or it is not an alert). */
    String render(String value, int minRank) {
        JsonNode a;
        try {
            a = JSON.readTree(value);
        } catch (Exception e) {
            return null;
        }
        String type = a.path("type").asText();
        String sev = a.path("severity").asText();
        JsonNode subject = a.path("subject");
        if (!types.isEmpty() && types.stream().noneMatch(t -> t.equalsIgnoreCase(type))) return null;
        if (rank(sev) < minRank) return null;
        if (sku != null && !sku.equals(subject.path("sku").asText())) return null;
        StringBuilder who = new StringBuilder();
        for (String f : List.of("sku", "location", "order_id", "channel")) {
            if (subject.hasNonNull(f))
                who.append(who.length() == 0 ? "" : " ")
                        .append(f)
                        .append('=')
                        .append(subject.get(f).asText());
        }
        // An alert that is updated says which state and revision this record is.
        String state = a.hasNonNull("status")
                ? "[" + a.get("status").asText() + " r" + a.path("revision").asInt(1) + "] "
                : "";
        return String.format(
                "%-20s  %-8s  %-19s  %-40s  %s",
                a.path("event_time").asText(),
                sev,
                type,
                who,
                state + a.path("message").asText());
    }

    static int rank(String severity) {
        switch (severity.toUpperCase(Locale.ROOT)) {
            case "INFO":
                return 0;
            case "WARNING":
                return 1;
            case "CRITICAL":
                return 2;
            default:
                return -1;
        }
    }
}

package io.stockflow.chaos;

import io.stockflow.generate.GeneratedRecord;
import io.stockflow.generate.GeneratorSettings;
import io.stockflow.generate.TrafficGenerator;
import io.stockflow.model.MovementType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The generated history both runs read: the same records, as {@code <topic>.jsonl} files for the bounded run and, in
 * the generator's order, to Kafka in portions for the live job. The history ends about now, so the outputs' event-time
 * timestamps stay inside the broker's retention.
 */
public final class ChaosHistory {
    private final List<GeneratedRecord> records;

    private ChaosHistory(List<GeneratedRecord> records) {
        this.records = records;
    }

    public static ChaosHistory generate(long seed, Duration span, double ordersPerHour, MovementType initialStock) {
        GeneratorSettings s = new GeneratorSettings();
        s.seed = seed;
        s.duration = span;
        s.ordersPerHour = ordersPerHour;
        s.initialStockType = initialStock;
        s.start = Instant.now().minus(span).minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
        List<GeneratedRecord> records = new ArrayList<>();
        new TrafficGenerator(s).records().forEachRemaining(records::add);
        return new ChaosHistory(records);
    }

    public int size() {
        return records.size();
    }

    /** Records per input topic. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (GeneratedRecord r : records) counts.merge(r.topic, 1, Integer::sum);
        return counts;
    }

    /** Writes {@code <topic>.jsonl} per input topic into {@code dir}, the input of a bounded run. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, BufferedWriter> writers = new LinkedHashMap<>();
        try {
            for (GeneratedRecord r : records) {
                BufferedWriter w = writers.get(r.topic);
                if (w == null) {
                    w = Files.newBufferedWriter(dir.resolve(r.topic + ".jsonl"), StandardCharsets.UTF_8);
                    writers.put(r.topic, w);
                }
                w.write(r.value);
                w.write('\n');
            }
        } finally {
            for (BufferedWriter w : writers.values()) w.close();
        }
    }

    /** The history cut into {@code parts} consecutive portions of about equal size. */
    public List<List<GeneratedRecord>> portions(int parts) {
        List<List<GeneratedRecord>> out = new ArrayList<>();
        int n = records.size();
        for (int i = 0; i < parts; i++) out.add(records.subList(i * n / parts, (i + 1) * n / parts));
        return out;
    }

    /** Sends a portion to its topics and waits until the broker has every record (acks=all, idempotent). */
    public static void send(String bootstrap, List<GeneratedRecord> portion) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("linger.ms", "20");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (GeneratedRecord r : portion) producer.send(new ProducerRecord<>(r.topic, r.value));
            producer.flush();
        }
    }
}

package io.stockflow.bench;

import io.stockflow.generate.GeneratedRecord;
import io.stockflow.generate.GeneratorSettings;
import io.stockflow.generate.TrafficGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Pre-loads the bench's input topics with realistic traffic from the generator: orders from all four marketplaces
 * (with their duplicates and bad records), the stock counts of every SKU and location, and warehouse shipments.
 */
final class BenchTraffic {
    private BenchTraffic() {}

    /**
     * The traffic of {@code orders} orders, timed so that it ends about now: the latency probe's orders, stamped with
     * the wall clock, then continue its event time instead of jumping weeks ahead of it (a jump fires every pending
     * event-time timer at once: a stall of seconds that no steady stream of orders causes).
     */
    static GeneratorSettings settings(long seed, int skus, int locations, long orders) {
        GeneratorSettings s = new GeneratorSettings();
        s.seed = seed;
        s.skus = skus;
        s.locations = new ArrayList<>();
        for (int i = 1; i <= locations; i++) s.locations.add(String.format("WH-%02d", i));
        s.seasonality = false;
        s.ordersPerHour = 360_000;
        s.duration = Duration.ofDays(30);
        long spanMillis = (long) (orders / s.ordersPerHour * Duration.ofHours(1).toMillis());
        s.start = Instant.now().minusMillis(spanMillis).truncatedTo(ChronoUnit.SECONDS);
        return s;
    }

    /**
     * The traffic of {@code orders} orders spread evenly over {@code span} of event time ending about now: the history a
     * backtest replays (a month of a large shop's orders by default), in which orders ship, receipts arrive and days
     * end as they do in a real one.
     */
    static GeneratorSettings history(long seed, int skus, int locations, long orders, Duration span) {
        GeneratorSettings s = settings(seed, skus, locations, orders);
        s.ordersPerHour = Math.max(1.0, orders / (span.toMillis() / 3_600_000.0));
        // A tenth more time than the orders need: the run stops at the last order, not at the end of the time.
        s.duration = span.plus(span.dividedBy(10));
        s.start = Instant.now().minus(s.duration).truncatedTo(ChronoUnit.SECONDS);
        return s;
    }

    /** Distinct, usable order events among the records sent: what {@code orders.canonical} will hold. */
    static final String CANONICAL_EVENTS = "canonical events";

    /**
     * Sends records until {@code orders} order envelopes are out; returns the number of records sent per topic, and
     * under {@link #CANONICAL_EVENTS} how many of the envelopes are neither bad nor repeated.
     */
    static Map<String, Long> preload(
            String bootstrap, GeneratorSettings settings, long orders, Map<String, String> topicNames) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "1");
        p.put("linger.ms", "20");
        p.put("batch.size", "262144");
        p.put("compression.type", "lz4");
        Map<String, Long> sent = new java.util.LinkedHashMap<>();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            Iterator<GeneratedRecord> records = new TrafficGenerator(settings).records();
            long orderRecords = 0;
            while (orderRecords < orders && records.hasNext()) {
                GeneratedRecord r = records.next();
                producer.send(new ProducerRecord<>(topicNames.get(r.topic), r.value));
                sent.merge(r.topic, 1L, Long::sum);
                if (r.topic.equals(GeneratedRecord.ORDERS_RAW)) {
                    orderRecords++;
                    if (!r.isBad() && !r.isDuplicate()) sent.merge(CANONICAL_EVENTS, 1L, Long::sum);
                }
            }
            producer.flush();
        }
        return sent;
    }

    /** Sends one record and waits until the broker has it. */
    static void publish(String bootstrap, String topic, String value) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value)).get();
        }
    }

    static List<String> skus(GeneratorSettings s) {
        List<String> skus = new ArrayList<>();
        for (int i = 1; i <= s.skus; i++) skus.add(String.format("SKU-%05d", i));
        return skus;
    }
}

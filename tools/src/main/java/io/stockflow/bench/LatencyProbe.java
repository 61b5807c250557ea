package io.stockflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Measures the latency from an order's event to its availability update, and to its decision. Sends Amazon order
 * notifications at a fixed rate, each stamped with the wall clock at sending (Amazon's times carry milliseconds), and
 * reads the availability topic as written (uncommitted records included: what an at-least-once deployment's readers
 * see): an update's {@code as_of} is the event time of the order that caused it, so now − as_of is the latency. On its
 * own thread it reads {@code orders.allocations} {@code read_committed}: a decision's {@code event_time} is its order's,
 * so now − event_time is how long an exactly-once decision takes to become visible to its consumers.
 */
final class LatencyProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LatencyProbe() {}

    /**
     * The latencies in microseconds of the location-level updates caused by the probe's orders, and the worst of each
     * second of sending: a pause (a checkpoint's synchronous part, a collection) shows as one bad second.
     */
    record Latencies(Histogram all, long[] worstBySecond, long startMillis, long endMillis, Histogram decisions) {}

    /** After the last order is sent, how long to wait for its updates and for the checkpoint that commits its decision. */
    private static final long DRAIN_MILLIS = 2000;

    static Latencies measure(
            String bootstrap,
            String ordersTopic,
            String availabilityTopic,
            String decisionsTopic,
            Duration checkpointInterval,
            List<String> skus,
            double ordersPerSecond,
            Duration length)
            throws InterruptedException {
        Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        Histogram decisions = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        long[] worstBySecond = new long[(int) Math.max(1, length.toSeconds())];
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap);
                KafkaProducer<String, String> producer = producer(bootstrap)) {
            // A new producer's first send waits for the topic's metadata: fetched here, that wait is not counted as
            // the first orders' latency.
            producer.partitionsFor(ordersTopic);
            consumer.subscribe(List.of(availabilityTopic));
            while (consumer.assignment().isEmpty()) consumer.poll(Duration.ofMillis(100));
            consumer.seekToEnd(consumer.assignment());
            consumer.poll(Duration.ofMillis(100));
            // Decisions become visible at a checkpoint: the last ones sent wait up to two intervals more.
            long decisionsFor = length.toMillis() + DRAIN_MILLIS + checkpointInterval.toMillis() * 2;
            CountDownLatch positioned = new CountDownLatch(1);
            Thread decisionReader = new Thread(
                    () -> readDecisions(bootstrap, decisionsTopic, decisions, decisionsFor, positioned),
                    "latency-probe-decisions");
            decisionReader.start();
            positioned.await(30, TimeUnit.SECONDS);
            long start = System.currentTimeMillis();
            long end = start + length.toMillis();
            // Sending on its own thread: a reader that also sends would see updates late by its own sending time.
            Thread sender = new Thread(
                    () -> send(producer, ordersTopic, skus, ordersPerSecond, start, end), "latency-probe-sender");
            sender.start();
            while (System.currentTimeMillis() < end + DRAIN_MILLIS) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(5))) {
                    record(latencies, worstBySecond, r.value(), start, System.currentTimeMillis());
                }
            }
            sender.join();
            decisionReader.join();
            return new Latencies(latencies, worstBySecond, start, end, decisions);
        }
    }

    /**
     * Reads decisions as a {@code read_committed} consumer sees them until {@code until}, recording for each first
     * decision of a probe order the time from its order's event to now. The probe sends its first order once this
     * consumer has its position, so it misses none.
     */
    private static void readDecisions(
            String bootstrap, String topic, Histogram decisions, long forMillis, CountDownLatch positioned) {
        Properties p = new Properties();
        p.put("isolation.level", "read_committed");
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap, p)) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) consumer.poll(Duration.ofMillis(100));
            consumer.seekToEnd(consumer.assignment());
            consumer.poll(Duration.ofMillis(10));
            for (var tp : consumer.assignment()) consumer.position(tp);
            // The bulk run's orders are all older than this; the probe's are all newer.
            long probeStart = System.currentTimeMillis();
            long until = probeStart + forMillis;
            positioned.countDown();
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(5))) {
                    recordDecision(decisions, r.value(), probeStart, System.currentTimeMillis());
                }
            }
        }
    }

    private static void recordDecision(Histogram decisions, String value, long probeStart, long now) {
        try {
            JsonNode d = JSON.readTree(value);
            // A later revision (a backorder filled) is not the order's decision.
            if (d.has("revision")) return;
            long eventTime = Instant.parse(d.path("event_time").asText()).toEpochMilli();
            if (eventTime < probeStart || eventTime > now) return;
            decisions.recordValue(TimeUnit.MILLISECONDS.toMicros(now - eventTime));
        } catch (Exception e) {
            // not a decision of the probe's orders
        }
    }

    /** Sends orders at the given rate from {@code start} until {@code end}, each stamped with its sending time. */
    private static void send(
            KafkaProducer<String, String> producer,
            String topic,
            List<String> skus,
            double ordersPerSecond,
            long start,
            long end) {
        Random random = new Random(7);
        long sent = 0;
        for (long now = start; now < end; now = System.currentTimeMillis()) {
            while (sent < (now - start) * ordersPerSecond / 1000.0) {
                String sku = skus.get(random.nextInt(skus.size()));
                producer.send(new ProducerRecord<>(topic, amazonOrder(start, sent++, sku, now)));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        producer.flush();
    }

    private static void record(Histogram latencies, long[] worstBySecond, String value, long probeStart, long now) {
        try {
            JsonNode r = JSON.readTree(value);
            if ("*".equals(r.path("location").asText())) return;
            long asOf = Instant.parse(r.path("as_of").asText()).toEpochMilli();
            if (asOf < probeStart || asOf > now) return;
            latencies.recordValue(TimeUnit.MILLISECONDS.toMicros(now - asOf));
            int second = (int) ((asOf - probeStart) / 1000);
            if (second < worstBySecond.length) worstBySecond[second] = Math.max(worstBySecond[second], now - asOf);
        } catch (Exception e) {
            // not an update of the probe's orders
        }
    }

    /** A new order, its id unique to this probe (probes started at different seconds never share one). */
    private static String amazonOrder(long probeStart, long n, String sku, long now) {
        String id = String.format("9%02d-%07d-%07d", probeStart / 1000 % 100, n / 10_000_000, n % 10_000_000);
        String time = Instant.ofEpochMilli(now).toString();
        return "{\"source\":\"amazon\",\"kind\":\"ORDER_CHANGE\",\"received_at\":\"" + time + "\",\"payload\":"
                + "{\"NotificationVersion\":\"1.0\",\"NotificationType\":\"ORDER_CHANGE\",\"PayloadVersion\":\"1.0\","
                + "\"EventTime\":\"" + time
                + "\",\"Payload\":{\"OrderChangeNotification\":{\"NotificationLevel\":\"OrderLevel\","
                + "\"SellerId\":\"A3TH9S8BH6GOGM\",\"AmazonOrderId\":\"" + id
                + "\",\"OrderChangeType\":\"OrderStatusChange\","
                + "\"OrderChangeTrigger\":{\"TimeOfOrderChange\":\"" + time
                + "\",\"ChangeReason\":\"Order status changed\"},"
                + "\"Summary\":{\"MarketplaceId\":\"ATVPDKIKX0DER\",\"OrderStatus\":\"Unshipped\",\"PurchaseDate\":\""
                + time + "\","
                + "\"DestinationPostalCode\":\"10001\",\"FulfillmentType\":\"MFN\",\"ShipServiceLevel\":\"Std US D2D Dom\","
                + "\"OrderItems\":[{\"OrderItemId\":\"OI" + n + "\",\"SellerSKU\":\"" + sku
                + "\",\"Quantity\":1}]}}}}}";
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        return consumer(bootstrap, new Properties());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap, Properties p) {
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "bench-latency-" + UUID.randomUUID());
        p.put("auto.offset.reset", "latest");
        p.put("fetch.max.wait.ms", "5");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("linger.ms", "0");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}

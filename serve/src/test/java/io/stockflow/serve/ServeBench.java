package io.stockflow.serve;

import io.stockflow.testing.KafkaBroker;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A program that prints figures for docs/serve.md, not a test: a catalogue of positions and a history of orders on a
 * broker in this JVM, then the time a service takes to catch up with them, the heap it holds, and the latency of SKU
 * and order queries over HTTP; then the console's live summary and the reports over the same views. The orders are
 * placed now, so the live summary's windows (orders per second, the busiest SKUs) hold them.
 *
 * <p>Run: {@code java -cp <serve's test class path> io.stockflow.serve.ServeBench [positions] [orders]}.
 */
public final class ServeBench {
    private static final String[] LOCATIONS = {"WH-EAST", "WH-WEST", "STORE-BERLIN", "*"};

    public static void main(String[] args) throws Exception {
        int positions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int skus = positions / LOCATIONS.length;
        KafkaBroker broker = new KafkaBroker();
        broker.beforeAll(null);
        try {
            ServeSettings settings = new ServeSettings();
            settings.port = 0;
            settings.bootstrap = broker.bootstrap();
            for (String t : ServedTopics.ALL) settings.topicNames.put(t, "bench." + t);
            broker.createTopics(3, settings.topicNames.values());
            long t0 = System.nanoTime();
            produce(broker.bootstrap(), settings, skus, orders);
            System.out.printf(
                    Locale.ROOT,
                    "on the topics: %d positions (%d SKUs x %d), %d orders (a placement and a decision each), in %.1f s%n",
                    positions,
                    skus,
                    LOCATIONS.length,
                    orders,
                    (System.nanoTime() - t0) / 1e9);

            long heapBefore = heap();
            long started = System.nanoTime();
            try (QueryService service = QueryService.start(settings)) {
                while (!service.caughtUp()) Thread.onSpinWait();
                double ready = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "ready (caught up) after %.1f s: %.0f records/s%n",
                        ready,
                        (positions + 2.0 * orders) / ready);
                System.out.printf(Locale.ROOT, "heap held by the service: %.0f MB%n", (heap() - heapBefore) / 1e6);
                URI base = service.baseUrl();
                Random random = new Random(7);
                latency("GET /skus/{sku}", 20_000, () -> Api.get(base, "/skus/" + sku(random.nextInt(skus))));
                latency(
                        "GET /orders/{orderId}",
                        20_000,
                        () -> Api.get(base, "/orders/shopify:" + random.nextInt(orders)));
                latency("GET /console/live", 2_000, () -> Api.get(base, "/console/live"));
                latency("GET /reports/day", 2_000, () -> Api.get(base, "/reports/day"));
                latency("GET /reports/week/orders.csv", 2_000, () -> Api.get(base, "/reports/week/orders.csv"));
                System.out.printf(
                        Locale.ROOT,
                        "heap held by the service after the queries: %.0f MB%n",
                        (heap() - heapBefore) / 1e6);
            }
        } finally {
            broker.afterAll(null);
        }
    }

    private static void produce(String bootstrap, ServeSettings settings, int skus, int orders) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("linger.ms", "20");
        p.put("batch.size", "262144");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            String availability = settings.topicName(ServedTopics.AVAILABILITY);
            for (int i = 0; i < skus; i++)
                for (String location : LOCATIONS)
                    producer.send(new ProducerRecord<>(
                            availability,
                            sku(i) + "|" + location,
                            "{\"sku\":\"" + sku(i) + "\",\"location\":\"" + location + "\",\"on_hand\":120,"
                                    + "\"reserved\":7,\"safety_stock\":2,\"available\":111,\"version\":3,"
                                    + "\"as_of\":\"2026-11-26T10:00:00Z\"}"));
            String now = java.time.Instant.now().toString();
            String canonical = settings.topicName(ServedTopics.ORDERS_CANONICAL);
            String allocations = settings.topicName(ServedTopics.ALLOCATIONS);
            for (int i = 0; i < orders; i++) {
                String id = "shopify:" + i;
                producer.send(new ProducerRecord<>(
                        canonical,
                        id,
                        "{\"event_id\":\"" + id + ":PLACED\",\"order_id\":\"" + id + "\",\"channel\":\"shopify\","
                                + "\"marketplace_order_id\":\"" + i + "\",\"type\":\"PLACED\",\"event_time\":\"" + now
                                + "\",\"received_at\":\"" + now + "\",\"currency\":\"USD\","
                                + "\"total\":\"40.00\",\"ship_to\":{\"country\":\"US\"},\"service_level\":\"STANDARD\","
                                + "\"lines\":[{\"sku\":\"" + sku(i % skus)
                                + "\",\"quantity\":1,\"unit_price\":\"40.00\"}]}"));
                producer.send(new ProducerRecord<>(
                        allocations,
                        id,
                        "{\"order_id\":\"" + id + "\",\"decision\":\"ALLOCATED\",\"allocations\":[{\"sku\":\""
                                + sku(i % skus) + "\",\"quantity\":1,\"location\":\"WH-EAST\"}],\"backordered\":[],"
                                + "\"rule_set_version\":\"builtin-1\",\"rule_ids\":[\"most-available\"],\"reason\":"
                                + "\"held where most is available\",\"decided_at\":\"2026-11-26T10:00:01Z\","
                                + "\"channel\":\"shopify\",\"event_time\":\"" + now + "\"}"));
            }
            producer.flush();
        }
    }

    private static String sku(int i) {
        return String.format(Locale.ROOT, "SKU-%08d", i);
    }

    private interface Call {
        Api.Answer run();
    }

    private static void latency(String what, int requests, Call call) {
        for (int i = 0; i < 2_000; i++) call.run(); // warm-up
        long[] nanos = new long[requests];
        List<Integer> failures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            int status = call.run().status();
            nanos[i] = System.nanoTime() - t;
            if (status != 200) failures.add(status);
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "%-28s %d requests, one at a time: p50 %.2f ms, p99 %.2f ms, max %.2f ms%s%n",
                what,
                requests,
                nanos[requests / 2] / 1e6,
                nanos[(int) (requests * 0.99)] / 1e6,
                nanos[requests - 1] / 1e6,
                failures.isEmpty() ? "" : ", " + failures.size() + " not 200");
    }

    private static long heap() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private ServeBench() {}
}

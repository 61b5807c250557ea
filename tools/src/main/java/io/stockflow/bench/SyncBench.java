package io.stockflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stockflow.demo.DemoChannels;
import io.stockflow.demo.DemoListings;
import io.stockflow.flink.graph.JobGraph;
import io.stockflow.flink.graph.Jobs;
import io.stockflow.flink.io.KafkaBinding;
import io.stockflow.flink.io.KafkaSettings;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.flink.main.FlinkOptions;
import io.stockflow.generate.GeneratedRecord;
import io.stockflow.generate.GeneratorSettings;
import io.stockflow.generate.TrafficGenerator;
import io.stockflow.local.LocalKafka;
import io.stockflow.marketsim.SimulatorAdmin;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The sync section of the bench: every job (inventory and sync among them) on an embedded Flink, orders fed in real
 * time at a set rate, and the marketplace simulator in this JVM with its limits on, as the demo runs them. It watches the ledger's
 * network-wide availability for sell-outs and what each channel lists, and counts the API calls the simulator answered.
 *
 * <p>When a channel lists 0 is read off the simulator's own state ({@code GET /_sim/quantities}), polled at a fine
 * interval: the call log has times but no quantities, and the job's {@code channel.sync} records are its own account
 * of a push, not what the channel shows. A poll's answer time is used, so a measured exposure is late by at most the
 * gap between two polls; the gaps are measured and printed.
 */
final class SyncBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the section runs: the order rate and how long, the warm-up left out of the figures, the catalogue. */
    record Settings(double ordersPerSecond, Duration duration, Duration warmUp, Duration drain, int skus, long seed) {}

    /** What the section measured. */
    record Figures(
            Settings settings,
            int locations,
            long orders,
            double seconds,
            long skuChanges,
            long positionChanges,
            int sellOuts,
            int sellOutsWithArrival,
            Map<SyncExposure.From, List<Long>> ledgerMillis,
            Map<SyncExposure.From, Map<String, SyncExposure.Exposures>> exposures,
            Map<String, long[]> calls,
            Map<String, Map<String, Long>> callsByOperation,
            int ebayListings,
            long ebayMaxRevisions,
            double ebayMeanRevisions,
            long ebayMaxUrgent,
            long pollGapP50,
            long pollGapMax) {}

    private static final long POLL_EVERY_MS = 20;

    private SyncBench() {}

    static Figures run(String bootstrap, String run, FlinkOptions flink, Settings s, Path folder) throws Exception {
        GeneratorSettings traffic = traffic(s);
        KafkaSettings kafka = new KafkaSettings(bootstrap);
        for (String t : Topics.ALL) kafka.topicNames.put(t, run + "." + t);
        kafka.topicNames.put(Topics.CHANNEL_SYNC, run + "." + Topics.CHANNEL_SYNC);
        kafka.topicNames.put(Topics.ROUTING_CORRECTIONS, run + "." + Topics.ROUTING_CORRECTIONS);
        // Availability carries absolute levels and versions: at-least-once, so the sync job hears a change at once.
        kafka.atLeastOnceTopics.add(Topics.AVAILABILITY);
        LocalKafka.createTopics(bootstrap, kafka.topicNames.values(), flink.parallelism);

        DemoListings listings = new DemoListings(traffic.skuIds(), traffic.locations);
        try (DemoChannels channels = DemoChannels.start(0, listings, folder)) {
            return runJobs(kafka, run, flink, s, traffic, listings, channels);
        } finally {
            BenchCommand.deleteTopics(bootstrap, kafka.topicNames.values());
        }
    }

    private static Figures runJobs(
            KafkaSettings kafka,
            String run,
            FlinkOptions flink,
            Settings s,
            GeneratorSettings traffic,
            DemoListings listings,
            DemoChannels channels)
            throws Exception {
        SimulatorAdmin admin = new SimulatorAdmin(channels.baseUrl());
        JobOptions options = new JobOptions();
        options.set(StockflowOptions.LISTINGS, channels.listingMap().toString());
        options.channelEnvironment = DemoChannels.CREDENTIALS;
        flink.webPort = 0;
        StreamExecutionEnvironment env = flink.environment(false, channels.configuration());
        JobGraph.wire(env, Jobs.resolve(Jobs.ALL), new KafkaBinding(kafka, run + "-sync"), options);
        System.out.println("Running every job against the marketplace simulator at " + channels.baseUrl() + " ...");
        JobClient job = env.executeAsync(run + "-sync");
        try {
            awaitRunning(job);
            return measure(kafka, s, traffic, listings, admin);
        } finally {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
    }

    /** Traffic at the set rate from a shop whose busy SKUs sell out and come back with receipts every few seconds. */
    static GeneratorSettings traffic(Settings s) {
        GeneratorSettings g = new GeneratorSettings();
        g.seed = s.seed();
        g.skus = s.skus();
        g.duration = Duration.ofDays(1);
        g.ordersPerHour = s.ordersPerSecond() * 3600;
        g.seasonality = false;
        // At tens of orders a second a few thousand customers would make one buyer's repeats look like bursts.
        g.returningCustomerShare = 0.01;
        // Stock runs short on purpose, to give many sell-outs in a minute: the opening stock covers two receipt
        // intervals of demand and each receipt (every 10 s, a truck per location) brings half of what sells meanwhile,
        // so from about 40 s in each busy SKU sells out, comes back with the next truck and sells out again.
        g.initialStock = 5;
        g.caseSize = 1;
        g.replenishmentInterval = Duration.ofSeconds(10);
        g.replenishmentCover = 0.5;
        return g;
    }

    private static void awaitRunning(JobClient job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (job.getJobStatus().get(10, TimeUnit.SECONDS) != JobStatus.RUNNING) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the jobs did not start in 3 minutes");
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static Figures measure(
            KafkaSettings kafka, Settings s, GeneratorSettings traffic, DemoListings listings, SimulatorAdmin admin)
            throws Exception {
        Availability availability = new Availability(kafka.bootstrap, kafka.topicName(Topics.AVAILABILITY));
        Arrivals arrivals = new Arrivals(kafka.bootstrap, kafka.topicName(Topics.ORDERS_CANONICAL));
        Poller poller = new Poller(admin, listings);
        Feeder feeder = new Feeder(kafka, traffic);
        Thread a = start(availability, "sync-bench-availability");
        Thread o = start(arrivals, "sync-bench-arrivals");
        Thread p = start(poller, "sync-bench-poller");
        traffic.start = Instant.now();
        Thread f = start(feeder, "sync-bench-feeder");
        try {
            System.out.printf(
                    "Feeding %.0f orders/s for %s (the first %s left out) ...%n",
                    s.ordersPerSecond(), s.duration(), s.warmUp());
            TimeUnit.MILLISECONDS.sleep(s.warmUp().toMillis());
            long from = System.currentTimeMillis();
            JsonNode counters0 = admin.get("/_sim/counters");
            long orders0 = feeder.orders.get();
            long sku0 = availability.skuChanges.get();
            long pos0 = availability.positionChanges.get();
            TimeUnit.MILLISECONDS.sleep(s.duration().minus(s.warmUp()).toMillis());
            f.interrupt();
            f.join(10_000);
            long to = System.currentTimeMillis();
            JsonNode counters1 = admin.get("/_sim/counters");
            long orders = feeder.orders.get() - orders0;
            long skuChanges = availability.skuChanges.get() - sku0;
            long positionChanges = availability.positionChanges.get() - pos0;
            // Sell-outs near the end get time to reach the channels before the figures are taken.
            TimeUnit.MILLISECONDS.sleep(s.drain().toMillis());
            p.interrupt();
            availability.stop();
            arrivals.stop();
            p.join(10_000);
            a.join(10_000);
            o.join(10_000);

            List<SyncExposure.SellOut> sellOuts = availability.sellOuts(from, to, arrivals);
            Map<SyncExposure.From, Map<String, SyncExposure.Exposures>> exposures =
                    new java.util.EnumMap<>(SyncExposure.From.class);
            for (SyncExposure.From start : SyncExposure.From.values()) {
                Map<String, SyncExposure.Exposures> byChannel = new java.util.LinkedHashMap<>();
                for (int c = 0; c < DemoListings.CHANNELS.size(); c++) {
                    byChannel.put(
                            DemoListings.CHANNELS.get(c),
                            SyncExposure.exposures(sellOuts, poller.listed.get(c), start));
                }
                exposures.put(start, byChannel);
            }
            Map<SyncExposure.From, List<Long>> ledgerMillis = new java.util.EnumMap<>(SyncExposure.From.class);
            for (SyncExposure.From start : List.of(SyncExposure.From.ORDER_EVENT, SyncExposure.From.ARRIVAL)) {
                List<Long> millis = new ArrayList<>();
                for (SyncExposure.SellOut sellOut : sellOuts) {
                    if (sellOut.from(start) >= 0) millis.add(sellOut.zeroSeenAtMillis() - sellOut.from(start));
                }
                millis.sort(null);
                ledgerMillis.put(start, millis);
            }
            Map<String, long[]> calls = new java.util.LinkedHashMap<>();
            Map<String, Map<String, Long>> byOperation = new java.util.LinkedHashMap<>();
            for (String channel : DemoListings.CHANNELS) {
                long[] n = new long[2];
                Map<String, Long> ops = new java.util.TreeMap<>();
                JsonNode now = counters1.path("calls").path(channel);
                JsonNode before = counters0.path("calls").path(channel);
                now.fieldNames().forEachRemaining(op -> {
                    long callsNow = now.path(op).path("calls").asLong()
                            - before.path(op).path("calls").asLong();
                    n[0] += callsNow;
                    n[1] += now.path(op).path("accepted").asLong()
                            - before.path(op).path("accepted").asLong();
                    if (callsNow > 0) ops.put(op, callsNow);
                });
                calls.put(channel, n);
                byOperation.put(channel, ops);
            }
            long maxRevisions = 0;
            long sumRevisions = 0;
            JsonNode revisions1 = counters1.path("ebayRevisions");
            JsonNode revisions0 = counters0.path("ebayRevisions");
            int offers = 0;
            for (Iterator<String> it = revisions1.fieldNames(); it.hasNext(); ) {
                String offer = it.next();
                long n = sum(revisions1.path(offer)) - sum(revisions0.path(offer));
                maxRevisions = Math.max(maxRevisions, n);
                sumRevisions += n;
                offers++;
            }
            List<Long> gaps = poller.gaps();
            return new Figures(
                    s,
                    traffic.locations.size(),
                    orders,
                    (to - from) / 1000.0,
                    skuChanges,
                    positionChanges,
                    sellOuts.size(),
                    (int) sellOuts.stream()
                            .filter(x -> x.arrivedAtMillis() >= 0)
                            .count(),
                    ledgerMillis,
                    exposures,
                    calls,
                    byOperation,
                    traffic.skus,
                    maxRevisions,
                    (double) sumRevisions / traffic.skus,
                    poller.mostUrgentChanges(DemoListings.CHANNELS.indexOf("ebay"), from, to),
                    SyncExposure.percentile(gaps, 50),
                    gaps.isEmpty() ? -1 : gaps.get(gaps.size() - 1));
        } finally {
            f.interrupt();
            p.interrupt();
            availability.stop();
            arrivals.stop();
        }
    }

    private static long sum(JsonNode perDay) {
        long n = 0;
        for (JsonNode d : perDay) n += d.asLong();
        return n;
    }

    private static Thread start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Sends the traffic in real time, each record when the wall clock reaches its event time; counts the orders. */
    private static final class Feeder implements Runnable {
        final AtomicLong orders = new AtomicLong();
        private final KafkaSettings kafka;
        private final GeneratorSettings traffic;

        Feeder(KafkaSettings kafka, GeneratorSettings traffic) {
            this.kafka = kafka;
            this.traffic = traffic;
        }

        @Override
        public void run() {
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrap);
            p.put("linger.ms", "0");
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                Iterator<GeneratedRecord> records = new TrafficGenerator(traffic).records();
                while (!Thread.currentThread().isInterrupted() && records.hasNext()) {
                    GeneratedRecord r = records.next();
                    long wait = r.eventTime - System.currentTimeMillis();
                    if (wait > 0) TimeUnit.MILLISECONDS.sleep(wait);
                    producer.send(new ProducerRecord<>(kafka.topicName(r.topic), r.value));
                    if (r.topic.equals(GeneratedRecord.ORDERS_RAW)) orders.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads a topic from its start, uncommitted records too (as written), until stopped. */
    private abstract static class TopicReader implements Runnable {
        private final String bootstrap;
        private final String topic;
        private volatile boolean stopped;

        TopicReader(String bootstrap, String topic) {
            this.bootstrap = bootstrap;
            this.topic = topic;
        }

        @Override
        public void run() {
            Properties p = new Properties();
            p.put("bootstrap.servers", bootstrap);
            p.put("group.id", "stockflow-sync-bench-" + UUID.randomUUID());
            p.put("auto.offset.reset", "earliest");
            p.put("isolation.level", "read_uncommitted");
            try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (!stopped) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) accept(r.value());
                }
            }
        }

        /** Stops reading after the current poll; not by an interrupt, which would fail the consumer's close. */
        void stop() {
            stopped = true;
        }

        abstract void accept(String value);
    }

    /**
     * Reads the ledger's availability: every change of a SKU at a location or network-wide ({@code *}) is counted, and
     * network-wide each drop to 0 is a sell-out at the event time of the change (the order's), each rise from 0 a
     * restock.
     */
    private static final class Availability extends TopicReader {
        final AtomicLong skuChanges = new AtomicLong();
        final AtomicLong positionChanges = new AtomicLong();
        private final Map<String, long[]> latest = new HashMap<>();
        private final List<long[]> events = new ArrayList<>();
        private final List<String> eventSkus = new ArrayList<>();

        Availability(String bootstrap, String topic) {
            super(bootstrap, topic);
        }

        @Override
        void accept(String value) {
            JsonNode a;
            try {
                a = JSON.readTree(value);
            } catch (Exception e) {
                return;
            }
            if (!"*".equals(a.path("location").asText())) {
                positionChanges.incrementAndGet();
                return;
            }
            String sku = a.path("sku").asText();
            long version = a.path("version").asLong();
            long available = a.path("available").asLong();
            long[] last = latest.get(sku);
            // At-least-once: a repeated or older version changes nothing.
            if (last != null && last[0] >= version) return;
            skuChanges.incrementAndGet();
            latest.put(sku, new long[] {version, available});
            boolean wasAvailable = last == null || last[1] > 0;
            if (wasAvailable == (available > 0)) return;
            long at = Instant.parse(a.path("as_of").asText()).toEpochMilli();
            synchronized (events) {
                events.add(new long[] {at, available, System.currentTimeMillis()});
                eventSkus.add(sku);
            }
        }

        /**
         * The sell-outs whose orders came between the two times, each with its order's arrival, when the ledger's 0 was
         * read here, and the restock that ended it, if any.
         */
        List<SyncExposure.SellOut> sellOuts(long from, long to, Arrivals arrivals) {
            List<SyncExposure.SellOut> out = new ArrayList<>();
            synchronized (events) {
                for (int i = 0; i < events.size(); i++) {
                    long[] e = events.get(i);
                    if (e[1] != 0 || e[0] < from || e[0] > to) continue;
                    long restocked = Long.MAX_VALUE;
                    for (int j = i + 1; j < events.size(); j++) {
                        if (eventSkus.get(j).equals(eventSkus.get(i)) && events.get(j)[1] > 0) {
                            restocked = events.get(j)[0];
                            break;
                        }
                    }
                    String sku = eventSkus.get(i);
                    out.add(new SyncExposure.SellOut(sku, e[0], arrivals.arrival(sku, e[0]), e[2], restocked));
                }
            }
            return out;
        }
    }

    /**
     * Reads {@code orders.canonical} (uncommitted records too: only the times matter here, and the exactly-once sink
     * commits them at checkpoints) and keeps, per SKU and order event time, the earliest {@code received_at} of an
     * order with that SKU: a sell-out's availability record carries its order's event time as {@code as_of}, and this
     * finds when that order reached stockflow.
     */
    private static final class Arrivals extends TopicReader {
        private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();

        Arrivals(String bootstrap, String topic) {
            super(bootstrap, topic);
        }

        @Override
        void accept(String value) {
            JsonNode o;
            try {
                o = JSON.readTree(value);
                long eventTime = Instant.parse(o.path("event_time").asText()).toEpochMilli();
                long receivedAt = Instant.parse(o.path("received_at").asText()).toEpochMilli();
                for (JsonNode line : o.path("lines")) {
                    arrivedAt.merge(line.path("sku").asText() + "|" + eventTime, receivedAt, Math::min);
                }
            } catch (Exception e) {
                // Not an order this section can time: its sell-out, if any, is counted without an arrival.
            }
        }

        /** When the order with this SKU and event time reached stockflow; -1 when no such order was read. */
        long arrival(String sku, long eventTime) {
            return arrivedAt.getOrDefault(sku + "|" + eventTime, -1L);
        }
    }

    /** Reads what each channel lists per SKU off the simulator every {@link #POLL_EVERY_MS}, keeping the changes. */
    private static final class Poller implements Runnable {
        /** Per channel in {@link DemoListings#CHANNELS} order: per SKU, each quantity from when it was first seen. */
        final List<Map<String, NavigableMap<Long, Long>>> listed = new ArrayList<>();

        private final SimulatorAdmin admin;
        private final DemoListings listings;
        private final List<Long> gaps = new ArrayList<>();

        Poller(SimulatorAdmin admin, DemoListings listings) {
            this.admin = admin;
            this.listings = listings;
            for (int c = 0; c < DemoListings.CHANNELS.size(); c++) listed.add(new ConcurrentHashMap<>());
        }

        @Override
        public void run() {
            long previous = -1;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Map<String, Long[]> now = listings.listed(admin.get("/_sim/quantities"));
                    long at = System.currentTimeMillis();
                    synchronized (gaps) {
                        if (previous >= 0) gaps.add(at - previous);
                    }
                    previous = at;
                    now.forEach((sku, row) -> {
                        for (int c = 0; c < row.length; c++) {
                            if (row[c] != null) SyncExposure.observe(listed.get(c), sku, at, row[c]);
                        }
                    });
                    TimeUnit.MILLISECONDS.sleep(POLL_EVERY_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    if (Thread.currentThread().isInterrupted()) return;
                    // A read that fails (a timeout on a busy machine) is a longer gap, which the figures show.
                }
            }
        }

        /**
         * The most changes to or from 0 (sell-outs and returns to stock) one SKU's listing on the channel was seen to
         * make between the two times. Called after this poller stopped.
         */
        long mostUrgentChanges(int channel, long from, long to) {
            long most = 0;
            for (NavigableMap<Long, Long> series : listed.get(channel).values()) {
                long n = 0;
                Long before = null;
                for (Map.Entry<Long, Long> e : series.entrySet()) {
                    boolean inWindow = e.getKey() >= from && e.getKey() <= to;
                    if (inWindow && before != null && (before == 0) != (e.getValue() == 0)) n++;
                    before = e.getValue();
                }
                most = Math.max(most, n);
            }
            return most;
        }

        List<Long> gaps() {
            synchronized (gaps) {
                List<Long> sorted = new ArrayList<>(gaps);
                sorted.sort(null);
                return sorted;
            }
        }
    }
}

package io.stockflow.serve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the served topics from the beginning, {@code read_committed}, on a thread of its own, and hands every record to
 * the {@link Materializer}. It assigns partitions itself (no consumer group, no committed offsets): the views live in
 * memory, so every start rebuilds them from the topics. Topics missing at start are looked for again now and then and
 * read once they exist.
 */
final class TopicReader implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long REFRESH_NANOS = Duration.ofSeconds(5).toNanos();

    private final ServeSettings settings;
    private final Materializer materializer;
    private final ServeMetrics metrics;
    private final CatchUp catchUp;
    private final RecordGate gate;
    private final Map<String, String> logicalByActual = new HashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private volatile String problem;

    TopicReader(
            ServeSettings settings, Materializer materializer, ServeMetrics metrics, CatchUp catchUp, RecordGate gate) {
        this.gate = gate;
        this.settings = settings;
        this.materializer = materializer;
        this.metrics = metrics;
        this.catchUp = catchUp;
        for (String logical : ServedTopics.ALL) logicalByActual.put(settings.topicName(logical), logical);
        Properties p = new Properties();
        p.putAll(settings.kafkaProperties);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "stockflow-serve");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        this.thread = new Thread(this, "stockflow-serve-reader");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Why the reader stopped, if it failed; null while it runs. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            Set<TopicPartition> assigned = new HashSet<>();
            while (running && !learnTarget(assigned)) {
                // Kafka did not answer within the client's timeout: asked again, with the reason on /health.
            }
            long lastRefresh = System.nanoTime();
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    gate.await();
                    materializer.accept(logicalByActual.get(r.topic()), r.value());
                }
                for (TopicPartition tp : assigned) catchUp.position(tp, consumer.position(tp));
                catchUp.check();
                measureLag(assigned);
                if (System.nanoTime() - lastRefresh > REFRESH_NANOS) {
                    try {
                        assignExisting(assigned);
                        problem = null;
                    } catch (TimeoutException e) {
                        problem = "Kafka at " + settings.bootstrap + " does not answer: " + e.getMessage();
                    }
                    lastRefresh = System.nanoTime();
                }
            }
        } catch (WakeupException | InterruptedException e) {
            if (running) failure = e;
        } catch (Throwable t) {
            failure = t;
            problem = "the topic reader stopped: " + t;
            LOG.error("the topic reader stopped: {}", t.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** The partitions there are now and their end offsets, the target of catching up; false if Kafka did not answer. */
    private boolean learnTarget(Set<TopicPartition> assigned) {
        try {
            assignExisting(assigned);
            catchUp.target(consumer.endOffsets(assigned, settings.kafkaTimeout));
            problem = null;
            return true;
        } catch (TimeoutException e) {
            problem = "Kafka at " + settings.bootstrap + " does not answer: " + e.getMessage();
            LOG.warn("{}; asking again", problem);
            return false;
        }
    }

    /** What keeps the reader from reading, for /health; null while it reads. */
    String problem() {
        return problem;
    }

    /** Adds the partitions of the served topics that exist now; new ones are read from their beginning. */
    private void assignExisting(Set<TopicPartition> assigned) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(settings.kafkaTimeout);
        List<TopicPartition> added = new ArrayList<>();
        for (String actual : logicalByActual.keySet()) {
            List<PartitionInfo> partitions = topics.get(actual);
            if (partitions == null) continue;
            for (PartitionInfo info : partitions) {
                TopicPartition tp = new TopicPartition(actual, info.partition());
                if (assigned.add(tp)) added.add(tp);
            }
        }
        if (added.isEmpty()) return;
        consumer.assign(assigned);
        consumer.seekToBeginning(added);
        LOG.info("reading {} partitions of {}", assigned.size(), logicalByActual.keySet());
    }

    private void measureLag(Set<TopicPartition> assigned) {
        Map<String, Long> byTopic = new HashMap<>();
        for (TopicPartition tp : assigned) {
            OptionalLong lag = consumer.currentLag(tp);
            byTopic.merge(logicalByActual.get(tp.topic()), lag.orElse(0L), Long::sum);
        }
        byTopic.forEach(metrics::lag);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
        // A reader held by its gate does not see the wake-up.
        if (thread.isAlive()) thread.interrupt();
    }
}

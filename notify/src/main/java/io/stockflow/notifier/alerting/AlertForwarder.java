package io.stockflow.notifier.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts every alert of the {@code alerts} topic to Alertmanager ({@code POST /api/v2/alerts}), in its own consumer
 * group ({@code read_committed}), and keeps posting the active ones before Alertmanager would let them end. Offsets
 * are committed after Alertmanager accepted the batch, so an alert is posted at least once: a repeat is harmless, as
 * Alertmanager merges alerts with the same labels. When Alertmanager does not answer, the batch is read again after a
 * backoff. A record that does not read as an alert goes to {@code deadletter} with the reason. On each partition it is given (a start, a rebalance) it reads back {@code active-for}, to take up the
 * alerts that are still active.
 */
public final class AlertForwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertForwarder.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final String bootstrap;
    private final Map<String, String> kafkaProperties;
    private final AlertingSettings settings;
    private final ForwarderMetrics metrics;
    private final Clock clock;
    private final AlertmanagerClient client;
    private final AlertLinks links;
    private final ActiveAlerts active;
    private final Object pause = new Object();
    private volatile boolean running;
    private volatile boolean failed;
    private Thread thread;
    private KafkaConsumer<String, String> consumer;
    private KafkaProducer<String, String> deadLetters;
    private Duration backoff = FIRST_BACKOFF;

    public AlertForwarder(
            String bootstrap,
            Map<String, String> kafkaProperties,
            AlertingSettings settings,
            ForwarderMetrics metrics,
            Clock clock) {
        if (!settings.enabled()) throw new IllegalArgumentException("alertmanager.url is not set");
        this.bootstrap = bootstrap;
        this.kafkaProperties = Map.copyOf(kafkaProperties);
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.client = new AlertmanagerClient(settings.alertmanager(), settings.timeout());
        this.links = new AlertLinks(settings.links());
        this.active = new ActiveAlerts(settings.activeFor(), settings.repostEvery());
    }

    public synchronized void start() {
        deadLetters = new KafkaProducer<>(producerProperties(), new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(settings.topic()), new ReadBack());
        running = true;
        thread = new Thread(this::loop, "stockflow-alertmanager");
        thread.start();
        LOG.info(
                "forwarding {} to Alertmanager at {} (group {}, active for {}, re-posted every {})",
                settings.topic(),
                settings.alertmanager(),
                settings.groupId(),
                settings.activeFor(),
                settings.repostEvery());
    }

    private void loop() {
        try {
            while (running) step();
        } catch (WakeupException e) {
            // close() woke the consumer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                failed = true;
                LOG.error("alert forwarder failed", e);
            } else {
                // A read or commit that gave up on the broker after close() asked to stop: the stop, not a failure.
                LOG.info("alert forwarder stopped while waiting on the broker at {}: {}", bootstrap, e.toString());
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
            deadLetters.close(Duration.ofSeconds(2));
        }
    }

    private void step() throws InterruptedException {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        Instant now = clock.instant();
        if (!records.isEmpty()) {
            List<PostableAlert> batch = new ArrayList<>();
            int resolved = 0;
            for (ConsumerRecord<String, String> r : records) {
                AlertRecord alert;
                try {
                    alert = AlertRecord.read(r.value() == null ? "" : r.value());
                } catch (AlertRecord.Unreadable e) {
                    deadLetter(r, e.getMessage());
                    continue;
                }
                PostableAlert p = active.take(alert, r.partition(), Instant.ofEpochMilli(r.timestamp()), now, links);
                if (p == null) {
                    metrics.expired();
                    continue;
                }
                batch.add(p);
                if (alert.resolved()) resolved++;
            }
            if (!batch.isEmpty()) {
                AlertmanagerClient.Result result = post(batch);
                if (result.outcome() == AlertmanagerClient.Outcome.FAILED) {
                    LOG.warn("posting {} alerts failed, read again in {}: {}", batch.size(), backoff, result.detail());
                    rewind();
                    pause(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                            ? settings.maxBackoff()
                            : backoff.multipliedBy(2);
                    return;
                }
                if (result.outcome() == AlertmanagerClient.Outcome.REFUSED)
                    LOG.warn("Alertmanager refused {} alerts: {}", batch.size(), result.detail());
                else {
                    metrics.posted("new", batch.size() - resolved);
                    metrics.posted("resolved", resolved);
                }
                backoff = FIRST_BACKOFF;
            }
            // The batch's dead letters are written before its offsets are committed: at least once, as the posts.
            deadLetters.flush();
            try {
                consumer.commitSync(offsets(records));
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                // A rebalance took the partitions: their new reader posts these alerts again, which is harmless.
                LOG.warn("committing the batch's offsets failed: {}", e.toString());
            }
        }
        repost(now);
        metrics.active(active.size());
    }

    private void deadLetter(ConsumerRecord<String, String> r, String reason) {
        String source = settings.topic();
        deadLetters.send(new ProducerRecord<>(
                settings.deadLetterTopic(),
                source,
                AlertDeadLetter.of(
                        source, reason, r.value() == null ? "" : r.value(), Instant.ofEpochMilli(r.timestamp()))));
        metrics.unreadable();
        LOG.warn(
                "dead letter: the alert record at {}-{}@{} does not read: {}",
                r.topic(),
                r.partition(),
                r.offset(),
                reason);
    }

    private void repost(Instant now) throws InterruptedException {
        List<PostableAlert> due = active.due(now, links);
        if (due.isEmpty()) return;
        AlertmanagerClient.Result result = post(due);
        // A failed re-post is tried again at the next interval; each post ends the alert intervals ahead.
        if (result.outcome() == AlertmanagerClient.Outcome.ACCEPTED) metrics.posted("repost", due.size());
        else LOG.warn("re-posting {} active alerts failed: {}", due.size(), result.detail());
    }

    private AlertmanagerClient.Result post(List<PostableAlert> batch) throws InterruptedException {
        long start = System.nanoTime();
        AlertmanagerClient.Result result = client.post(batch);
        if (result.outcome() == AlertmanagerClient.Outcome.ACCEPTED)
            metrics.postLatency(Duration.ofNanos(System.nanoTime() - start));
        else metrics.postFailed(result.outcome());
        return result;
    }

    private void pause(Duration d) throws InterruptedException {
        synchronized (pause) {
            if (running) pause.wait(d.toMillis());
        }
    }

    /** Reads the batch again from the last committed offsets. */
    private void rewind() {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        for (TopicPartition tp : assigned) {
            OffsetAndMetadata at = committed.get(tp);
            if (at == null) consumer.seekToBeginning(List.of(tp));
            else consumer.seek(tp, at.offset());
        }
    }

    /**
     * On partitions given to this forwarder: starts at the committed offset or {@code active-for} back, whichever is
     * earlier, so the alerts still active are taken up (posted again, which Alertmanager merges); on partitions taken
     * away, forgets their alerts.
     */
    private final class ReadBack implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) return;
            long since = clock.instant().minus(settings.activeFor()).toEpochMilli();
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(tp -> times.put(tp, since));
            // The ends first: a record written after them is read; one written before them and inside the window
            // is found by time. (A lazy seek to the end would skip records written while the partition is assigned.)
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndTimestamp> fromTime = consumer.offsetsForTimes(times);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp t = fromTime.get(tp);
                OffsetAndMetadata c = committed.get(tp);
                if (t == null && c == null) consumer.seek(tp, ends.get(tp));
                else if (t == null) consumer.seek(tp, c.offset());
                else consumer.seek(tp, c == null ? t.offset() : Math.min(c.offset(), t.offset()));
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            active.dropPartitions(
                    partitions.stream().map(TopicPartition::partition).toList());
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, String>> rs = records.records(tp);
            out.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
        }
        return out;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.putAll(kafkaProperties);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.putAll(kafkaProperties);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    /** Waits until the loop ends; true when it failed. */
    public boolean awaitStop() throws InterruptedException {
        if (thread != null) thread.join();
        return failed;
    }

    /** Stops after the post in flight. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        if (consumer != null) consumer.wakeup();
        if (thread != null) thread.join(Duration.ofSeconds(30).toMillis());
    }
}

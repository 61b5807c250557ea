package io.stockflow.notifier.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every partition of a compacted topic read from the start, committed records only, without a consumer group (each
 * reader needs the whole topic). {@link #catchUp(Duration)} reads up to the end offsets as of the call, so a caller
 * sees every record committed before it asked; each record goes to the handler in offset order, a tombstone with a
 * null value. {@link #wakeup()}, from any thread, ends a call that waits on the broker with a {@link
 * org.apache.kafka.common.errors.WakeupException}: the way to stop a reader that waits on a broker that is gone.
 */
public final class CompactedTopicView implements AutoCloseable {
    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final BiConsumer<String, String> handler;
    private List<TopicPartition> partitions;

    public CompactedTopicView(
            String bootstrap, String topic, Map<String, String> kafkaProperties, BiConsumer<String, String> handler) {
        this.topic = topic;
        this.handler = handler;
        Properties p = new Properties();
        p.putAll(kafkaProperties);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    public void catchUp(Duration timeout) {
        if (partitions == null) {
            List<TopicPartition> all = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, timeout))
                all.add(new TopicPartition(topic, info.partition()));
            if (all.isEmpty()) throw new IllegalStateException("topic " + topic + " does not exist");
            consumer.assign(all);
            consumer.seekToBeginning(all);
            partitions = all;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(end)) {
            if (System.nanoTime() > deadline)
                throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100)))
                handler.accept(r.key(), r.value());
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet())
            if (consumer.position(e.getKey()) < e.getValue()) return false;
        return true;
    }

    /** Ends the call in progress (or the next one) with a {@link org.apache.kafka.common.errors.WakeupException}. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}

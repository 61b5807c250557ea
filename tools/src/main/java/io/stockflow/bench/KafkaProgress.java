package io.stockflow.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads progress from the broker, outside the job under test: how many records some topics hold, and how far a
 * consumer group has read.
 */
final class KafkaProgress implements AutoCloseable {
    private final Admin admin;

    KafkaProgress(String bootstrap) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    /**
     * The end offsets of the topics, summed: records written, whether their transaction is committed yet or not (plus
     * a few transaction markers). A job's output shows here as it is produced, not only at each checkpoint, so the
     * rate does not depend on the checkpoint interval.
     */
    long writtenEnd(Collection<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (TopicPartition tp : partitions(topics)) request.put(tp, OffsetSpec.latest());
        long sum = 0;
        for (var info : admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                .all()
                .get()
                .values()) {
            sum += info.offset();
        }
        return sum;
    }

    /** The offsets a consumer group has committed on a topic, summed: how far a job has read it (0 before any). */
    long committed(String group, String topic) throws ExecutionException, InterruptedException {
        long sum = 0;
        for (var e : admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get()
                .entrySet()) {
            if (e.getKey().topic().equals(topic) && e.getValue() != null)
                sum += e.getValue().offset();
        }
        return sum;
    }

    private List<TopicPartition> partitions(Collection<String> topics) throws ExecutionException, InterruptedException {
        List<TopicPartition> result = new ArrayList<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get()
                .forEach((name, d) -> d.partitions().forEach(p -> result.add(new TopicPartition(name, p.partition()))));
        return result;
    }

    @Override
    public void close() {
        admin.close();
    }
}

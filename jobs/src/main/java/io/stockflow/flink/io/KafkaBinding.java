package io.stockflow.flink.io;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Live runs on Kafka. Sources start from the job's committed offsets (earliest on first start) and read only committed
 * records; the input topics the jobs own are created when missing ({@link OwnedTopics}). Sinks are transactional
 * (exactly-once) unless a topic is listed as at-least-once; {@code routing.capacity} always is.
 */
public final class KafkaBinding implements TopicBinding {
    private final KafkaSettings settings;
    private final String jobName;

    public KafkaBinding(KafkaSettings settings, String jobName) {
        this.settings = settings;
        this.jobName = jobName;
    }

    @Override
    public DataStream<RawRecord> source(StreamExecutionEnvironment env, String topic) {
        try {
            OwnedTopics.ensure(settings, List.of(topic));
        } catch (Exception e) {
            throw new IllegalStateException(
                    KafkaFailures.explain(settings, "checking topic " + settings.topicName(topic), e), e);
        }
        KafkaSource<RawRecord> source = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(settings.bootstrap)
                .setTopics(settings.topicName(topic))
                .setGroupId("stockflow-" + jobName)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .setProperties(settings.clientProperties())
                .setProperty("isolation.level", "read_committed")
                .setProperty("partition.discovery.interval.ms", "60000")
                .build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), topic + " kafka")
                .uid("source-" + topic);
    }

    @Override
    public void sink(String topic, DataStream<OutRecord> records) {
        KafkaSink<OutRecord> sink = KafkaSink.<OutRecord>builder()
                .setBootstrapServers(settings.bootstrap)
                .setKafkaProducerConfig(producerProperties(topic))
                .setDeliveryGuarantee(deliveryGuarantee(topic))
                .setTransactionalIdPrefix("stockflow-" + jobName + "-" + topic)
                .setRecordSerializer(new OutRecordSerializer(settings.topicName(topic)))
                .build();
        records.sinkTo(sink).name(topic + " kafka").uid("sink-" + topic);
    }

    /** Exactly-once, unless the topic is listed as at-least-once or is {@code routing.capacity}. */
    public DeliveryGuarantee deliveryGuarantee(String topic) {
        // Capacity levels are absolute and read back by the job itself: sent at once, not at the next checkpoint.
        return settings.atLeastOnceTopics.contains(topic) || Topics.ROUTING_CAPACITY.equals(topic)
                ? DeliveryGuarantee.AT_LEAST_ONCE
                : DeliveryGuarantee.EXACTLY_ONCE;
    }

    /** The producer settings of a topic's sink: the user's client settings, then the job's defaults. */
    Properties producerProperties(String topic) {
        Properties producer = settings.clientProperties();
        // Must exceed checkpoint interval plus restart time, and stay within the broker's transaction.max.timeout.ms.
        producer.setProperty("transaction.timeout.ms", String.valueOf(settings.transactionTimeoutMs));
        // Large batches, a short linger and lz4 let the sinks keep up with the hot path, where the producer's defaults
        // send many small requests. The user's --kafka-properties and STOCKFLOW_KAFKA_* settings win.
        // Capacity levels are few (at most ten a second per location) and routing waits for them: no lingering.
        if (Topics.ROUTING_CAPACITY.equals(topic)) producer.putIfAbsent("linger.ms", "0");
        producer.putIfAbsent("batch.size", "262144");
        producer.putIfAbsent("linger.ms", "20");
        producer.putIfAbsent("compression.type", "lz4");
        return producer;
    }

    @Override
    public boolean bounded() {
        return false;
    }

    /** Kafka record → RawRecord, stamped with the Kafka record's timestamp as the time it was received. */
    static final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {
        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
            out.collect(new RawRecord(record.value() == null ? new byte[0] : record.value(), record.timestamp()));
        }

        @Override
        public TypeInformation<RawRecord> getProducedType() {
            return TypeInformation.of(RawRecord.class);
        }
    }

    /**
     * OutRecord → Kafka record. Its Kafka timestamp is the time it is written (the producer's clock), never the event
     * time it reports: brokers delete segments by record timestamp, so output of a replay or backfill of old history
     * stamped with its event time would be deleted by retention within minutes. The event time stays in the record.
     */
    static final class OutRecordSerializer implements KafkaRecordSerializationSchema<OutRecord> {
        private final String topic;

        OutRecordSerializer(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(OutRecord r, KafkaSinkContext context, Long timestamp) {
            byte[] key = r.key == null ? null : r.key.getBytes(StandardCharsets.UTF_8);
            return new ProducerRecord<>(topic, null, null, key, r.value);
        }
    }
}

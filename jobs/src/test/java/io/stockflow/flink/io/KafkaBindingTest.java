package io.stockflow.flink.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** What the Kafka binding makes of a Kafka record, and how it sends each output topic. */
class KafkaBindingTest {
    private final KafkaSettings settings = new KafkaSettings("127.0.0.1:9092");
    private final KafkaBinding binding = new KafkaBinding(settings, "inventory");

    @Test
    void aKafkaRecordBecomesARawRecordReceivedAtItsKafkaTimestamp() {
        List<RawRecord> read = deserialize(record("{\"id\":1}".getBytes(StandardCharsets.UTF_8), 1_764_000_000_000L));

        assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("{\"id\":1}");
            assertThat(r.receivedAt).isEqualTo(1_764_000_000_000L);
        });
    }

    @Test
    void aRecordWithoutValueBecomesAnEmptyRawRecordForTheParserToDeadLetter() {
        assertThat(deserialize(record(null, 5))).singleElement().satisfies(r -> {
            assertThat(r.value).isEmpty();
            assertThat(r.receivedAt).isEqualTo(5);
        });
    }

    @Test
    void outputsAreExactlyOnceUnlessListedAndCapacityLevelsGoAtOnce() {
        settings.atLeastOnceTopics.add(Topics.AVAILABILITY);

        assertThat(binding.deliveryGuarantee(Topics.ALLOCATIONS)).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(binding.deliveryGuarantee(Topics.AVAILABILITY)).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(binding.deliveryGuarantee(Topics.ROUTING_CAPACITY)).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(binding.producerProperties(Topics.ROUTING_CAPACITY).getProperty("linger.ms"))
                .isEqualTo("0");
    }

    @Test
    void producersBatchByDefaultAndTheUsersClientSettingsWin() {
        settings.extraProperties.setProperty("linger.ms", "5");
        settings.transactionTimeoutMs = 300_000;

        Properties producer = binding.producerProperties(Topics.ALLOCATIONS);

        assertThat(producer.getProperty("linger.ms")).isEqualTo("5");
        assertThat(producer.getProperty("batch.size")).isEqualTo("262144");
        assertThat(producer.getProperty("compression.type")).isEqualTo("lz4");
        assertThat(producer.getProperty("transaction.timeout.ms")).isEqualTo("300000");
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value, long timestamp) {
        return new ConsumerRecord<>(
                "orders.raw",
                0,
                42L,
                timestamp,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                null,
                value,
                new RecordHeaders(),
                Optional.empty());
    }

    private static List<RawRecord> deserialize(ConsumerRecord<byte[], byte[]> record) {
        List<RawRecord> out = new ArrayList<>();
        new KafkaBinding.RawRecordDeserializer().deserialize(record, new Collector<>() {
            @Override
            public void collect(RawRecord r) {
                out.add(r);
            }

            @Override
            public void close() {}
        });
        return out;
    }
}

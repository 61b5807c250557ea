package io.stockflow.flink.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class KafkaRecordTimeTest {
    @Test
    void anOutputRecordIsStampedWhenWrittenAndKeepsItsEventTimeInItsBody() {
        long eventTimeOfLastYear = 1_733_000_000_000L;
        ProducerRecord<byte[], byte[]> record = new KafkaBinding.OutRecordSerializer("orders.allocations")
                .serialize(
                        new OutRecord("shopify:1", "{\"event_time\":\"2024-11-30T20:53:20Z\"}"),
                        null,
                        eventTimeOfLastYear);

        assertThat(record.timestamp())
                .as("left to the producer, which stamps the time of sending")
                .isNull();
        assertThat(record.topic()).isEqualTo("orders.allocations");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("shopify:1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("2024-11-30T20:53:20Z");
    }
}

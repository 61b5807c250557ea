package io.stockflow.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaRecordTimeTest {
    @Test
    void anOutputRecordCarriesItsEventTimeButNeverATimeAheadOfNow() {
        assertThat(KafkaBinding.OutRecordSerializer.recordTime(1_000L, 5_000L)).isEqualTo(1_000L);
        assertThat(KafkaBinding.OutRecordSerializer.recordTime(9_000_000L, 5_000L))
                .as("a future event time would be refused by the broker").isEqualTo(5_000L);
        assertThat(KafkaBinding.OutRecordSerializer.recordTime(null, 5_000L)).isNull();
    }
}

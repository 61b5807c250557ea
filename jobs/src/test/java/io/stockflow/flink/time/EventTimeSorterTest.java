package io.stockflow.flink.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class EventTimeSorterTest {
    @Test
    void emitsEachKeysElementsInEventTimeOrderWithTiesBrokenBySequenceKey() throws Exception {
        try (var harness = newHarness()) {
            harness.processElement(new StreamRecord<>("k:c", 30));
            harness.processElement(new StreamRecord<>("k:b", 10));
            harness.processElement(new StreamRecord<>("k:a", 10));
            harness.processElement(new StreamRecord<>("k:d", 20));
            assertThat(harness.extractOutputValues())
                    .as("nothing before the watermark passes")
                    .isEmpty();

            harness.processWatermark(Long.MAX_VALUE);

            assertThat(harness.extractOutputValues()).containsExactly("k:a", "k:b", "k:d", "k:c");
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void emitsManyElementsOfOneInstantInSequenceOrderAndKeepsNothingAfterwards() throws Exception {
        try (var harness = newHarness()) {
            for (int i = 4_999; i >= 0; i--) harness.processElement(new StreamRecord<>(String.format("k:%05d", i), 7));
            harness.processElement(new StreamRecord<>("k:later", 8));

            harness.processWatermark(7);

            var out = harness.extractOutputValues();
            assertThat(out).hasSize(5_000);
            for (int i = 0; i < 5_000; i++) assertThat(out.get(i)).isEqualTo(String.format("k:%05d", i));
            assertThat(harness.numKeyedStateEntries())
                    .as("the later element's instant: one list")
                    .isEqualTo(1);

            harness.processWatermark(Long.MAX_VALUE);

            assertThat(harness.extractOutputValues()).endsWith("k:later");
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void passesElementsAlreadyBehindTheWatermarkStraightThrough() throws Exception {
        try (var harness = newHarness()) {
            harness.processWatermark(100);
            harness.processElement(new StreamRecord<>("k:late", 50));

            assertThat(harness.extractOutputValues()).containsExactly("k:late");
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, String, String> newHarness() throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new EventTimeSorter<String, String>(Types.STRING, s -> s), s -> s.substring(0, 1), Types.STRING);
        harness.open();
        return harness;
    }
}

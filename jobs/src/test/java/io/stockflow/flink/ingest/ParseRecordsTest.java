package io.stockflow.flink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.io.RawRecord;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.model.DeadLetter;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ParseRecordsTest {
    @Test
    void sendsUnusableRecordsToTheDeadLettersWithTheReasonAndKeepsGoing() throws Exception {
        RecordParser.Factory<String> parsers = () -> bytes -> {
            String text = new String(bytes);
            if (text.equals("bad")) throw new InvalidRecordException("field 'quantity' must be positive, got -4");
            if (text.equals("bug")) throw new IllegalStateException("mapper bug");
            return text.toUpperCase();
        };
        try (OneInputStreamOperatorTestHarness<RawRecord, String> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new ParseRecords<>("orders.raw", parsers))) {
            for (String text : List.of("ok", "bad", "bug", "fine")) harness.processElement(RawRecord.of(text, 7), 0);

            assertThat(harness.extractOutputValues()).containsExactly("OK", "FINE");
            List<DeadLetter> dead = harness.getSideOutput(ParseRecords.DEAD_LETTERS).stream()
                    .map(StreamRecord::getValue)
                    .collect(Collectors.toList());
            assertThat(dead)
                    .extracting(d -> d.sourceTopic + " | " + d.error + " | " + d.raw + " | " + d.receivedAt)
                    .containsExactly(
                            "orders.raw | field 'quantity' must be positive, got -4 | bad | 7",
                            "orders.raw | unexpected IllegalStateException while parsing: mapper bug | bug | 7");
        }
    }

    @Test
    void cutsHugeRawRecordsInDeadLetters() {
        String huge = "x".repeat(ParseRecords.MAX_RAW_CHARS + 10);
        String kept = ParseRecords.rawText(RawRecord.of(huge, 0));

        assertThat(kept)
                .startsWith("x".repeat(ParseRecords.MAX_RAW_CHARS))
                .endsWith("[cut: " + huge.length() + " chars in all]");
    }
}

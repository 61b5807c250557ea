package io.stockflow.flink.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class TopicFeedTest {
    @Test
    void aJobFedAnotherJobsOutputGetsItsRecordsAndNoneOfItsWatermarks() throws Exception {
        try (OneInputStreamOperatorTestHarness<OutRecord, RawRecord> harness =
                new OneInputStreamOperatorTestHarness<>(new TopicFeed())) {
            harness.open();
            harness.processElement(new StreamRecord<>(new OutRecord("shopify:1", "{\"order_id\":\"shopify:1\"}"), 5L));
            harness.processWatermark(new Watermark(1_000L));
            harness.processWatermarkStatus(WatermarkStatus.IDLE);
            // The end-of-time watermark of a side input that reached the upstream job's outputs.
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            harness.processElement(new StreamRecord<>(new OutRecord("shopify:2", "{\"order_id\":\"shopify:2\"}"), 6L));

            List<Object> out = new ArrayList<>(harness.getOutput());
            assertThat(out).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOf(StreamRecord.class));
            List<String> texts = new ArrayList<>();
            for (Object o : out) texts.add(((RawRecord) ((StreamRecord<?>) o).getValue()).text());
            assertThat(texts).containsExactly("{\"order_id\":\"shopify:1\"}", "{\"order_id\":\"shopify:2\"}");
            assertThat(((StreamRecord<?>) out.get(0)).getTimestamp()).isEqualTo(5L);
        }
    }

    @Test
    void theEndOfABoundedInputIsTheEndOfEventTimeAsAtTheEndOfATopicsFile() throws Exception {
        try (OneInputStreamOperatorTestHarness<OutRecord, RawRecord> harness =
                new OneInputStreamOperatorTestHarness<>(new TopicFeed())) {
            harness.open();
            harness.processElement(new StreamRecord<>(new OutRecord("k", "{}"), 5L));
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(harness.getOutput()).hasSize(1);

            harness.endInput();

            assertThat(harness.getOutput()).hasSize(2).last().isEqualTo(Watermark.MAX_WATERMARK);
        }
    }
}

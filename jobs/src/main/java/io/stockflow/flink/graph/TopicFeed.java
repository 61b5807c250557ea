package io.stockflow.flink.graph;

import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import org.apache.flink.runtime.event.WatermarkEvent;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Another job's output fed to a job of the same graph as that job would read it from the topic: each record's JSON as a
 * {@link RawRecord}, and none of the producing job's watermarks. A job that reads a topic sees no watermark of whoever
 * wrote it and keeps event time with its own assigners; a job fed in the graph must see the same. Let through, the
 * producer's watermarks reach the reader's assigners, and those pass an end-of-time watermark on as the end of the
 * input: the inventory job's side inputs (rule sets, corrections) carry one, it passes the ledger once the orders and
 * movements are idle, and the lifecycle job would judge every deadline of every open order at once. At the end of a
 * bounded input (a run over files) it passes the end of event time on, as a topic's file ends.
 */
final class TopicFeed extends AbstractStreamOperator<RawRecord>
        implements OneInputStreamOperator<OutRecord, RawRecord>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(StreamRecord<OutRecord> element) {
        OutRecord r = element.getValue();
        output.collect(element.replace(new RawRecord(r.value, System.currentTimeMillis())));
    }

    @Override
    public void processWatermark(Watermark mark) {
        // The reader's own assigners keep its event time.
    }

    @Override
    public void processWatermark(WatermarkEvent watermark) {
        // As above, for watermarks of the generalized kind.
    }

    @Override
    public void endInput() {
        output.emitWatermark(Watermark.MAX_WATERMARK);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {
        // A topic's reader does not learn whether its writer is idle.
    }
}

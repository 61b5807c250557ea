package io.stockflow.flink.job;

import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;

/** A job of the project: a function from its named input streams to its named output streams. */
public interface StockflowJob {
    String name();

    List<String> inputTopics();

    /**
     * Topics the job writes and reads back itself, on Kafka only: a bounded run over files has no such loop and does
     * not read them.
     */
    default List<String> loopTopics() {
        return List.of();
    }

    Map<String, DataStream<OutRecord>> build(Map<String, DataStream<RawRecord>> inputs, JobOptions options);
}

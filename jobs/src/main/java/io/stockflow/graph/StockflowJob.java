package io.stockflow.graph;

import io.stockflow.io.OutRecord;
import io.stockflow.io.RawRecord;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;

/** A job of the project: a function from its named input streams to its named output streams. */
public interface StockflowJob {
    String name();

    List<String> inputTopics();

    /** The inputs of a run with these options: by default {@link #inputTopics()}. */
    default List<String> inputTopics(JobOptions options) {
        return inputTopics();
    }

    Map<String, DataStream<OutRecord>> build(Map<String, DataStream<RawRecord>> inputs, JobOptions options);
}

package io.stockflow.flink.job;

import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * A job of the project as the graph and the bindings see it: a function from its named input topics to its named output
 * topics. Each implementation is a thin adapter around the job's typed topology (its {@code XxxTopology.build}, from
 * {@code XxxInputs} to {@code XxxOutputs}): it hands the topology its topics' records, reads back the records another
 * stockflow job wrote, and writes the topology's typed outputs as JSON records keyed as the contract says.
 */
public interface StockflowJob {
    String name();

    List<String> inputTopics();

    /**
     * Topics the job writes and reads back itself, on Kafka only: a bounded run over files has no such loop and does
     * not read them. They may depend on the run's settings.
     */
    default List<String> loopTopics(JobOptions options) {
        return List.of();
    }

    Map<String, DataStream<OutRecord>> build(Map<String, DataStream<RawRecord>> inputs, JobOptions options);
}

package io.stockflow.bench;

import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.TopicBinding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The ceiling the hot path is measured against: the same input topics read the same way and written, unchanged, to
 * one output topic through the same exactly-once sink, with the same parallelism. No parsing, no state.
 */
final class PassthroughJob {
    static final String OUTPUT = "bench.passthrough";

    private PassthroughJob() {}

    static void build(StreamExecutionEnvironment env, TopicBinding binding, List<String> inputs) {
        DataStream<RawRecord> all = null;
        for (String topic : inputs) {
            DataStream<RawRecord> source = binding.source(env, topic);
            all = all == null ? source : all.union(source);
        }
        binding.sink(
                OUTPUT,
                all.map(r -> new OutRecord(null, new String(r.value, StandardCharsets.UTF_8)))
                        .name("passthrough")
                        .uid("passthrough"));
    }
}

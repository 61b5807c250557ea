package io.stockflow.flink.graph;

import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.TopicBinding;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowJob;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Wires jobs into one Flink graph: an input topic that an earlier job of the graph produces is read from that job's
 * output stream directly; every other input comes from the binding, and every output goes to it. A job learns which of
 * its inputs an earlier job already reads from the binding ({@link JobOptions#inputsReadBefore}), so that a bad record
 * is dead-lettered once, not once per job. The jobs' settings are laid over the environment's configuration, so that
 * {@code stockflow.*} keys of {@code config.yaml} reach them ({@link JobOptions#settings()}). A job fed another job's
 * output gets its records without that job's watermarks ({@link TopicFeed}), as from the topic.
 */
public final class JobGraph {
    private JobGraph() {}

    public static void wire(
            StreamExecutionEnvironment env, List<StockflowJob> jobs, TopicBinding binding, JobOptions options) {
        Map<String, DataStream<RawRecord>> sources = new HashMap<>();
        Map<String, DataStream<OutRecord>> produced = new LinkedHashMap<>();
        options.flinkConfiguration(env.getConfiguration());
        for (StockflowJob job : jobs) {
            options.inputsReadBefore = new HashSet<>(sources.keySet());
            Map<String, DataStream<RawRecord>> inputs = new LinkedHashMap<>();
            for (String topic : job.inputTopics()) {
                DataStream<OutRecord> upstream = produced.get(topic);
                inputs.put(
                        topic,
                        upstream != null
                                ? asInput(upstream, job.name(), topic)
                                : sources.computeIfAbsent(topic, t -> binding.source(env, t)));
            }
            if (!binding.bounded()) {
                for (String topic : job.loopTopics(options)) {
                    inputs.put(topic, sources.computeIfAbsent(topic, t -> binding.source(env, t)));
                }
            }
            // Several jobs write the same topic (alerts, deadletter): their streams are merged into one sink.
            job.build(inputs, options).forEach((topic, stream) -> produced.merge(topic, stream, DataStream::union));
        }
        produced.forEach(binding::sink);
    }

    /** The upstream job's records as the job would read them from the topic, without the upstream's event time. */
    private static DataStream<RawRecord> asInput(DataStream<OutRecord> upstream, String job, String topic) {
        return upstream.transform(topic + " into " + job, TypeInformation.of(RawRecord.class), new TopicFeed())
                .uid("feed-" + job + "-" + topic);
    }
}

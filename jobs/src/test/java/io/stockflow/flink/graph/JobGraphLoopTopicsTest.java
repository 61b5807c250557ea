package io.stockflow.flink.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.TopicBinding;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** A job's loop topic (written and read back by itself) is read on Kafka only; a bounded run writes it and no more. */
class JobGraphLoopTopicsTest {
    @Test
    void liveTheInventoryJobReadsBackRoutingCapacity() {
        RecordingBinding binding = wire(false);
        assertThat(binding.sources).contains(Topics.ROUTING_RULES, Topics.ROUTING_CAPACITY);
        assertThat(binding.sinks).contains(Topics.ROUTING_CAPACITY, Topics.ALLOCATIONS, Topics.ALERTS);
    }

    @Test
    void aBoundedRunWritesRoutingCapacityButDoesNotReadIt() {
        RecordingBinding binding = wire(true);
        assertThat(binding.sources).contains(Topics.ROUTING_RULES).doesNotContain(Topics.ROUTING_CAPACITY);
        assertThat(binding.sinks).contains(Topics.ROUTING_CAPACITY);
    }

    private static RecordingBinding wire(boolean bounded) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        RecordingBinding binding = new RecordingBinding(bounded);
        JobOptions options = new JobOptions();
        options.replay = bounded;
        JobGraph.wire(env, Jobs.resolve("inventory"), binding, options);
        return binding;
    }

    private static final class RecordingBinding implements TopicBinding {
        final List<String> sources = new ArrayList<>();
        final List<String> sinks = new ArrayList<>();
        private final boolean bounded;

        RecordingBinding(boolean bounded) {
            this.bounded = bounded;
        }

        @Override
        public DataStream<RawRecord> source(StreamExecutionEnvironment env, String topic) {
            sources.add(topic);
            return env.fromData(TypeInformation.of(RawRecord.class), RawRecord.of("{}", 0))
                    .uid("source-" + topic);
        }

        @Override
        public void sink(String topic, DataStream<OutRecord> records) {
            sinks.add(topic);
        }

        @Override
        public boolean bounded() {
            return bounded;
        }
    }
}

package io.stockflow.flink.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.TopicBinding;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.main.FlinkOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checkpoints cannot stop a job for good: with the project's Flink configuration, no task of any job (nor of all of
 * them in one graph) can block an input on a checkpoint barrier while the barrier it waits for is held behind
 * back-pressure from that very input ({@link BarrierStalls}). With unaligned checkpoints the live inventory job stops
 * this way under load: the allocations' sink, fed over forward exchanges by the order gate and the allocation assembly,
 * blocks on the assembly's early barrier and waits for the gate's, while the gate is back-pressured behind the ledger.
 */
class CheckpointBarrierPathsTest {
    private static final Path PROJECT_FLINK_CONF = Path.of("..", "flink-conf");

    @ParameterizedTest
    @ValueSource(strings = {"inventory", "lifecycle", "anomalies", "sync", Jobs.ALL})
    void noTaskWaitsForGoodOnACheckpointBarrierWithTheProjectsConfiguration(String job) {
        Configuration conf = FlinkOptions.embeddedConfiguration(PROJECT_FLINK_CONF);
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .as("the project's config.yaml is read")
                .isNotNull();
        conf.addAll(FlinkOptions.jobSettings());

        assertThat(stallsOfALiveRun(job, conf)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"inventory", Jobs.ALL})
    void noTaskWaitsForGoodOnACheckpointBarrierOnAClusterThatEnablesUnalignedCheckpoints(String job) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(2));
        conf.set(CheckpointingOptions.ENABLE_UNALIGNED, true);
        conf.addAll(FlinkOptions.jobSettings());

        assertThat(stallsOfALiveRun(job, conf)).isEmpty();
    }

    @Test
    void withUnalignedCheckpointsTheAllocationsSinkWaitsForTheOrderGateHeldBehindTheLedger() {
        Configuration conf = FlinkOptions.embeddedConfiguration(PROJECT_FLINK_CONF);
        conf.set(CheckpointingOptions.ENABLE_UNALIGNED, true);

        List<BarrierStalls.Stall> stalls = stallsOfALiveRun("inventory", conf);

        assertThat(stalls).anySatisfy(s -> {
            assertThat(s.task()).startsWith("allocations json");
            assertThat(s.early()).startsWith("allocation assembly");
            assertThat(s.late()).contains("order gate");
            assertThat(s.held()).contains("order gate");
        });
    }

    /**
     * The stalls of the job's graph as a live run builds it (parallel sources as Kafka's, a sink per output topic),
     * with the checkpoints the environment takes under {@code flinkConf}.
     */
    private static List<BarrierStalls.Stall> stallsOfALiveRun(String job, Configuration flinkConf) {
        Configuration conf = new Configuration(flinkConf);
        conf.set(CoreOptions.DEFAULT_PARALLELISM, 2);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        JobGraph.wire(env, Jobs.resolve(job), new LiveBinding(), new JobOptions());
        boolean unaligned = env.getCheckpointConfig().isUnalignedCheckpointsEnabled();
        return BarrierStalls.find(env.getStreamGraph().getJobGraph(), unaligned);
    }

    /** Live (unbounded) topics: a parallel source per input, as the Kafka source is, and a sink per output. */
    private static final class LiveBinding implements TopicBinding {
        @Override
        public DataStream<RawRecord> source(StreamExecutionEnvironment env, String topic) {
            return env.fromSequence(0, 0)
                    .name(topic + " kafka")
                    .uid("source-" + topic)
                    .map(i -> RawRecord.of("{}", 0))
                    .returns(TypeInformation.of(RawRecord.class))
                    .name(topic + " records")
                    .uid("records-" + topic);
        }

        @Override
        public void sink(String topic, DataStream<OutRecord> records) {
            records.sinkTo(new DiscardingSink<>()).name(topic + " kafka").uid("sink-" + topic);
        }

        @Override
        public boolean bounded() {
            return false;
        }
    }
}

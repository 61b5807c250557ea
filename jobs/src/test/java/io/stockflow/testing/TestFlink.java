package io.stockflow.testing;

import io.stockflow.flink.main.FlinkOptions;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The Flink set-up the integration tests share. */
public final class TestFlink {
    /** As on the 2-core machines this project runs on. */
    public static final int PARALLELISM = 2;

    private TestFlink() {}

    /** The MiniCluster of a test class that runs jobs without Kafka (Kafka's ITs have theirs in KafkaPipeline). */
    public static MiniClusterExtension miniCluster() {
        return new MiniClusterExtension(miniClusterConfiguration());
    }

    /** One TaskManager with a slot for each parallel subtask. */
    public static MiniClusterResourceConfiguration miniClusterConfiguration() {
        return miniClusterConfiguration(new Configuration());
    }

    /** As {@link #miniClusterConfiguration()}, with the cluster's own settings (a metric reporter). */
    public static MiniClusterResourceConfiguration miniClusterConfiguration(Configuration cluster) {
        return new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(cluster)
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(PARALLELISM)
                .build();
    }

    /**
     * The job settings the launcher forces (no Kryo fallback, explicit uids), a checkpoint every 300 ms, and
     * {@code restarts} restarts after a failure: none unless a test is about failures, so that a failing job fails fast.
     */
    public static Configuration jobConfiguration(int restarts) {
        Configuration conf = FlinkOptions.jobSettings();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(300));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, restarts == 0 ? "none" : "fixed-delay");
        if (restarts > 0) {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restarts);
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        }
        return conf;
    }
}

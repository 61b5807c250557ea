package io.stockflow.flink.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an embedded run gets from the launcher, live and bounded. */
class EmbeddedEnvironmentTest {
    @Test
    void aBoundedRunTakesNoCheckpointsWhatTheConfigurationSays() {
        var env = new FlinkOptions().embeddedEnvironment(true, Map.of("execution.checkpointing.interval", "1s"));

        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isFalse();
    }

    @Test
    void aBoundedRunWaitsLongerForHeartbeatsThanTheConfigurationSays() {
        FlinkOptions options = new FlinkOptions();
        options.flinkConf = Path.of("..", "flink-conf");

        var env = options.embeddedEnvironment(true, Map.of());

        assertThat(FlinkOptions.embeddedConfiguration(options.flinkConf).get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT))
                .isLessThan(FlinkOptions.EMBEDDED_BOUNDED_HEARTBEAT_TIMEOUT);
        assertThat(env.getConfiguration().get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT))
                .isEqualTo(FlinkOptions.EMBEDDED_BOUNDED_HEARTBEAT_TIMEOUT);
    }

    @Test
    void aLiveRunCheckpointsAtTheGivenInterval() {
        var env = new FlinkOptions().embeddedEnvironment(false, Map.of());

        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(2_000L);
    }

    @Test
    void aLiveRunWritesTheStateChangelogBesideItsCheckpointsAndRestoresClaimTheirSnapshot(@TempDir Path state) {
        FlinkOptions options = projectConfiguration();
        options.stateDir = state;
        Configuration conf = configuration(options.embeddedEnvironment(false, Map.of()));

        assertThat(conf.get(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG)).isTrue();
        assertThat(conf.get(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE)).isEqualTo("filesystem");
        assertThat(conf.get(FsStateChangelogOptions.BASE_PATH))
                .isEqualTo(state.resolve("changelog").toAbsolutePath().toUri().toString());
        assertThat(conf.get(StateRecoveryOptions.RESTORE_MODE)).isEqualTo(RecoveryClaimMode.CLAIM);
    }

    @Test
    void aLiveRunSizesItsNetworkBuffersToAboutATenthOfASecondOfThroughput() {
        Configuration conf = configuration(projectConfiguration().embeddedEnvironment(false, Map.of()));

        assertThat(conf.get(TaskManagerOptions.BUFFER_DEBLOAT_ENABLED)).isTrue();
        assertThat(conf.get(TaskManagerOptions.BUFFER_DEBLOAT_TARGET)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aBoundedRunKeepsItsNetworkBuffersWhole() {
        Configuration conf = configuration(projectConfiguration().embeddedEnvironment(true, Map.of()));

        assertThat(conf.get(TaskManagerOptions.BUFFER_DEBLOAT_ENABLED)).isFalse();
    }

    @Test
    void restoresClaimTheirSnapshotWithAConfigurationThatDoesNotSaySo(@TempDir Path userConf) {
        FlinkOptions options = new FlinkOptions();
        options.flinkConf = userConf;
        Configuration conf = configuration(options.embeddedEnvironment(
                false, Map.of(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG.key(), "true")));

        assertThat(conf.get(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG)).isTrue();
        assertThat(conf.get(StateRecoveryOptions.RESTORE_MODE)).isEqualTo(RecoveryClaimMode.CLAIM);
    }

    @Test
    void aBoundedRunWritesNoStateChangelog() {
        FlinkOptions options = projectConfiguration();
        Configuration conf = configuration(options.embeddedEnvironment(true, Map.of()));

        assertThat(FlinkOptions.embeddedConfiguration(options.flinkConf)
                        .get(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG))
                .as("config.yaml turns it on")
                .isTrue();
        assertThat(conf.get(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG)).isFalse();
    }

    /** Options reading the project's {@code flink-conf/config.yaml}, as the launcher's runs do. */
    private static FlinkOptions projectConfiguration() {
        FlinkOptions options = new FlinkOptions();
        options.flinkConf = Path.of("..", "flink-conf");
        return options;
    }

    private static Configuration configuration(StreamExecutionEnvironment env) {
        return (Configuration) env.getConfiguration();
    }
}

package io.stockflow.flink.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.junit.jupiter.api.Test;

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
}

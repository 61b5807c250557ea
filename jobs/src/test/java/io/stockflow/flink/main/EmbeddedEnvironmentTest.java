package io.stockflow.flink.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an embedded run gets from the launcher, live and bounded. */
class EmbeddedEnvironmentTest {
    @Test
    void aBoundedRunTakesNoCheckpointsWhatTheConfigurationSays() {
        var env = new FlinkOptions().embeddedEnvironment(true, Map.of("execution.checkpointing.interval", "1s"));

        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isFalse();
    }

    @Test
    void aLiveRunCheckpointsAtTheGivenInterval() {
        var env = new FlinkOptions().embeddedEnvironment(false, Map.of());

        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(2_000L);
    }
}

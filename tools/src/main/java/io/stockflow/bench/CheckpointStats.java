package io.stockflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.cluster.FlinkRest;

/** Checkpoint durations and state size of a running job, from Flink's REST API. */
final class CheckpointStats {
    final long completed;
    final double p50Millis;
    final double p99Millis;
    final long stateBytes;
    final long lastCheckpointedBytes;

    private CheckpointStats(JsonNode stats) {
        JsonNode summary = stats.path("summary");
        completed = stats.path("counts").path("completed").asLong();
        p50Millis = summary.path("end_to_end_duration").path("p50").asDouble();
        p99Millis = summary.path("end_to_end_duration").path("p99").asDouble();
        stateBytes = stats.path("latest").path("completed").path("state_size").asLong();
        lastCheckpointedBytes =
                stats.path("latest").path("completed").path("checkpointed_size").asLong();
    }

    static CheckpointStats fetch(FlinkRest rest, String jobId) throws Exception {
        return new CheckpointStats(rest.get("/jobs/" + jobId + "/checkpoints"));
    }
}

package io.stockflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.cluster.FlinkRest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The checkpoints taken while the latency probe ran, from Flink's REST API (its recent history): when each started,
 * relative to the probe's start, and how long it took, to set beside the probe's worst latency of each second.
 */
final class ProbeCheckpoints {
    record Taken(double atSeconds, long durationMillis) {}

    private ProbeCheckpoints() {}

    static List<Taken> fetch(FlinkRest rest, String jobId, long probeStartMillis, long probeEndMillis)
            throws Exception {
        List<Taken> taken = new ArrayList<>();
        for (JsonNode c : rest.get("/jobs/" + jobId + "/checkpoints").path("history")) {
            long triggered = c.path("trigger_timestamp").asLong();
            if (triggered < probeStartMillis || triggered > probeEndMillis) continue;
            taken.add(new Taken(
                    (triggered - probeStartMillis) / 1000.0,
                    c.path("end_to_end_duration").asLong()));
        }
        taken.sort(Comparator.comparingDouble(Taken::atSeconds));
        return taken;
    }

    static String describe(List<Taken> taken) {
        StringBuilder line = new StringBuilder();
        for (Taken t : taken) line.append(String.format(" %.1fs:%d", t.atSeconds(), t.durationMillis()));
        return line.toString();
    }
}

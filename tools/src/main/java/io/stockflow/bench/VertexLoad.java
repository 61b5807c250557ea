package io.stockflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.cluster.FlinkRest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a running job's time goes: per task (a chain of operators), the share of each second its subtasks spend busy,
 * back-pressured (waiting for buffers downstream) and idle (waiting for input), from Flink's REST API. A busy task
 * with idle ones after it is the bottleneck; back-pressure points downstream of itself.
 */
final class VertexLoad {
    private static final String METRICS = "busyTimeMsPerSecond,backPressuredTimeMsPerSecond,idleTimeMsPerSecond";

    /** One task's load, in milliseconds per second, the maximum over its subtasks. */
    record Task(String name, double busy, double backPressured, double idle) {}

    static List<Task> fetch(FlinkRest rest, String jobId) throws Exception {
        String base = "/jobs/" + jobId;
        List<Task> tasks = new ArrayList<>();
        for (JsonNode vertex : rest.get(base).path("vertices")) {
            JsonNode metrics = rest.get(base + "/vertices/" + vertex.path("id").asText()
                    + "/subtasks/metrics?agg=max&get=" + URLEncoder.encode(METRICS, StandardCharsets.UTF_8));
            double busy = Double.NaN, backPressured = Double.NaN, idle = Double.NaN;
            for (JsonNode m : metrics) {
                double max = m.path("max").asDouble(Double.NaN);
                switch (m.path("id").asText()) {
                    case "busyTimeMsPerSecond" -> busy = max;
                    case "backPressuredTimeMsPerSecond" -> backPressured = max;
                    case "idleTimeMsPerSecond" -> idle = max;
                    default -> {}
                }
            }
            tasks.add(new Task(vertex.path("name").asText(), busy, backPressured, idle));
        }
        return tasks;
    }

    /**
     * Whether the figures are known: Flink's metric fetcher fills them in task by task, so every task but the sources
     * (whose busy time Flink does not measure) must have its own.
     */
    static boolean known(List<Task> tasks) {
        return !tasks.isEmpty()
                && tasks.stream().filter(t -> !t.name().startsWith("Source:")).noneMatch(t -> Double.isNaN(t.busy()));
    }

    static void print(List<Task> tasks) {
        System.out.printf("  %6s %6s %6s  %s%n", "busy", "bp", "idle", "task (ms per second, max over subtasks)");
        for (Task t : tasks) {
            String name = BenchText.shorten(t.name(), 110);
            System.out.printf("  %6.0f %6.0f %6.0f  %s%n", t.busy(), t.backPressured(), t.idle(), name);
        }
    }
}

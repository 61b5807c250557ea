package io.stockflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.cluster.FlinkRest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each task's checkpoint time goes, from Flink's REST API: the synchronous part (the task stops processing
 * while it runs, so it is what an order waiting behind it feels), the asynchronous part, barrier alignment and the
 * delay before the barrier arrived. For each of the last completed checkpoints the maximum over a task's subtasks is
 * taken; the table shows the median and the worst of those.
 */
final class CheckpointPhases {
    private static final int CHECKPOINTS = 20;

    /** One task's phases over the checkpoints looked at, in milliseconds. */
    record Task(String name, double[] sync, double[] async, double[] alignment, double[] startDelay) {}

    static List<Task> fetch(FlinkRest rest, String jobId) throws Exception {
        String base = "/jobs/" + jobId;
        List<Long> completed = new ArrayList<>();
        for (JsonNode c : rest.get(base + "/checkpoints").path("history")) {
            if ("COMPLETED".equals(c.path("status").asText()) && completed.size() < CHECKPOINTS) {
                completed.add(c.path("id").asLong());
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (JsonNode vertex : rest.get(base).path("vertices")) {
            int n = completed.size();
            double[] sync = new double[n], async = new double[n], alignment = new double[n], startDelay = new double[n];
            for (int i = 0; i < n; i++) {
                JsonNode summary = rest.get(base + "/checkpoints/details/" + completed.get(i) + "/subtasks/"
                                + vertex.path("id").asText())
                        .path("summary");
                sync[i] = max(summary.path("checkpoint_duration").path("sync"));
                async[i] = max(summary.path("checkpoint_duration").path("async"));
                alignment[i] = max(summary.path("alignment").path("duration"));
                startDelay[i] = max(summary.path("start_delay"));
            }
            tasks.add(new Task(vertex.path("name").asText(), sync, async, alignment, startDelay));
        }
        return tasks;
    }

    static void print(List<Task> tasks) {
        if (tasks.isEmpty() || tasks.get(0).sync().length == 0) {
            System.out.println("  no completed checkpoint");
            return;
        }
        System.out.printf(
                "  %11s %11s %11s %11s  %s%n",
                "sync",
                "async",
                "alignment",
                "start delay",
                "task (ms, median / worst of the last " + tasks.get(0).sync().length + " checkpoints)");
        for (Task t : tasks) {
            String name = BenchText.shorten(t.name(), 80);
            System.out.printf(
                    "  %11s %11s %11s %11s  %s%n",
                    medianAndWorst(t.sync()),
                    medianAndWorst(t.async()),
                    medianAndWorst(t.alignment()),
                    medianAndWorst(t.startDelay()),
                    name);
        }
    }

    private static String medianAndWorst(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("%.0f / %.0f", sorted[(sorted.length - 1) / 2], sorted[sorted.length - 1]);
    }

    private static double max(JsonNode stat) {
        return stat.path("max").asDouble(Double.NaN);
    }
}

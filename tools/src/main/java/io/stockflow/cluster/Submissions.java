package io.stockflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@code submit} and {@code recover} started, one JSON line each: the cluster, the job's name and id, its program
 * arguments and what it was restored from. A JobManager without high availability forgets its jobs when it dies; this
 * log is how {@code recover} still knows which checkpoint folder belongs to which job, and with which options to start
 * it again. Arguments never hold secrets (those come from a properties file or the environment), so the log holds none.
 */
public final class Submissions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public Submissions(Path file) {
        this.file = file;
    }

    /** One submission. {@code restoredFrom} is null for a fresh start. */
    public record Entry(long time, String rest, String job, String jobId, List<String> args, String restoredFrom) {}

    public void append(Entry entry) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", entry.time());
        line.put("rest", entry.rest());
        line.put("job", entry.job());
        line.put("job_id", entry.jobId());
        line.set("args", JSON.valueToTree(entry.args()));
        if (entry.restoredFrom() != null) line.put("restored_from", entry.restoredFrom());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(
                file,
                JSON.writeValueAsString(line) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** The submissions of a job (by name) to a cluster (by REST address), newest first. */
    public List<Entry> of(String rest, String job) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) return entries;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException unreadable) {
                continue; // a line cut short by a crash while it was written
            }
            if (!rest.equals(n.path("rest").asText())
                    || !job.equals(n.path("job").asText())) continue;
            List<String> args = new ArrayList<>();
            n.path("args").forEach(a -> args.add(a.asText()));
            entries.add(new Entry(
                    n.path("time").asLong(),
                    n.path("rest").asText(),
                    n.path("job").asText(),
                    n.path("job_id").asText(),
                    args,
                    n.hasNonNull("restored_from") ? n.get("restored_from").asText() : null));
        }
        Collections.reverse(entries);
        return entries;
    }
}

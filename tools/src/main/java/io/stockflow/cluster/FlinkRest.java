package io.stockflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A client of a Flink cluster's REST API (any cluster, by its REST address): upload and run a jar, list jobs, stop a
 * job with a savepoint, cancel, read checkpoint counts. Errors carry the cluster's own message.
 */
public final class FlinkRest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The claim mode of every restore: with the state changelog on, a restore that does not claim its snapshot must
     * take a full first checkpoint, which the changelog cannot, and every checkpoint after it fails.
     */
    public static final String RESTORE_CLAIM_MODE = "CLAIM";

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param address {@code HOST:PORT} or a full {@code http(s)://} URL */
    public FlinkRest(String address) {
        String a = address.contains("://") ? address : "http://" + address;
        this.base = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
    }

    public String address() {
        return base;
    }

    /** One job as {@code GET /jobs/overview} lists it. */
    public record JobSummary(String id, String name, String state, long startTime, long durationMs) {}

    public JsonNode overview() throws IOException, InterruptedException {
        return get("/overview");
    }

    /** Uploads a jar; returns the id the cluster gave it. */
    public String uploadJar(Path jar) throws IOException, InterruptedException {
        String boundary = "stockflow-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
                        + "Content-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode response = send(HttpRequest.newBuilder(uri("/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        String file = response.path("filename").asText();
        if (file.isEmpty()) throw new IOException("the cluster did not accept the jar: " + response);
        return Path.of(file).getFileName().toString();
    }

    /** Runs an uploaded jar's main class with the arguments, from no state; returns the job id. */
    public String run(String jarId, String entryClass, List<String> args) throws IOException, InterruptedException {
        return run(jarId, entryClass, args, null, false);
    }

    /**
     * Runs an uploaded jar's main class with the arguments; returns the job id. A restore claims its snapshot (Flink's
     * CLAIM mode, whatever the cluster's {@code execution.state-recovery.claim-mode}): the job owns it and Flink
     * deletes it once newer checkpoints replace it ({@link ClaimedRestore} says what to give it).
     *
     * @param claimedPath restore from this snapshot, which the job may own, or null for a fresh start
     */
    public String run(
            String jarId, String entryClass, List<String> args, String claimedPath, boolean allowNonRestoredState)
            throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        request.put("entryClass", entryClass);
        request.set("programArgsList", JSON.valueToTree(args));
        if (claimedPath != null) {
            request.put("savepointPath", claimedPath);
            request.put("claimMode", RESTORE_CLAIM_MODE);
            request.put("allowNonRestoredState", allowNonRestoredState);
        }
        JsonNode response = post("/jars/" + jarId + "/run", request, Duration.ofMinutes(2));
        String jobId = response.path("jobid").asText();
        if (jobId.isEmpty()) throw new IOException("the cluster did not start the job: " + response);
        return jobId;
    }

    public void deleteJar(String jarId) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(uri("/jars/" + jarId)).DELETE());
    }

    public List<JobSummary> jobs() throws IOException, InterruptedException {
        List<JobSummary> jobs = new ArrayList<>();
        for (JsonNode j : get("/jobs/overview").path("jobs")) {
            jobs.add(new JobSummary(
                    j.path("jid").asText(),
                    j.path("name").asText(),
                    j.path("state").asText(),
                    j.path("start-time").asLong(),
                    j.path("duration").asLong()));
        }
        return jobs;
    }

    public String state(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** Completed checkpoints of a job (savepoints included). */
    public long completedCheckpoints(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId + "/checkpoints")
                .path("counts")
                .path("completed")
                .asLong();
    }

    /** How often the job restored its state from a checkpoint since it was submitted (that is: recovered). */
    public long restoredCheckpoints(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId + "/checkpoints")
                .path("counts")
                .path("restored")
                .asLong();
    }

    /**
     * The newest completed checkpoint or savepoint the JobManager remembers for a job (its checkpoint history), as the
     * path Flink restores from; empty when it remembers none or does not know the job (a JobManager without high
     * availability forgets the jobs of its predecessor).
     */
    public java.util.Optional<String> latestRetainedCheckpoint(String jobId) throws IOException, InterruptedException {
        JsonNode latest;
        try {
            latest = get("/jobs/" + jobId + "/checkpoints").path("latest");
        } catch (IOException unknownJob) {
            return java.util.Optional.empty();
        }
        JsonNode best = null;
        for (String kind : List.of("completed", "savepoint")) {
            JsonNode c = latest.path(kind);
            if (!c.hasNonNull("external_path")) continue;
            if (best == null
                    || c.path("latest_ack_timestamp").asLong()
                            > best.path("latest_ack_timestamp").asLong()) best = c;
        }
        return best == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(best.get("external_path").asText());
    }

    /** A setting of the cluster's configuration as its JobManager reports it ({@code GET /jobmanager/config}). */
    public java.util.Optional<String> configValue(String key) throws IOException, InterruptedException {
        for (JsonNode entry : get("/jobmanager/config")) {
            if (key.equals(entry.path("key").asText()))
                return java.util.Optional.of(entry.path("value").asText());
        }
        return java.util.Optional.empty();
    }

    /**
     * Stops a job with a savepoint (the sources stop, a last savepoint is taken, the sinks commit, the job finishes)
     * and waits for it; returns the savepoint's path.
     */
    public String stopWithSavepoint(String jobId, String targetDirectory, boolean drain, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        if (targetDirectory != null) request.put("targetDirectory", targetDirectory);
        request.put("drain", drain);
        String trigger = post("/jobs/" + jobId + "/stop", request, Duration.ofSeconds(30))
                .path("request-id")
                .asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode status = get("/jobs/" + jobId + "/savepoints/" + trigger);
            if ("COMPLETED".equals(status.path("status").path("id").asText())) {
                JsonNode operation = status.path("operation");
                if (operation.hasNonNull("location"))
                    return operation.get("location").asText();
                throw new IOException("the savepoint failed: "
                        + firstLine(operation
                                .path("failure-cause")
                                .path("stack-trace")
                                .asText(operation.toString())));
            }
            if (System.nanoTime() > deadline) throw new IOException("the savepoint took longer than " + timeout);
            Thread.sleep(250);
        }
    }

    public void cancel(String jobId) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(uri("/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    /** Any GET of the REST API, e.g. {@code /jobs/<id>/checkpoints}, as JSON. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .GET());
    }

    private JsonNode post(String path, JsonNode body, Duration timeout) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IOException(
                    "no Flink cluster answers at " + base
                            + " (start one with `./stockflow cluster start`, or give --rest HOST:PORT)",
                    e);
        }
        JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        if (response.statusCode() >= 300) {
            JsonNode errors = body.path("errors");
            String message = errors.isArray() && errors.size() > 0 ? cause(errors) : response.body();
            throw new IOException("Flink at " + base + " answered " + response.statusCode() + ": " + message);
        }
        return body;
    }

    /** Flink's REST errors carry whole stack traces; the last "Caused by" line says what went wrong. */
    private static String cause(JsonNode errors) {
        StringBuilder all = new StringBuilder();
        for (JsonNode e : errors) all.append(e.asText()).append('\n');
        String text = all.toString();
        String cause = firstLine(text);
        for (String line : text.split("\n")) {
            if (line.startsWith("Caused by: ")) cause = line.substring("Caused by: ".length());
        }
        return cause;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }
}

package io.stockflow.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the checkpoints and savepoints a job left on a file system: {@code <checkpoints dir>/<job id>/chk-N/} and
 * {@code <savepoints dir>/savepoint-<first 6 of the job id>-*}. Only a folder holding a non-empty {@code _metadata}
 * counts: Flink writes that file last, so a checkpoint cut short by a crash has none and is never offered.
 */
public final class RetainedCheckpoints {
    private static final String METADATA = "_metadata";

    private RetainedCheckpoints() {}

    /** A restorable checkpoint or savepoint: its folder and when its metadata was written. */
    public record Found(Path path, FileTime written, boolean savepoint) {
        /** The path as {@code submit --from-savepoint} takes it. */
        public String uri() {
            return path.toUri().toString();
        }
    }

    /** Whether a checkpoint or savepoint folder holds its metadata (written last, so it is complete). */
    public static boolean complete(Path folder) {
        Path metadata = folder.resolve(METADATA);
        try {
            return Files.isRegularFile(metadata) && Files.size(metadata) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The newest complete checkpoint or savepoint of the job under the two folders (either may be null). */
    public static Optional<Found> latest(Path checkpointsDir, Path savepointsDir, String jobId) throws IOException {
        Optional<Found> checkpoint = Optional.empty();
        if (checkpointsDir != null && Files.isDirectory(checkpointsDir.resolve(jobId))) {
            checkpoint = newest(checkpointsDir.resolve(jobId), "chk-", false);
        }
        Optional<Found> savepoint = Optional.empty();
        if (savepointsDir != null && Files.isDirectory(savepointsDir)) {
            savepoint =
                    newest(savepointsDir, "savepoint-" + jobId.substring(0, Math.min(6, jobId.length())) + "-", true);
        }
        return Stream.of(checkpoint, savepoint).flatMap(Optional::stream).max(Comparator.comparing(Found::written));
    }

    /** The job ids that have a folder of checkpoints under the checkpoints folder, newest activity first. */
    public static List<String> jobIds(Path checkpointsDir) throws IOException {
        if (checkpointsDir == null || !Files.isDirectory(checkpointsDir)) return List.of();
        try (Stream<Path> jobs = Files.list(checkpointsDir)) {
            return jobs.filter(p -> p.getFileName().toString().matches("[0-9a-f]{32}"))
                    .filter(p -> {
                        try {
                            return newest(p, "chk-", false).isPresent();
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .sorted(Comparator.comparing(RetainedCheckpoints::modified).reversed())
                    .map(p -> p.getFileName().toString())
                    .toList();
        }
    }

    /** A local folder from a Flink path ({@code file:/...} or a plain path); empty for other file systems. */
    public static Optional<Path> localFolder(String flinkPath) {
        if (flinkPath == null || flinkPath.isBlank()) return Optional.empty();
        if (flinkPath.startsWith("file:"))
            return Optional.of(Path.of(URI.create(flinkPath.replaceFirst("^file:/+", "file:///"))));
        if (flinkPath.contains("://")) return Optional.empty();
        return Optional.of(Path.of(flinkPath));
    }

    private static Optional<Found> newest(Path dir, String prefix, boolean savepoint) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(RetainedCheckpoints::complete)
                    .map(p -> new Found(p, modified(p.resolve(METADATA)), savepoint))
                    // A job's checkpoints by number (the order Flink completed them), savepoints by time.
                    .max(Comparator.comparing((Found f) -> checkpointNumber(f.path()))
                            .thenComparing(Found::written));
        }
    }

    private static long checkpointNumber(Path folder) {
        String name = folder.getFileName().toString();
        return name.matches("chk-\\d+") ? Long.parseLong(name.substring(4)) : -1;
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}

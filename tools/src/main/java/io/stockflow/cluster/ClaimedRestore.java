package io.stockflow.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a restore claims. Every restore runs in Flink's CLAIM mode: with the state changelog on, a NO_CLAIM restore
 * would have to take a full first checkpoint, which the changelog cannot, and every checkpoint after it would fail.
 * A claimed snapshot is the new job's own, and Flink deletes it once newer checkpoints replace it. So a savepoint (the
 * operator's way back) is never claimed itself: the restore claims a copy of it, made beside it as
 * {@code claimed-<UTC time>-<savepoint folder>}, and the savepoint stays whole. A retained checkpoint ({@code chk-N})
 * is already a job's own, and it is not relocatable (an incremental checkpoint points at files of earlier ones by
 * their absolute paths): it is claimed where it is.
 */
public final class ClaimedRestore {
    /** The start of a copy's folder name: a savepoint folder never starts so, and {@code recover} never offers one. */
    public static final String COPY_PREFIX = "claimed-";

    private static final String METADATA = "_metadata";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ClaimedRestore() {}

    /**
     * The path a restore from {@code given} claims: a copy of a savepoint (unless {@code inPlace}), a retained
     * checkpoint itself.
     *
     * @param given   a savepoint or retained checkpoint folder, or its {@code _metadata} file, as a path or URI
     * @param inPlace claim {@code given} itself (a copy the operator made, or one on a file system this machine
     *                cannot reach)
     * @throws IOException when a savepoint is not on a file system this machine can copy, or the copy fails
     */
    public static String claimed(String given, boolean inPlace, Instant now) throws IOException {
        if (inPlace) return given;
        Optional<Path> local = RetainedCheckpoints.localFolder(given);
        if (local.isEmpty()) {
            throw new IOException("the restore claims what it restores (Flink deletes it once newer checkpoints"
                    + " replace it), so it restores a copy of a savepoint; " + given + " is not on a file system this"
                    + " machine can copy: copy the savepoint folder yourself and restore the copy with"
                    + " --claim-in-place");
        }
        Path folder = local.get().getFileName() != null
                        && local.get().getFileName().toString().equals(METADATA)
                ? local.get().getParent()
                : local.get();
        if (isRetainedCheckpoint(folder)) return given;
        if (!RetainedCheckpoints.complete(folder)) {
            throw new IOException("no savepoint at " + folder + " (a folder with a non-empty " + METADATA + ")");
        }
        return copy(folder, now).toUri().toString();
    }

    /** Whether the folder is a retained checkpoint ({@code chk-N}, which a job wrote for itself). */
    public static boolean isRetainedCheckpoint(Path folder) {
        return folder.getFileName() != null && folder.getFileName().toString().matches("chk-\\d+");
    }

    /**
     * Copies the savepoint folder beside it; its {@code _metadata} last, so that a copy cut short has none and is
     * never restored. Savepoints are self-contained and relocatable: their metadata names their files relative to the
     * folder, in Flink's canonical and native formats alike.
     */
    static Path copy(Path savepoint, Instant now) throws IOException {
        Path copy = savepoint.resolveSibling(COPY_PREFIX + STAMP.format(now) + "-" + savepoint.getFileName());
        if (Files.exists(copy)) throw new IOException(copy + " exists already");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(savepoint)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        Path metadata = savepoint.resolve(METADATA);
        Files.createDirectories(copy);
        for (Path file : files) {
            if (file.equals(metadata)) continue;
            Path target = copy.resolve(savepoint.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
        Files.copy(metadata, copy.resolve(METADATA));
        return copy;
    }
}

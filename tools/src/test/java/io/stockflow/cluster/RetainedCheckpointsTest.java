package io.stockflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetainedCheckpointsTest {
    private static final String JOB = "0123456789abcdef0123456789abcdef";
    private static final String OTHER = "fedcba9876543210fedcba9876543210";

    @Test
    void theNewestCheckpointWithItsMetadataIsChosenAndOneCutShortIsNot(@TempDir Path dir) throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        checkpoint(checkpoints, JOB, "chk-9", 1_000);
        checkpoint(checkpoints, JOB, "chk-10", 2_000);
        Files.createDirectories(checkpoints.resolve(JOB).resolve("chk-11")); // the crash came before its _metadata
        Files.createDirectories(checkpoints.resolve(JOB).resolve("shared"));
        Path empty = Files.createDirectories(checkpoints.resolve(JOB).resolve("chk-12"));
        Files.createFile(empty.resolve("_metadata")); // nothing written yet

        assertThat(RetainedCheckpoints.latest(checkpoints, null, JOB))
                .get()
                .extracting(RetainedCheckpoints.Found::path)
                .isEqualTo(checkpoints.resolve(JOB).resolve("chk-10"));
        assertThat(RetainedCheckpoints.latest(checkpoints, null, OTHER)).isEmpty();
    }

    @Test
    void aSavepointOfTheJobTakenAfterItsLastCheckpointWins(@TempDir Path dir) throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        Path savepoints = dir.resolve("savepoints");
        checkpoint(checkpoints, JOB, "chk-4", 1_000);
        Path savepoint = savepoints.resolve("savepoint-" + JOB.substring(0, 6) + "-a1b2c3d4e5f6");
        Files.createDirectories(savepoint);
        Files.writeString(savepoint.resolve("_metadata"), "metadata");
        Files.setLastModifiedTime(savepoint.resolve("_metadata"), FileTime.fromMillis(5_000));

        RetainedCheckpoints.Found found =
                RetainedCheckpoints.latest(checkpoints, savepoints, JOB).orElseThrow();

        assertThat(found.path()).isEqualTo(savepoint);
        assertThat(found.savepoint()).isTrue();
        assertThat(found.uri()).startsWith("file:/");
    }

    @Test
    void theRunsThatLeftCheckpointsAreListedNewestFirst(@TempDir Path checkpoints) throws Exception {
        checkpoint(checkpoints, JOB, "chk-1", 1_000);
        checkpoint(checkpoints, OTHER, "chk-1", 2_000);
        Files.setLastModifiedTime(checkpoints.resolve(JOB), FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(checkpoints.resolve(OTHER), FileTime.fromMillis(2_000));
        Files.createDirectories(checkpoints.resolve("not-a-job"));

        assertThat(RetainedCheckpoints.jobIds(checkpoints)).isEqualTo(List.of(OTHER, JOB));
    }

    @Test
    void flinkPathsOnTheLocalFileSystemAreFolders() {
        assertThat(RetainedCheckpoints.localFolder("file:/var/lib/flink/checkpoints"))
                .contains(Path.of("/var/lib/flink/checkpoints"));
        assertThat(RetainedCheckpoints.localFolder("file:///var/lib/flink/checkpoints"))
                .contains(Path.of("/var/lib/flink/checkpoints"));
        assertThat(RetainedCheckpoints.localFolder("/var/lib/flink")).contains(Path.of("/var/lib/flink"));
        assertThat(RetainedCheckpoints.localFolder("s3://bucket/checkpoints")).isEmpty();
    }

    private static void checkpoint(Path checkpoints, String job, String name, long writtenAt) throws Exception {
        Path chk = Files.createDirectories(checkpoints.resolve(job).resolve(name));
        Files.writeString(chk.resolve("_metadata"), "metadata");
        Files.setLastModifiedTime(chk.resolve("_metadata"), FileTime.fromMillis(writtenAt));
    }
}

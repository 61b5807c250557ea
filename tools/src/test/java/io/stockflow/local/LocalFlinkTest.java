package io.stockflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFlinkTest {
    @Test
    void theProjectsClusterBindsToLoopbackAndKeepsItsFilesUnderItsHome(@TempDir Path project) throws Exception {
        java.nio.file.Files.createDirectories(project.resolve("flink-conf"));
        java.nio.file.Files.copy(Path.of("..", "flink-conf", "config.yaml"), project.resolve("flink-conf/config.yaml"));

        LocalFlink flink = LocalFlink.forProject(project);
        Configuration c = flink.config();

        assertThat(c.getString("jobmanager.bind-host", null)).isEqualTo("127.0.0.1");
        assertThat(c.getString("taskmanager.bind-host", null)).isEqualTo("127.0.0.1");
        assertThat(c.getString("rest.bind-address", null)).isEqualTo("127.0.0.1");
        assertThat(c.getString("metrics.reporter.prom.host", null)).isEqualTo("127.0.0.1");
        assertThat(flink.restAddress()).isEqualTo("127.0.0.1:8081");
        Path home = project.resolve(".stockflow").resolve("flink").toAbsolutePath();
        assertThat(c.getString("state.checkpoints.dir", null))
                .isEqualTo(home.resolve("checkpoints").toUri().toString());
        assertThat(c.getString("state.savepoints.dir", null))
                .isEqualTo(home.resolve("savepoints").toUri().toString());
        assertThat(c.getString("web.upload.dir", null)).startsWith(home.toString());
        assertThat(c.getString("state.backend.type", null)).isEqualTo("rocksdb");
        assertThat(flink.metricsPort(LocalFlink.Role.JOBMANAGER)).isEqualTo(9249);
        assertThat(flink.metricsPort(LocalFlink.Role.TASKMANAGER)).isEqualTo(9250);
    }

    @Test
    void settingsGivenByTheCallerWinOverTheDefaultFolders(@TempDir Path home) {
        Configuration given = new Configuration();
        given.setString("state.checkpoints.dir", "s3://bucket/checkpoints");

        LocalFlink flink = new LocalFlink(home, home.resolve("lib"), given);

        assertThat(flink.config().getString("state.checkpoints.dir", null)).isEqualTo("s3://bucket/checkpoints");
    }

    @Test
    void highAvailabilityIsKeptInTheHomeUntilTurnedOffAndTakesZooKeepersDataWithIt(@TempDir Path home)
            throws Exception {
        LocalFlink plain = new LocalFlink(home, home.resolve("lib"), new Configuration());
        assertThat(plain.highAvailability()).isEmpty();
        assertThat(plain.config().containsKey("high-availability.type")).isFalse();

        LocalFlink on = plain.withHighAvailability(2181);
        LocalFlink again = new LocalFlink(home, home.resolve("lib"), new Configuration());
        assertThat(again.highAvailability()).contains(new LocalHighAvailability(2181, "stockflow"));
        Configuration c = again.config();
        assertThat(c.getString("high-availability.type", null)).isEqualTo("zookeeper");
        assertThat(c.getString("high-availability.zookeeper.quorum", null)).isEqualTo("127.0.0.1:2181");
        assertThat(c.getString("high-availability.storageDir", null))
                .isEqualTo(home.toAbsolutePath().resolve("ha").toUri().toString());
        assertThat(c.getString("high-availability.cluster-id", null)).isEqualTo("stockflow");
        assertThat(on.withHighAvailability(3000).highAvailability())
                .as("a cluster that has it keeps its port")
                .contains(new LocalHighAvailability(2181, "stockflow"));

        java.nio.file.Files.createDirectories(home.resolve("zookeeper").resolve("version-2"));
        java.nio.file.Files.createDirectories(home.resolve("ha").resolve("stockflow"));
        java.nio.file.Files.createDirectories(home.resolve("checkpoints").resolve("job"));
        LocalFlink off = again.withoutHighAvailability();
        assertThat(off.highAvailability()).isEmpty();
        assertThat(off.config().containsKey("high-availability.type")).isFalse();
        assertThat(new LocalFlink(home, home.resolve("lib"), new Configuration()).highAvailability())
                .isEmpty();
        assertThat(home.resolve("zookeeper")).doesNotExist();
        assertThat(home.resolve("ha")).doesNotExist();
        assertThat(home.resolve("checkpoints").resolve("job"))
                .as("kept for `recover`")
                .isDirectory();
    }

    @Test
    void aTaskManagerOfThisClusterThatIsNotTheRecordedOneIsAnOrphanAndIsStopped(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("cluster");
        LocalFlink flink = new LocalFlink(home, home.resolve("lib"), new Configuration());
        // Processes whose command lines read as TaskManagers of this cluster and of another one.
        Process recorded = taskManagerLike(home.resolve("conf"));
        Process orphan = taskManagerLike(home.resolve("conf"));
        Process otherClusters = taskManagerLike(dir.resolve("other").resolve("conf"));
        try {
            java.nio.file.Files.createDirectories(home);
            java.nio.file.Files.writeString(home.resolve("taskmanager.pid"), Long.toString(recorded.pid()));

            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(flink.orphanedTaskManagers())
                            .extracting(ProcessHandle::pid)
                            .containsExactly(orphan.pid()));
            assertThat(flink.stopOrphans()).containsExactly(orphan.pid());

            assertThat(orphan.isAlive()).isFalse();
            assertThat(recorded.isAlive()).isTrue();
            assertThat(otherClusters.isAlive()).isTrue();
            assertThat(flink.orphanedTaskManagers()).isEmpty();
        } finally {
            for (Process p : java.util.List.of(recorded, orphan, otherClusters)) p.destroyForcibly();
        }
    }

    private static Process taskManagerLike(Path confDir) throws java.io.IOException {
        // "; true" keeps the shell (with these arguments) as the process, instead of it becoming sleep.
        return new ProcessBuilder(
                        "sh",
                        "-c",
                        "sleep 60; true",
                        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                        "--configDir",
                        confDir.toString())
                .start();
    }
}

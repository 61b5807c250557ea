package io.stockflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimedRestoreTest {
    private static final Instant NOW = Instant.parse("2026-12-07T05:30:00Z");

    @Test
    void aSavepointIsRestoredFromACopyBesideItAndStaysAsItIs(@TempDir Path dir) throws Exception {
        Path savepoint = savepoint(dir.resolve("savepoint-1a2b3c-0123456789ab"));

        String claimed = ClaimedRestore.claimed(savepoint.toUri().toString(), false, NOW);

        Path copy = RetainedCheckpoints.localFolder(claimed).orElseThrow();
        assertThat(copy.getParent()).isEqualTo(dir);
        assertThat(copy.getFileName().toString()).isEqualTo("claimed-20261207T053000Z-savepoint-1a2b3c-0123456789ab");
        assertThat(Files.readString(copy.resolve("_metadata"))).isEqualTo("metadata");
        assertThat(Files.readString(copy.resolve("op-1").resolve("state"))).isEqualTo("state bytes");
        assertThat(Files.readString(savepoint.resolve("_metadata"))).isEqualTo("metadata");
        assertThat(Files.readString(savepoint.resolve("op-1").resolve("state"))).isEqualTo("state bytes");
    }

    @Test
    void theCopyIsNeverOfferedByRecoverAsTheSavepointOfItsRun(@TempDir Path dir) throws Exception {
        String run = "1a2b3c00000000000000000000000000";
        Path savepoint = savepoint(dir.resolve("savepoint-1a2b3c-0123456789ab"));
        Files.setLastModifiedTime(
                savepoint.resolve("_metadata"), java.nio.file.attribute.FileTime.from(NOW.minusSeconds(60)));

        ClaimedRestore.claimed(savepoint.toString(), false, NOW);

        assertThat(RetainedCheckpoints.latest(null, dir, run).orElseThrow().path())
                .isEqualTo(savepoint);
    }

    @Test
    void theMetadataFileNamesItsFolder(@TempDir Path dir) throws Exception {
        Path savepoint = savepoint(dir.resolve("savepoint-1a2b3c-0123456789ab"));

        String claimed = ClaimedRestore.claimed(savepoint.resolve("_metadata").toString(), false, NOW);

        assertThat(RetainedCheckpoints.localFolder(claimed)
                        .orElseThrow()
                        .getFileName()
                        .toString())
                .startsWith(ClaimedRestore.COPY_PREFIX);
    }

    @Test
    void aRetainedCheckpointIsClaimedWhereItIs(@TempDir Path dir) throws Exception {
        Path checkpoint =
                savepoint(dir.resolve("0123456789abcdef0123456789abcdef").resolve("chk-7"));

        assertThat(ClaimedRestore.claimed(checkpoint.toUri().toString(), false, NOW))
                .isEqualTo(checkpoint.toUri().toString());
        try (var files = Files.list(checkpoint.getParent())) {
            assertThat(files).containsExactly(checkpoint);
        }
    }

    @Test
    void aSavepointThisMachineCannotCopyIsRefusedUnlessClaimedInPlace(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ClaimedRestore.claimed("s3://bucket/savepoint-1a2b3c-0123", false, NOW))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("--claim-in-place");
        assertThat(ClaimedRestore.claimed("s3://bucket/savepoint-1a2b3c-0123", true, NOW))
                .isEqualTo("s3://bucket/savepoint-1a2b3c-0123");
        assertThatThrownBy(() -> ClaimedRestore.claimed(dir.resolve("nothing").toString(), false, NOW))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no savepoint");
    }

    @Test
    void aRestoreAsksTheClusterToClaimItsSnapshotAndAFreshStartAsksNothing() throws Exception {
        AtomicReference<String> body = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jars/j1/run", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"jobid\":\"job-1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            FlinkRest flink = new FlinkRest("127.0.0.1:" + server.getAddress().getPort());

            assertThat(flink.run("j1", "Main", List.of("inventory"), "file:/sp/claimed-x", false))
                    .isEqualTo("job-1");
            JsonNode restore = new ObjectMapper().readTree(body.get());
            assertThat(restore.path("savepointPath").asText()).isEqualTo("file:/sp/claimed-x");
            assertThat(restore.path("claimMode").asText()).isEqualTo("CLAIM");

            flink.run("j1", "Main", List.of("inventory"));
            JsonNode fresh = new ObjectMapper().readTree(body.get());
            assertThat(fresh.has("savepointPath")).isFalse();
            assertThat(fresh.has("claimMode")).isFalse();
        } finally {
            server.stop(0);
        }
    }

    private static Path savepoint(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("op-1"));
        Files.writeString(folder.resolve("op-1").resolve("state"), "state bytes");
        Files.writeString(folder.resolve("_metadata"), "metadata");
        return folder;
    }
}

package io.stockflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionsTest {
    @Test
    void aJobsSubmissionsToOneClusterAreReadNewestFirstWithTheirArguments(@TempDir Path dir) throws Exception {
        Submissions log = new Submissions(dir.resolve("state").resolve("submissions.jsonl"));
        List<String> args = List.of("inventory", "--bootstrap", "k:9092");
        log.append(new Submissions.Entry(1, "http://a:8081", "inventory", "j1", args, null));
        log.append(new Submissions.Entry(2, "http://b:8081", "inventory", "j2", args, null));
        log.append(new Submissions.Entry(3, "http://a:8081", "lifecycle", "j3", List.of("lifecycle"), null));
        log.append(new Submissions.Entry(4, "http://a:8081", "inventory", "j4", args, "file:/cp/j1/chk-7"));
        // A line cut short by a crash is skipped, not fatal.
        Files.writeString(
                dir.resolve("state").resolve("submissions.jsonl"), "{\"time\":5,\"re", StandardOpenOption.APPEND);

        List<Submissions.Entry> entries = log.of("http://a:8081", "inventory");

        assertThat(entries).extracting(Submissions.Entry::jobId).containsExactly("j4", "j1");
        assertThat(entries.get(0).args()).isEqualTo(args);
        assertThat(entries.get(0).restoredFrom()).isEqualTo("file:/cp/j1/chk-7");
        assertThat(entries.get(1).restoredFrom()).isNull();
        assertThat(new Submissions(dir.resolve("none.jsonl")).of("http://a:8081", "inventory"))
                .isEmpty();
    }
}

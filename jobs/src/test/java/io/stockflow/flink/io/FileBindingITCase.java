package io.stockflow.flink.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.testing.Fixtures;
import io.stockflow.testing.TestFlink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file binding of bounded runs: topic {@code T} is read from {@code <input>/T.jsonl} and written as JSON-Lines
 * files under {@code <output>/T/}, each record as it came, one a line.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FileBindingITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    @Test
    void recordsGoFromTheirTopicsFileToTheOutputTopicsFolderWithoutBlankLines(@TempDir Path input, @TempDir Path output)
            throws Exception {
        Files.writeString(input.resolve("orders.raw.jsonl"), "{\"id\":1}\n\n   \n{\"id\":2}\n{\"id\":3}\n");
        Files.writeString(input.resolve("other.topic.jsonl"), "{\"not\":\"read\"}\n");
        FileBinding binding = new FileBinding(input, output);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(TestFlink.jobConfiguration(0));
        env.setParallelism(2);

        binding.sink(
                "orders.copy",
                binding.source(env, "orders.raw")
                        .map(r -> new OutRecord(null, r.text()))
                        .name("copy")
                        .uid("copy"));
        env.execute("file binding round trip");

        assertThat(binding.bounded()).isTrue();
        assertThat(Fixtures.outputLines(output.resolve("orders.copy")))
                .containsExactlyInAnyOrder("{\"id\":1}", "{\"id\":2}", "{\"id\":3}");
        assertThat(output.resolve("orders.copy")).isDirectoryContaining("glob:**/part*.jsonl");
    }

    @Test
    void aTopicWithoutAFileHasNoRecordsAndTheRunStillEnds(@TempDir Path input, @TempDir Path output) throws Exception {
        Files.writeString(input.resolve("orders.raw.jsonl"), "{\"id\":1}\n");
        FileBinding binding = new FileBinding(input, output);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(TestFlink.jobConfiguration(0));
        env.setParallelism(2);

        binding.sink(
                "movements.copy",
                binding.source(env, "inventory.movements")
                        .map(r -> new OutRecord(null, r.text()))
                        .name("copy")
                        .uid("copy"));
        env.execute("file binding without input");

        assertThat(Fixtures.outputLines(output.resolve("movements.copy"))).isEqualTo(List.of());
    }
}

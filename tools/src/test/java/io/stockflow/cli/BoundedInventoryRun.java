package io.stockflow.cli;

import io.stockflow.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code stockflow run inventory --input DIR --output DIR} as users run it: with the project's Flink configuration
 * (RocksDB state and its serializers) and parallelism 2.
 */
final class BoundedInventoryRun {
    static final Path FLINK_CONF = Path.of("..", "flink-conf").toAbsolutePath();

    private BoundedInventoryRun() {}

    /** One run over the topic files in {@code input}, its outputs in {@code out}: the launcher's exit code. */
    static int run(Path input, Path out, Path state) {
        return Stockflow.execute(
                "run",
                "inventory",
                "--input",
                input.toString(),
                "--output",
                out.toString(),
                "--state-dir",
                state.toString(),
                "--parallelism",
                "2",
                "--flink-conf",
                FLINK_CONF.toString());
    }

    /** An output topic's records, sorted: two runs compared whatever order their tasks wrote in. */
    static List<String> sortedOutput(Path out, String topic) {
        return Fixtures.outputLines(out.resolve(topic)).stream().sorted().toList();
    }
}

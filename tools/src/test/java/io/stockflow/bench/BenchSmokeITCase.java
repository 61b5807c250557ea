package io.stockflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.cli.Stockflow;
import io.stockflow.testing.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark is a program, not a timed test: this small run only checks that it runs and prints its table. */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class BenchSmokeITCase {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @Test
    void runsTheHotPathAndTheReplayAndPrintsTheirFiguresWithTheIoMatchedRatioLast(
            @TempDir Path state, @TempDir Path replay) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Stockflow.execute(
                    "bench",
                    "--sections",
                    "HOT_PATH,REPLAY",
                    "--replay-orders",
                    "2000",
                    "--replay-work",
                    replay.toString(),
                    "--bootstrap",
                    KAFKA.bootstrap(),
                    "--orders",
                    "3000",
                    "--positions",
                    "400",
                    "--latency-for",
                    "2s",
                    "--state-dir",
                    state.toString());
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        System.out.print(out);

        assertThat(exit).isZero();
        // The hot path runs with the bench's rule set, each output as the default configuration sends it.
        assertThat(out).contains("rule set bench-1 in force");
        assertThat(out)
                .containsPattern("delivery: passthrough exactly-once; hot path exactly-once: orders.canonical, "
                        + "inventory.availability, orders.allocations, .*; at-least-once: routing.capacity\n");
        for (String row : List.of(
                "records in/s",
                "records out/s",
                "CPU of Flink's JVM",
                "checkpoint duration p50 / p99 ms",
                "state size (last checkpoint)",
                "order -> availability at")) {
            assertThat(out).contains(row);
        }
        // The probe's worst latency of each of its 2 seconds, to set beside the checkpoints taken meanwhile.
        assertThat(out).containsPattern("worst of each second of the probe, ms:( \\d+){2}\n");
        assertThat(out).contains("checkpoints during the probe");
        // Decisions are exactly-once: visible to a read_committed reader at a checkpoint.
        assertThat(out)
                .containsPattern("order -> decision visible read_committed \\(orders.allocations, exactly-once\\): "
                        + "p50 \\d+\\.\\d ms, p99 \\d+\\.\\d ms \\(\\d+ decisions\\)");
        assertThat(out).containsPattern("state scaling: 400 positions, checkpoint p99 (\\d+|n/a) ms");
        // The replay: every job over 2,000 generated orders, bounded, the rule set in force.
        assertThat(out).contains("stockflow bench, replay: run all, bounded, over 2000 orders");
        assertThat(out).containsPattern("replay: \\d+ orders/s, wall time \\d+\\.\\d s");
        assertThat(replay).isEmptyDirectory();
        // Per task, the synchronous and asynchronous parts of its checkpoints (a short run may complete none).
        assertThat(out).contains("checkpoints of the hot path, per task:");
        assertThat(out).containsPattern("(\\d+ / \\d+ +){4} stock ledger|no completed checkpoint");
        // CPU by thread, from half way to the end: in so short a run that is about a second or less, in which the
        // ledger may not run at all; which threads show is for real runs (ThreadCpuTest checks the grouping).
        assertThat(out)
                .containsPattern(
                        "CPU by thread through the hot path.*\\n(    +\\d\\.\\d\\d  \\S|    \\(the second half of the run was too short)");
        List<String> lines = out.strip().lines().toList();
        assertThat(out)
                .containsPattern(
                        "hot path / passthrough \\(records in\\) = \\d+\\.\\d\\d \\(\\d+ orders/s vs \\d+ records/s\\)");
        assertThat(lines.get(lines.size() - 1))
                .matches("hot path / passthrough \\(records in\\+out\\) = \\d+\\.\\d\\d \\(\\d+ vs \\d+ records/s\\)");
    }
}

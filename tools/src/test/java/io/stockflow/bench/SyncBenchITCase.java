package io.stockflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.cli.Stockflow;
import io.stockflow.testing.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync section is a program, not a timed test: this short run checks that it runs the jobs against the simulator,
 * sees sell-outs reach the channels and prints its table. The system properties {@code sync.bench.duration} and
 * {@code sync.bench.rate} lengthen it into a measuring run on a machine without the local broker.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class SyncBenchITCase {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @Test
    void runsTheJobsAgainstTheSimulatorAndPrintsTheExposurePerChannel(@TempDir Path state) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Stockflow.execute(
                    "bench",
                    "--sections",
                    "SYNC",
                    "--bootstrap",
                    KAFKA.bootstrap(),
                    "--sync-rate",
                    System.getProperty("sync.bench.rate", "20"),
                    "--sync-duration",
                    System.getProperty("sync.bench.duration", "85s"),
                    "--sync-warm-up",
                    System.getProperty("sync.bench.warm-up", "35s"),
                    "--state-dir",
                    state.toString());
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        System.out.print(out);

        assertThat(exit).isZero();
        assertThat(out).containsPattern("stockflow bench, sync: generated at \\d+ orders/s, \\d+ s measured");
        // Each clock the section measures from: the order's arrival, the ledger's 0, the order's event time.
        assertThat(out).containsPattern("arrival -> listed 0, p99 ms +(\\d+|n/a)( +(\\d+|n/a)){3}\n");
        assertThat(out).containsPattern("availability 0 -> listed 0, p99 ms +(\\d+|n/a)( +(\\d+|n/a)){3}\n");
        assertThat(out).containsPattern("order -> listed 0, p99 ms +(\\d+|n/a)( +(\\d+|n/a)){3}\n");
        assertThat(out).containsPattern("\\d+ of them with their order's arrival found on orders.canonical");
        // Every channel is called: the first pushes of the opening stock at least.
        assertThat(out).containsPattern("API calls per 1,000 orders( +\\d+\\.\\d){4}\n");
        assertThat(out).containsPattern("\\d+ sell-outs");
        assertThat(out).containsPattern("of which the ledger: arrival -> .* p50 (\\d+|n/a) ms, p99 (\\d+|n/a) ms");
        assertThat(out).containsPattern("of which the ledger: order -> .* p50 (\\d+|n/a) ms, p99 (\\d+|n/a) ms");
        assertThat(out).containsPattern("availability changes per 1,000 orders: \\d+\\.\\d per SKU network-wide");
        assertThat(out).containsPattern("eBay revisions per listing in \\d+ s: max \\d+");
        assertThat(out).containsPattern("at the busiest listing's rate here its 250 last (the whole day|\\d+\\.\\d h)");
        // The bench's shop sells out from about 40 s in: the 50 s measured hold tens of sell-outs, and the channels
        // list them as 0 (a measured exposure).
        assertThat(out).containsPattern("sell-outs measured +[1-9]\\d*");
    }
}

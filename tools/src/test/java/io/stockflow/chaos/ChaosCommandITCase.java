package io.stockflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.cli.Stockflow;
import io.stockflow.flink.main.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * The fault suite's short version, as users run it: `stockflow chaos` with a small history (its initial stock a
 * physical COUNT, more counts mid-stream) and two TaskManager kills (SIGKILL, the supervisor starts another) on its own
 * broker and standalone cluster (free ports, its own folder). The live job's read_committed outputs hold every record
 * the bounded run wrote, none twice, and every position ends as the bounded run's.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ChaosCommandITCase {
    @Test
    void twoTaskManagerKillsLoseNothingDuplicateNothingAndEndInTheBoundedLedger() {
        Path dir = Path.of("target", "chaos-it").toAbsolutePath();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Stockflow.commandLine();
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));

        int exit = cli.execute(
                "chaos",
                "--taskmanager-kills",
                "2",
                "--no-broker-restart",
                "--no-jobmanager-kill",
                "--hours",
                "3",
                "--orders-per-hour",
                "200",
                "--checkpoint-interval",
                "500ms",
                "--dir",
                dir.toString(),
                "--project",
                Path.of("..").toAbsolutePath().normalize().toString(),
                "--jar",
                Path.of("..", "jobs", "target", Version.jobJar()).toString());

        System.out.print(out);
        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains(
                        "records lost: 0",
                        "records duplicated: 0",
                        "positions that differ: 0",
                        "TaskManager kill 1",
                        "TaskManager kill 2");
    }
}

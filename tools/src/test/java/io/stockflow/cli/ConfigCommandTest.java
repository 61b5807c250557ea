package io.stockflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.job.ConfigurationReference;
import io.stockflow.flink.job.SettingFlag;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.flink.main.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The launcher's view of the job settings: config, the flags of every command that takes run's options, --version. */
class ConfigCommandTest {
    @Test
    void configShowsEachSettingsValueAndWhereItComesFrom(@TempDir Path conf) throws IOException {
        Files.writeString(
                conf.resolve("config.yaml"), "stockflow.time.idleness: 2m\nstockflow.ledger.safety-stock: 1\n");

        String out = execute(
                "config",
                "--flink-conf",
                conf.toString(),
                "--safety-stock",
                "4",
                "-Dstockflow.time.out-of-orderness=30s");

        assertThat(out.lines())
                .anySatisfy(l -> assertThat(l).matches("stockflow\\.time\\.idleness +2m +\\(Flink configuration\\)"))
                .anySatisfy(l -> assertThat(l).matches("stockflow\\.ledger\\.safety-stock +4 +\\(flag\\)"))
                .anySatisfy(l -> assertThat(l).matches("stockflow\\.time\\.out-of-orderness +30s +\\(-D argument\\)"))
                .anySatisfy(l -> assertThat(l).matches("stockflow\\.ledger\\.low-stock-threshold +5 +\\(default\\)"));
        assertThat(out.lines()).hasSize(StockflowOptions.ALL.size());
    }

    @Test
    void configMarkdownPrintsTheReference() {
        assertThat(execute("config", "--markdown")).isEqualTo(ConfigurationReference.markdown());
    }

    @Test
    void everyCommandThatTakesRunsOptionsHasEverySettingsFlag() {
        CommandLine launcher = Stockflow.commandLine();
        for (String command : List.of("run", "demo", "evaluate", "config")) {
            for (SettingFlag<?> flag : StockflowOptions.ALL) {
                assertThat(launcher.getSubcommands()
                                .get(command)
                                .getCommandSpec()
                                .findOption(flag.name))
                        .as(command + " " + flag.name)
                        .isNotNull();
            }
        }
    }

    @Test
    void theLauncherPrintsTheBuildsVersion() {
        assertThat(execute("--version").strip()).isEqualTo("stockflow " + Version.get());
    }

    private static String execute(String... args) {
        StringWriter out = new StringWriter();
        CommandLine launcher = Stockflow.commandLine();
        launcher.setOut(new PrintWriter(out, true));
        assertThat(launcher.execute(args)).isZero();
        return out.toString();
    }
}

package io.stockflow.cli;

import io.stockflow.backtest.BacktestCommand;
import io.stockflow.flink.main.RunCommand;
import io.stockflow.flink.main.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The launcher: {@code ./stockflow COMMAND}. Also the job jar's main class, so a cluster runs jobs by name. */
@Command(
        name = "stockflow",
        mixinStandardHelpOptions = true,
        versionProvider = Version.Provider.class,
        description = "Real-time order operations for online stores, on Apache Flink.",
        subcommands = {
            RunCommand.class,
            BacktestCommand.class,
            KafkaCommand.class,
            io.stockflow.demo.DemoCommand.class,
            ClusterCommand.class,
            SubmitCommand.class,
            RecoverCommand.class,
            JobsCommand.class,
            StopCommand.class,
            TailCommand.class,
            ServeCommand.class,
            io.stockflow.bench.BenchCommand.class,
            GenerateCommand.class,
            EvaluateCommand.class,
            AlertVolumeCommand.class,
            ConfigCommand.class,
            NotifyCommand.class,
            AlertmanagerCommand.class,
            ChaosCommand.class
        })
public final class Stockflow {
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The launcher's command line, to run commands in-process (tests capture its out and err writers). */
    public static CommandLine commandLine() {
        return new CommandLine(new Stockflow())
                .setUsageHelpAutoWidth(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // Operational failures (cluster or broker unreachable, a refused savepoint) as one line;
                    // the stack trace only with -Dstockflow.debug=true.
                    if (Boolean.getBoolean("stockflow.debug")
                            || !(e instanceof java.io.IOException
                                    || e instanceof IllegalStateException
                                    || e instanceof IllegalArgumentException)) {
                        throw e;
                    }
                    cmd.getErr().println("stockflow " + cmd.getCommandName() + ": " + e.getMessage());
                    return 1;
                });
    }
}

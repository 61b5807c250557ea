package io.stockflow.cli;

import io.stockflow.cluster.FlinkRest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "jobs",
        mixinStandardHelpOptions = true,
        header = "Lists the jobs of a Flink cluster.",
        description = "Lists the jobs of a Flink cluster: id, state, name, when started and for how long.")
public final class JobsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--rest",
            paramLabel = "HOST:PORT",
            description = "The cluster's REST address (default: ${DEFAULT-VALUE}).")
    String rest = "127.0.0.1:8081";

    @Option(names = "--all", description = "Also finished, cancelled and failed jobs.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        var jobs = new FlinkRest(rest)
                .jobs().stream()
                        .filter(j -> all || !RunningJobs.TERMINAL.contains(j.state()))
                        .toList();
        if (jobs.isEmpty()) {
            out().println(all ? "no jobs" : "no running jobs (--all lists finished ones too)");
            return 0;
        }
        out().printf("%-32s  %-11s  %-24s  %-20s  %s%n", "ID", "STATE", "NAME", "STARTED", "FOR");
        for (var j : jobs) {
            out().printf(
                            "%-32s  %-11s  %-24s  %-20s  %s%n",
                            j.id(),
                            j.state(),
                            j.name(),
                            Instant.ofEpochMilli(j.startTime()).truncatedTo(ChronoUnit.SECONDS),
                            human(Duration.ofMillis(Math.max(0, j.durationMs()))));
        }
        return 0;
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 60) return s + "s";
        if (s < 3600) return s / 60 + "m" + s % 60 + "s";
        return s / 3600 + "h" + (s % 3600) / 60 + "m";
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

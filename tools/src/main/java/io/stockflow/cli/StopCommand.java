package io.stockflow.cli;

import io.stockflow.cluster.FlinkRest;
import io.stockflow.flink.job.DurationConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        header = "Stops a job on a Flink cluster with a savepoint (or cancels it).",
        description = {
            "Stops a job on a Flink cluster with a savepoint, for an upgrade: the sources stop, a last "
                    + "savepoint is taken, the exactly-once sinks commit, the job finishes. Prints the savepoint's path;",
            "start the new version with `stockflow submit JOB --from-savepoint PATH` (the job restores a copy of it; the"
                    + " savepoint stays, the way back)."
        })
public final class StopCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JOB", description = "A job name (inventory, all) or a job id from `stockflow jobs`.")
    String job;

    @Option(
            names = "--savepoint",
            paramLabel = "DIR",
            description = "Folder (or URI) for the savepoint; default: the cluster's state.savepoints.dir.")
    String savepointDir;

    @Option(
            names = "--drain",
            description =
                    "Advance event time to the end first, firing every timer (only for a job that will not be resumed).")
    boolean drain;

    @Option(
            names = "--cancel",
            description = "Cancel instead: no savepoint (a later start resumes from committed offsets only).")
    boolean cancel;

    @Option(
            names = "--rest",
            paramLabel = "HOST:PORT",
            description = "The cluster's REST address (default: ${DEFAULT-VALUE}).")
    String rest = "127.0.0.1:8081";

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long to wait for the savepoint (default: 5m).")
    Duration timeout = Duration.ofMinutes(5);

    @Override
    public Integer call() throws Exception {
        FlinkRest flink = new FlinkRest(rest);
        List<FlinkRest.JobSummary> matches = RunningJobs.matching(flink.jobs(), job);
        if (matches.size() != 1) {
            err().println(
                            matches.isEmpty()
                                    ? "no running job '" + job + "' on " + flink.address()
                                    : "several running jobs match '" + job
                                            + "': give the job id (see `stockflow jobs`)");
            return 2;
        }
        if (cancel) {
            flink.cancel(matches.get(0).id());
            out().println("Cancelled job " + matches.get(0).id() + " ("
                    + matches.get(0).name() + ")");
            return 0;
        }
        String target = savepointDir == null
                ? null
                : savepointDir.contains("://")
                        ? savepointDir
                        : Path.of(savepointDir).toAbsolutePath().toUri().toString();
        String path = flink.stopWithSavepoint(matches.get(0).id(), target, drain, timeout);
        out().println("Stopped job " + matches.get(0).id() + " ("
                + matches.get(0).name() + ") with savepoint:");
        out().println(path);
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

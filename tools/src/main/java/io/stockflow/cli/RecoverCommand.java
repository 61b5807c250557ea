package io.stockflow.cli;

import io.stockflow.cluster.FlinkRest;
import io.stockflow.cluster.RetainedCheckpoints;
import io.stockflow.cluster.Submissions;
import io.stockflow.flink.graph.Jobs;
import io.stockflow.flink.main.Home;
import io.stockflow.flink.main.RunCommand;
import io.stockflow.flink.main.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(
        name = "recover",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Starts a job again from its latest retained checkpoint (after a JobManager died, or the job failed).",
        description = {
            "Starts a job again from the latest checkpoint (or savepoint) its last run left: from the cluster's "
                    + "checkpoint history when the JobManager still knows the run, else from the cluster's checkpoint folder",
            "(state.checkpoints.dir/<job id>/chk-N, only those with a _metadata). Prints which one it used. The job "
                    + "runs with the options of its last `submit` unless others follow JOB (as `stockflow run` takes them).",
            "Example: ./stockflow recover inventory"
        })
public final class RecoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOB", description = "inventory, lifecycle, anomalies, sync or all.")
    String job;

    @Option(
            names = "--rest",
            paramLabel = "HOST:PORT",
            description = "The cluster's REST address (default: ${DEFAULT-VALUE}).")
    String rest = "127.0.0.1:8081";

    @Option(
            names = "--job-id",
            paramLabel = "ID",
            description = "Resume from the checkpoints of this run (default: the job's last run that left one).")
    String jobId;

    @Option(
            names = "--checkpoints",
            paramLabel = "DIR",
            description = "The cluster's checkpoint folder (default: its state.checkpoints.dir, from its REST API).")
    Path checkpoints;

    @Option(
            names = "--savepoints",
            paramLabel = "DIR",
            description = "The cluster's savepoint folder (default: its state.savepoints.dir, from its REST API).")
    Path savepoints;

    @Option(names = "--jar", paramLabel = "FILE", description = "The job jar (default: ${DEFAULT-VALUE}).")
    Path jar = Home.path().resolve("jobs").resolve("target").resolve(Version.jobJar());

    @Option(
            names = "--allow-non-restored-state",
            description = "Start even if the checkpoint holds state of an operator the job no longer has.")
    boolean allowNonRestoredState;

    @Option(
            names = "--cluster-kafka-settings",
            description = "The JobManager has its own Kafka settings: this shell's STOCKFLOW_KAFKA_* are not sent.")
    boolean clusterKafkaSettings;

    /** This shell's environment (the STOCKFLOW_KAFKA_* variables that go to the job, as with submit). */
    Map<String, String> environment = System.getenv();

    @Option(names = "--submissions", hidden = true, paramLabel = "FILE")
    Path submissions = SubmitCommand.defaultSubmissions();

    @Unmatched
    List<String> jobArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Jobs.resolve(job);
        if (!Files.isRegularFile(jar)) {
            err().println("job jar " + jar + " not found: build it with `mvn -DskipTests package`");
            return 2;
        }
        FlinkRest flink = new FlinkRest(rest);
        List<FlinkRest.JobSummary> clusterJobs = flink.jobs();
        List<FlinkRest.JobSummary> running = RunningJobs.matching(clusterJobs, job);
        if (!running.isEmpty()) {
            err().println("the cluster at " + flink.address() + " runs '"
                    + running.get(0).name() + "' as job "
                    + running.get(0).id() + " (" + running.get(0).state()
                    + "): nothing to recover (a job that restarts resumes from its checkpoints by itself)");
            return 2;
        }
        Submissions log = new Submissions(submissions);
        List<Submissions.Entry> submitted = log.of(flink.address(), job);
        Path checkpointsDir = folder(checkpoints, flink, "state.checkpoints.dir");
        Path savepointsDir = folder(savepoints, flink, "state.savepoints.dir");

        List<String> candidates = candidates(clusterJobs, submitted, checkpointsDir);
        if (candidates.isEmpty()) {
            List<String> found = RetainedCheckpoints.jobIds(checkpointsDir);
            err().println("no run of '" + job + "' is known to this launcher or the cluster"
                    + (found.isEmpty()
                            ? ", and " + checkpointsDir + " holds no checkpoints"
                            : "; checkpoints of these runs are in " + checkpointsDir + ": " + found
                                    + " (give the one to resume with --job-id)"));
            return 2;
        }
        Optional<String> restoreFrom = Optional.empty();
        String from = null;
        for (String id : candidates) {
            restoreFrom = fromHistory(flink, id).or(() -> fromFolders(checkpointsDir, savepointsDir, id));
            if (restoreFrom.isPresent()) {
                from = id;
                break;
            }
        }
        if (restoreFrom.isEmpty()) {
            err().println("no retained checkpoint (a chk-N folder with a _metadata) of " + candidates + " in "
                    + checkpointsDir + " or the cluster's checkpoint history: start it anew with `stockflow submit "
                    + job + "` (it resumes from the offsets its sinks committed)");
            return 2;
        }
        String runFrom = from;
        List<String> programArgs = jobArgs.isEmpty()
                ? submitted.stream()
                        .filter(e -> e.jobId().equals(runFrom))
                        .findFirst()
                        .or(() -> submitted.stream().findFirst())
                        .map(Submissions.Entry::args)
                        .orElse(SubmitCommand.programArgs(job, List.of()))
                : SubmitCommand.programArgs(job, jobArgs);
        new CommandLine(new RunCommand()).parseArgs(programArgs.toArray(new String[0]));

        out().println("Latest retained checkpoint of " + job + " (run " + from + "): " + restoreFrom.get()
                + age(restoreFrom.get()));
        // The run's own checkpoint is claimed where it is; a savepoint (its last stop) through a copy.
        String claimed = SubmitCommand.claimed(restoreFrom.get(), false, out());
        String newJob = SubmitCommand.submit(
                flink, jar, job, programArgs, claimed, allowNonRestoredState, log, environment, clusterKafkaSettings);
        out().println("Recovered " + job + " as job " + newJob + " on " + flink.address() + " with "
                + String.join(" ", programArgs.subList(1, programArgs.size())));
        out().println(newJob);
        return 0;
    }

    /**
     * The runs of the job whose checkpoints may resume it, newest first: those the cluster lists (over, under the job's
     * name) and those this launcher submitted; with neither, the only run that left checkpoints in the folder.
     */
    List<String> candidates(
            List<FlinkRest.JobSummary> clusterJobs, List<Submissions.Entry> submitted, Path checkpointsDir)
            throws java.io.IOException {
        if (jobId != null) return List.of(jobId);
        Map<String, Long> started = new LinkedHashMap<>();
        for (FlinkRest.JobSummary j : clusterJobs) {
            if (j.name().equals("stockflow " + job)) started.merge(j.id(), j.startTime(), Math::max);
        }
        for (Submissions.Entry e : submitted) started.merge(e.jobId(), e.time(), Math::max);
        if (started.isEmpty()) {
            List<String> found = RetainedCheckpoints.jobIds(checkpointsDir);
            return found.size() == 1 ? found : List.of();
        }
        return started.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The newest checkpoint in the JobManager's history of the run, if it is there and complete. */
    private static Optional<String> fromHistory(FlinkRest flink, String id) {
        try {
            return flink.latestRetainedCheckpoint(id)
                    .filter(path -> RetainedCheckpoints.localFolder(path)
                            .map(RetainedCheckpoints::complete)
                            .orElse(true));
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<String> fromFolders(Path checkpointsDir, Path savepointsDir, String id) {
        try {
            return RetainedCheckpoints.latest(checkpointsDir, savepointsDir, id).map(RetainedCheckpoints.Found::uri);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static Path folder(Path given, FlinkRest flink, String key) throws Exception {
        if (given != null) return given.toAbsolutePath();
        return flink.configValue(key).flatMap(RetainedCheckpoints::localFolder).orElse(null);
    }

    private static String age(String path) {
        Optional<Path> folder = RetainedCheckpoints.localFolder(path);
        if (folder.isEmpty()) return "";
        try {
            Instant written =
                    Files.getLastModifiedTime(folder.get().resolve("_metadata")).toInstant();
            return " (written " + written + ", "
                    + Duration.between(written, Instant.now()).toSeconds() + " s ago)";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

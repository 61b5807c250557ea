package io.stockflow.cli;

import io.stockflow.cluster.ClaimedRestore;
import io.stockflow.cluster.FlinkRest;
import io.stockflow.cluster.Submissions;
import io.stockflow.cluster.SubmittedKafkaSettings;
import io.stockflow.flink.graph.Jobs;
import io.stockflow.flink.main.Home;
import io.stockflow.flink.main.JobMain;
import io.stockflow.flink.main.RunCommand;
import io.stockflow.flink.main.Version;
import io.stockflow.local.LocalKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Submits a job to a running Flink cluster (optionally from a savepoint).",
        description = {
            "Submits a job to a running Flink cluster (this machine's, or any other by its REST address):",
            "uploads the job jar and runs `JOB [job options]` there, as `stockflow run` takes them. The cluster's configuration decides state "
                    + "backend, checkpoint storage and restarts; every option of `stockflow run` can follow (see run --help).",
            "Example: ./stockflow submit inventory --bootstrap 127.0.0.1:19092 --from-savepoint /path/savepoint-1a2b"
        })
public final class SubmitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The class a cluster runs: it never calls System.exit in the JobManager. */
    static final String ENTRY_CLASS = JobMain.class.getName();

    @Parameters(index = "0", paramLabel = "JOB", description = "inventory, or all (every job in one graph).")
    String job;

    @Option(
            names = "--rest",
            paramLabel = "HOST:PORT",
            description = "The cluster's REST address (default: ${DEFAULT-VALUE}).")
    String rest = "127.0.0.1:8081";

    @Option(names = "--jar", paramLabel = "FILE", description = "The job jar (default: ${DEFAULT-VALUE}).")
    Path jar = Home.path().resolve("jobs").resolve("target").resolve(Version.jobJar());

    @Option(
            names = "--from-savepoint",
            paramLabel = "PATH",
            description =
                    "Restore the job's state from this savepoint (or retained checkpoint), e.g. after `stockflow stop --savepoint`.")
    String fromSavepoint;

    @Option(
            names = "--claim-in-place",
            description = {
                "Let the job own the savepoint itself rather than a copy: Flink deletes it once newer checkpoints"
                        + " replace it. For a copy made by hand, or a savepoint on a file system this machine cannot"
                        + " reach. Without it, the job restores a copy made beside the savepoint"
                        + " (claimed-<UTC time>-<savepoint folder>), and the savepoint stays whole; a retained"
                        + " checkpoint (chk-N) is a job's own and is claimed where it is."
            })
    boolean claimInPlace;

    @Option(
            names = "--allow-non-restored-state",
            description =
                    "Start even if the savepoint holds state of an operator the job no longer has (it is dropped).")
    boolean allowNonRestoredState;

    @Option(
            names = "--allow-duplicate",
            description = "Start the job even when the cluster already runs one of the same name (two copies of a job"
                    + " write the same outputs twice).")
    boolean allowDuplicate;

    @Option(
            names = "--cluster-kafka-settings",
            description = {
                "The JobManager has its own Kafka settings (its environment, or a properties file on its machine):",
                "STOCKFLOW_KAFKA_* variables of this shell are neither sent nor a reason to refuse a remote cluster."
            })
    boolean clusterKafkaSettings;

    /** This shell's environment (the STOCKFLOW_KAFKA_* variables that go to the job). */
    Map<String, String> environment = System.getenv();

    @Option(
            names = "--submissions",
            hidden = true,
            paramLabel = "FILE",
            description = "The log of submissions that `recover` reads (default: .stockflow/submissions.jsonl).")
    Path submissions = defaultSubmissions();

    @Unmatched
    List<String> jobArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Jobs.resolve(job);
        List<String> programArgs = programArgs(job, jobArgs);
        // Refuse a typo here rather than as a stack trace from the JobManager.
        CommandLine check = new CommandLine(new RunCommand());
        check.parseArgs(programArgs.toArray(new String[0]));

        if (!Files.isRegularFile(jar)) {
            err().println("job jar " + jar + " not found: build it with `mvn -DskipTests package`");
            return 2;
        }
        FlinkRest flink = new FlinkRest(rest);
        List<FlinkRest.JobSummary> running = RunningJobs.matching(flink.jobs(), job);
        if (!running.isEmpty() && !allowDuplicate) {
            err().println("the cluster at " + flink.address() + " already runs '"
                    + running.get(0).name() + "' as job "
                    + running.get(0).id() + " (" + running.get(0).state() + "): stop it first (`stockflow stop " + job
                    + " --savepoint DIR`, then submit with --from-savepoint), or pass --allow-duplicate");
            return 2;
        }
        String restoreFrom = fromSavepoint == null ? null : claimed(fromSavepoint, claimInPlace, out());
        String jobId = submit(
                flink,
                jar,
                job,
                programArgs,
                restoreFrom,
                allowNonRestoredState,
                new Submissions(submissions),
                environment,
                clusterKafkaSettings);
        out().println("Submitted " + job + " as job " + jobId + " to " + flink.address()
                + (restoreFrom != null ? ", restored from " + restoreFrom : ""));
        out().println(jobId);
        return 0;
    }

    /**
     * Uploads the jar, runs the job with this shell's Kafka settings ({@link SubmittedKafkaSettings}) from
     * {@code fromSavepoint}, which it claims ({@link #claimed} says what to give), removes the jar and logs the
     * submission (the arguments as given, never the settings) for `recover`; returns the job id.
     */
    static String submit(
            FlinkRest flink,
            Path jar,
            String job,
            List<String> programArgs,
            String fromSavepoint,
            boolean allowNonRestoredState,
            Submissions log,
            Map<String, String> environment,
            boolean clusterKafkaSettings)
            throws java.io.IOException, InterruptedException {
        try (SubmittedKafkaSettings kafka = SubmittedKafkaSettings.prepare(
                programArgs,
                environment,
                flink.address(),
                Path.of(System.getProperty("java.io.tmpdir")),
                clusterKafkaSettings)) {
            String jarId = flink.uploadJar(jar);
            try {
                String jobId = flink.run(jarId, ENTRY_CLASS, kafka.args(), fromSavepoint, allowNonRestoredState);
                log.append(new Submissions.Entry(
                        System.currentTimeMillis(), flink.address(), job, jobId, programArgs, fromSavepoint));
                return jobId;
            } finally {
                flink.deleteJar(jarId);
            }
        }
    }

    /**
     * What a restore from {@code from} claims ({@link ClaimedRestore}): a copy of a savepoint, said on {@code out}, or
     * a retained checkpoint itself.
     */
    static String claimed(String from, boolean inPlace, java.io.PrintWriter out) throws java.io.IOException {
        String claimed = ClaimedRestore.claimed(from, inPlace, java.time.Instant.now());
        if (!claimed.equals(from)) {
            out.println("The job claims (owns, and deletes once newer checkpoints replace it) a copy of " + from
                    + ", which stays as it is: " + claimed);
        }
        return claimed;
    }

    static Path defaultSubmissions() {
        return Home.path().resolve(".stockflow").resolve("submissions.jsonl");
    }

    /** {@code JOB ...}: what the job jar's entry point runs; live on the local broker unless told where. */
    static List<String> programArgs(String job, List<String> jobArgs) {
        List<String> args = new ArrayList<>(List.of(job));
        args.addAll(jobArgs);
        if (!jobArgs.contains("--bootstrap") && !jobArgs.contains("--input")) {
            args.add("--bootstrap");
            args.add(LocalKafka.BOOTSTRAP);
        }
        return args;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

package io.stockflow.flink.main;

import io.stockflow.flink.job.DurationConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How a job runs on Flink. From the launcher: an embedded MiniCluster configured by {@code flink-conf/config.yaml}.
 * Submitted to a cluster ({@code stockflow submit}, {@code flink run}): the cluster's configuration decides state
 * backend, checkpoint storage, restarts and parallelism; the job adds only job-level settings.
 */
public class FlinkOptions {
    /** The command this mixin belongs to: tells which options were given (on a cluster only those apply). */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--flink-conf",
            paramLabel = "DIR",
            description = "Folder with Flink's config.yaml for embedded runs (default: the project's flink-conf/).")
    public Path flinkConf;

    @Option(
            names = {"-p", "--parallelism"},
            paramLabel = "N",
            description =
                    "Parallelism (default: ${DEFAULT-VALUE} embedded; the cluster's parallelism.default on a cluster).")
    public int parallelism = 2;

    /** The embedded runs' checkpoint interval, as {@code --help} shows it. */
    static final String EMBEDDED_CHECKPOINT_INTERVAL = "2s";

    /** How long an embedded bounded run waits for a heartbeat between its JobManager and TaskManager. */
    static final Duration EMBEDDED_BOUNDED_HEARTBEAT_TIMEOUT = Duration.ofMinutes(10);

    @Option(
            names = "--checkpoint-interval",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Checkpoint interval; exactly-once outputs become visible at each checkpoint " + "(default: "
                    + EMBEDDED_CHECKPOINT_INTERVAL
                    + " embedded; the cluster's setting on a cluster; embedded bounded runs take none).")
    public Duration checkpointInterval = new DurationConverter().convert(EMBEDDED_CHECKPOINT_INTERVAL);

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description =
                    "Where embedded runs keep checkpoints (default: .stockflow/checkpoints in the project; a cluster uses its own).")
    public Path stateDir = Home.path().resolve(".stockflow").resolve("checkpoints");

    @Option(
            names = "--web-port",
            paramLabel = "PORT",
            description =
                    "Port of the embedded Flink web UI for live runs; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    public int webPort = 8081;

    /** The execution environment: embedded when run from the launcher, the cluster's when submitted to one. */
    public StreamExecutionEnvironment environment(boolean bounded) {
        return environment(bounded, Map.of());
    }

    /**
     * The execution environment with more configuration keys laid over the run's: the demo's {@code channels.*} keys
     * point the sync job at the simulator it starts.
     */
    public StreamExecutionEnvironment environment(boolean bounded, Map<String, String> extra) {
        return onCluster() ? clusterEnvironment(extra) : embeddedEnvironment(bounded, extra);
    }

    /**
     * True when a Flink client runs this program for a cluster (REST jar run, {@code flink run}, tests' MiniCluster):
     * then the environment Flink provides is not a local one.
     */
    static boolean onCluster() {
        return !(StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment);
    }

    StreamExecutionEnvironment clusterEnvironment(Map<String, String> extra) {
        Configuration job = jobSettings();
        extra.forEach(job::setString);
        if (given("--parallelism")) job.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        if (given("--checkpoint-interval")) job.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        return StreamExecutionEnvironment.getExecutionEnvironment(job);
    }

    StreamExecutionEnvironment embeddedEnvironment(boolean bounded, Map<String, String> extra) {
        Configuration conf = embeddedConfiguration(flinkConf);
        conf.addAll(jobSettings());
        extra.forEach(conf::setString);
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        conf.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                stateDir.toAbsolutePath().toUri().toString());
        if (!conf.contains(FsStateChangelogOptions.BASE_PATH)) {
            conf.set(
                    FsStateChangelogOptions.BASE_PATH,
                    stateDir.resolve("changelog").toAbsolutePath().toUri().toString());
        }
        // A restore with the state changelog on must claim its snapshot (a NO_CLAIM restore's checkpoints all fail),
        // also when the configuration folder is a user's without the key.
        if (!conf.contains(StateRecoveryOptions.RESTORE_MODE)) {
            conf.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
        }
        conf.set(RestOptions.PORT, bounded ? 0 : webPort);
        if (bounded) {
            conf.removeConfig(org.apache.flink.configuration.MetricOptions.REPORTERS_LIST);
            // A replay that fails fails with its error; restarting would only replay the same failure.
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
            // Nothing restores a replay's checkpoints, and its sorters hold the whole input until it ends: each
            // checkpoint would copy that growing state. The file outputs are committed at the end of the input.
            conf.removeConfig(CheckpointingOptions.CHECKPOINTING_INTERVAL);
            // The JobManager and the TaskManager share this JVM: a missed heartbeat means a starved machine, not a lost
            // TaskManager, and a replay has no restart to recover with. On a busy machine a replay's threads can wait
            // longer than the configured 20 s for a core, and the replay would fail whole.
            conf.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, EMBEDDED_BOUNDED_HEARTBEAT_TIMEOUT);
            // Without checkpoints the changelog would only be written and never read.
            conf.set(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, false);
            // Debloating keeps checkpoint barriers from waiting behind in-flight data; with no checkpoints it would
            // only shrink the buffers of a run that wants throughput.
            conf.set(TaskManagerOptions.BUFFER_DEBLOAT_ENABLED, false);
        }
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }

    /**
     * What embedded runs start from: {@code config.yaml} of the folder ({@code --flink-conf}), or of the project's
     * {@code flink-conf/} when null; empty when there is none.
     */
    public static Configuration embeddedConfiguration(Path flinkConf) {
        Path confDir = flinkConf != null ? flinkConf : Home.path().resolve("flink-conf");
        if (!Files.isRegularFile(confDir.resolve(GlobalConfiguration.FLINK_CONF_FILENAME))) return new Configuration();
        return GlobalConfiguration.loadConfiguration(confDir.toAbsolutePath().toString());
    }

    /** Whether the option was given on the command line (not just left at its default). */
    public boolean given(String option) {
        if (command == null
                || command.commandLine() == null
                || command.commandLine().getParseResult() == null) {
            return false;
        }
        return command.commandLine().getParseResult().hasMatchedOption(option);
    }

    /**
     * Kryo fallback off and explicit uids everywhere: a slow or unevolvable type or a missing uid fails at start.
     * Checkpoints aligned, whatever the cluster's or config.yaml's default: unaligned ones stop the jobs for good under
     * load (Flink aligns every task fed over a forward or broadcast exchange, and the jobs have such tasks downstream of
     * ones that would pass barriers on early; docs/performance.md).
     */
    public static Configuration jobSettings() {
        Configuration job = new Configuration();
        job.set(PipelineOptions.GENERIC_TYPES, false);
        job.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        job.set(CheckpointingOptions.ENABLE_UNALIGNED, false);
        return job;
    }
}

package io.stockflow.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Option;

/** How a job runs on Flink: the embedded MiniCluster's configuration, or job options on a cluster. */
public class FlinkOptions {
    @Option(names = "--flink-conf", paramLabel = "DIR",
            description = "Folder with Flink's config.yaml for embedded runs (default: the project's flink-conf/).")
    public Path flinkConf;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "N", description = "Parallelism (default: ${DEFAULT-VALUE}).")
    public int parallelism = 2;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Checkpoint interval; exactly-once outputs become visible at each checkpoint (default: 2s).")
    public Duration checkpointInterval = Duration.ofSeconds(2);

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where embedded runs keep checkpoints (default: .stockflow/checkpoints in the project).")
    public Path stateDir = Home.path().resolve(".stockflow").resolve("checkpoints");

    @Option(names = "--web-port", paramLabel = "PORT",
            description = "Port of the embedded Flink web UI for live runs; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    public int webPort = 8081;

    /** The execution environment: embedded when run from the launcher, the cluster's when submitted to one. */
    public StreamExecutionEnvironment environment(boolean bounded) {
        Configuration conf = new Configuration();
        Path confDir = flinkConf != null ? flinkConf : Home.path().resolve("flink-conf");
        if (Files.isRegularFile(confDir.resolve(GlobalConfiguration.FLINK_CONF_FILENAME))) {
            conf = GlobalConfiguration.loadConfiguration(confDir.toAbsolutePath().toString());
        }
        // Kryo fallback off and explicit uids everywhere: a slow or unevolvable type or a missing uid fails at start.
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, stateDir.toAbsolutePath().toUri().toString());
        conf.set(RestOptions.PORT, bounded ? 0 : webPort);
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }
}

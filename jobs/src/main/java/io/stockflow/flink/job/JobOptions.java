package io.stockflow.flink.job;

import io.stockflow.flink.time.ReplayHorizon;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What a run of the jobs is told: the job settings given on its command line (a flag per setting of
 * {@link StockflowOptions}, added by {@link SettingFlags}; {@code -Dkey=value}) or by code ({@link #set}), laid over
 * the run's Flink configuration ({@link #settings()}), and the run's own facts (bounded or live, its horizon).
 */
@Command(modelTransformer = SettingFlags.class)
public class JobOptions {
    /** Set by the launcher for bounded runs over files, not an option. */
    public boolean replay;
    /** Set by the launcher for bounded runs: {@code --until}, else the largest event time of the input. */
    public ReplayHorizon horizon = ReplayHorizon.LIVE;

    /** Set by {@link io.stockflow.flink.graph.JobGraph} for each job: inputs an earlier job of the same graph reads (and dead-letters). */
    public Set<String> inputsReadBefore = new HashSet<>();

    /**
     * Set by tests and the demo only: the environment the sync job reads channel credentials from (a JVM cannot set
     * its own, and the demo's simulator lives in the launcher's JVM).
     * Null, as in every run of the launcher: each task's process environment.
     */
    public Map<String, String> channelEnvironment;

    @Option(
            names = "--until",
            paramLabel = "INSTANT",
            description = "Bounded runs: no timer later than this instant fires; without it, the largest event time "
                    + "in the input.")
    public Instant until;

    @Option(
            names = "-D",
            paramLabel = "KEY=VALUE",
            converter = SettingFlags.KeyValue.class,
            description = "A job setting by its key, e.g. -Dstockflow.time.idleness=2m (repeatable).")
    List<String> keyed = new ArrayList<>();

    /** Values of the settings' flags given (or set by code), by option. */
    private final Map<ConfigOption<?>, Object> given = new LinkedHashMap<>();

    /** The Flink configuration of the run: set by {@link io.stockflow.flink.graph.JobGraph} from the environment. */
    private ReadableConfig flinkConfiguration = new Configuration();

    /** Sets a setting as its flag would. */
    public <T> JobOptions set(ConfigOption<T> option, T value) {
        given.put(option, value);
        return this;
    }

    void given(ConfigOption<?> option, Object value) {
        given.put(option, value);
    }

    Object given(ConfigOption<?> option) {
        return given.get(option);
    }

    /** The Flink configuration the settings are laid over: the run's, with its {@code stockflow.*} keys. */
    public JobOptions flinkConfiguration(ReadableConfig configuration) {
        this.flinkConfiguration = configuration;
        return this;
    }

    /** The run's Flink configuration: where the {@code channels.*} keys of the channel clients are read. */
    public ReadableConfig flinkConfiguration() {
        return flinkConfiguration;
    }

    /**
     * The job settings of this run, each from the last layer that has it: default, Flink configuration,
     * {@code -D} argument, flag. IllegalArgumentException for an unknown {@code stockflow.*} key or a value that
     * does not read.
     */
    public LayeredSettings settings() {
        return LayeredSettings.of(flinkConfiguration, keyed, given);
    }
}

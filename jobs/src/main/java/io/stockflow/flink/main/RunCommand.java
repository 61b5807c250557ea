package io.stockflow.flink.main;

import io.stockflow.flink.graph.JobGraph;
import io.stockflow.flink.graph.Jobs;
import io.stockflow.flink.io.FileBinding;
import io.stockflow.flink.io.InputEventTimes;
import io.stockflow.flink.io.KafkaBinding;
import io.stockflow.flink.io.KafkaSettings;
import io.stockflow.flink.io.TopicBinding;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.time.ReplayHorizon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = Version.Provider.class,
        sortOptions = false,
        header = "Runs a job: bounded over files, or live on Kafka (here; on a cluster through submit).",
        description = {
            "Runs a job (or all of them in one graph): bounded over JSON-Lines files, or live on Kafka.",
            "Bounded: --input DIR holds <topic>.jsonl per input topic; --output DIR gets <topic>/ per output topic.",
            "The run ends when the input is consumed, and applies each key's events in event-time order."
        })
public final class RunCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOB", description = "inventory, lifecycle, or all (every job in one graph).")
    String job;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    static final class Where {
        @ArgGroup(exclusive = false)
        Files files;

        @ArgGroup(exclusive = false)
        Kafka kafka;
    }

    static final class Files {
        @Option(
                names = "--input",
                required = true,
                paramLabel = "DIR",
                description = "Folder of <topic>.jsonl input files.")
        Path input;

        @Option(
                names = "--output",
                required = true,
                paramLabel = "DIR",
                description = "Folder that receives <topic>/ output folders.")
        Path output;
    }

    static final class Kafka {
        @Option(
                names = "--bootstrap",
                required = true,
                paramLabel = "HOST:PORT",
                description = "Kafka bootstrap servers.")
        String bootstrap;

        @Option(
                names = "--topic",
                paramLabel = "NAME=ACTUAL",
                description = "Use another Kafka topic for a contract topic, e.g. --topic orders.raw=shop1.orders.")
        Map<String, String> topics = new LinkedHashMap<>();

        @Option(
                names = "--kafka-properties",
                paramLabel = "FILE",
                description = {
                    "Kafka client properties (security: SASL_SSL, SCRAM, mTLS); never printed.",
                    "STOCKFLOW_KAFKA_* environment variables add more (STOCKFLOW_KAFKA_SASL_JAAS_CONFIG is "
                            + "sasl.jaas.config) and win over the file."
                })
        Path properties;

        @Option(
                names = "--at-least-once",
                paramLabel = "TOPIC",
                split = ",",
                description = "Outputs sent at-least-once for lower latency (safe for inventory.availability).")
        List<String> atLeastOnce = new ArrayList<>();
    }

    @Mixin
    JobOptions jobOptions;

    @Mixin
    public FlinkOptions flink;

    @Override
    public Integer call() throws Exception {
        var jobs = Jobs.resolve(job);
        TopicBinding binding;
        if (where.files != null) {
            if (!java.nio.file.Files.isDirectory(where.files.input)) {
                spec.commandLine().getErr().println("--input " + where.files.input + " is not a folder");
                return 2;
            }
            binding = new FileBinding(where.files.input.toAbsolutePath(), where.files.output.toAbsolutePath());
            jobOptions.horizon = horizon(where.files.input);
        } else {
            binding = new KafkaBinding(kafkaSettings(where.kafka), job);
        }
        jobOptions.replay = binding.bounded();
        StreamExecutionEnvironment env = flink.environment(binding.bounded());
        try {
            JobGraph.wire(env, jobs, binding, jobOptions);
        } catch (IllegalArgumentException badConfiguration) {
            // A policy or template file that does not read: say which and why, before anything runs.
            spec.commandLine().getErr().println("stockflow: " + badConfiguration.getMessage());
            return 2;
        }
        env.execute("stockflow " + job);
        return 0;
    }

    private ReplayHorizon horizon(Path input) throws java.io.IOException {
        if (jobOptions.until != null) return new ReplayHorizon(jobOptions.until.toEpochMilli());
        OptionalLong max = InputEventTimes.max(input);
        return new ReplayHorizon(max.orElse(Long.MIN_VALUE));
    }

    static KafkaSettings kafkaSettings(Kafka kafka) throws java.io.IOException {
        KafkaSettings settings = new KafkaSettings(kafka.bootstrap);
        settings.topicNames.putAll(kafka.topics);
        settings.atLeastOnceTopics.addAll(kafka.atLeastOnce);
        if (kafka.properties != null) {
            try {
                settings.loadProperties(kafka.properties);
            } catch (java.io.IOException e) {
                // On a cluster this runs on the JobManager: the path must name a file on its machine.
                throw new IllegalArgumentException(
                        "--kafka-properties " + kafka.properties.toAbsolutePath()
                                + ": cannot read it where the job's main runs ("
                                + e.getClass().getSimpleName() + ")",
                        e);
            }
        }
        settings.loadEnvironment(System.getenv());
        return settings;
    }
}

package io.stockflow.flink.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockflow.flink.anomalies.AnomaliesJob;
import io.stockflow.flink.anomalies.AnomaliesSettings;
import io.stockflow.flink.graph.JobGraph;
import io.stockflow.flink.inventory.InventoryJob;
import io.stockflow.flink.inventory.InventorySettings;
import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.TopicBinding;
import io.stockflow.flink.lifecycle.LifecycleJob;
import io.stockflow.flink.lifecycle.LifecycleSettings;
import io.stockflow.flink.main.FlinkOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** A job setting comes from its default, then config.yaml, then -D, then its flag: each wins over the ones before. */
class JobSettingsPrecedenceTest {
    @TempDir
    Path conf;

    @Test
    void withNothingSetEveryJobGetsTheDeclaredDefaults() {
        JobOptions options = new JobOptions();
        InventorySettings inventory = InventoryJob.settings(options);
        LifecycleSettings lifecycle = LifecycleJob.settings(options);
        AnomaliesSettings anomalies = AnomaliesJob.settings(options);

        assertThat(inventory.ledger.lowStockThreshold).isEqualTo(5);
        assertThat(inventory.ledger.safetyStock).isZero();
        assertThat(inventory.ledger.settledRetention).isEqualTo(Duration.ofDays(7));
        assertThat(inventory.dedupTtl).isEqualTo(Duration.ofDays(7));
        assertThat(inventory.orderTtl).isEqualTo(Duration.ofDays(30));
        assertThat(inventory.limits.maxQuantity).isEqualTo(100_000);
        assertThat(inventory.limits.maxLines).isEqualTo(1_000);
        assertThat(inventory.ruleSets).isEmpty();
        for (Duration outOfOrderness :
                List.of(inventory.outOfOrderness, lifecycle.outOfOrderness, anomalies.outOfOrderness)) {
            assertThat(outOfOrderness).isEqualTo(Duration.ofSeconds(10));
        }
        for (Duration idleness : List.of(inventory.idleness, lifecycle.idleness, anomalies.idleness)) {
            assertThat(idleness).isEqualTo(Duration.ofMinutes(1));
        }
        assertThat(anomalies.defaultLeadTime).isEqualTo(Duration.ofHours(2));
        assertThat(anomalies.leadTimes).isEmpty();
        assertThat(lifecycle.policy).as("the built-in policy").isNotNull();
    }

    @Test
    void aKeyOfConfigYamlReachesTheJobsOfAnEmbeddedRun() throws IOException {
        yaml(
                "parallelism.default: 3",
                "stockflow:",
                "  ledger:",
                "    low-stock-threshold: 3",
                "  time:",
                "    idleness: 2m",
                "  anomalies:",
                "    lead-time:",
                "      SKU-1: 4h");
        FlinkOptions flink = new FlinkOptions();
        flink.flinkConf = conf;
        JobOptions options = new JobOptions();
        SettingsProbe probe = new SettingsProbe();
        // The path of a run: the environment reads config.yaml, the graph lays the job settings over it.
        JobGraph.wire(flink.environment(true), List.of(probe), new NoTopics(), options);

        assertThat(probe.inventory.ledger.lowStockThreshold).isEqualTo(3);
        assertThat(probe.inventory.idleness).isEqualTo(Duration.ofMinutes(2));
        assertThat(probe.lifecycle.idleness).isEqualTo(Duration.ofMinutes(2));
        assertThat(probe.anomalies.leadTimes).containsExactly(Map.entry("SKU-1", Duration.ofHours(4)));
        assertThat(probe.inventory.outOfOrderness).as("not in config.yaml").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aFlagWinsOverMinusDWhichWinsOverConfigYaml() throws IOException {
        JobOptions options = parse(
                "-Dstockflow.ledger.low-stock-threshold=4",
                "-Dstockflow.time.idleness=3m",
                "--low-stock-threshold",
                "7");
        options.flinkConfiguration(yaml(
                "stockflow.ledger.low-stock-threshold: 3",
                "stockflow.time.idleness: 2m",
                "stockflow.time.out-of-orderness: 20s"));

        InventorySettings inventory = InventoryJob.settings(options);
        assertThat(inventory.ledger.lowStockThreshold).isEqualTo(7);
        assertThat(inventory.idleness).isEqualTo(Duration.ofMinutes(3));
        assertThat(inventory.outOfOrderness).isEqualTo(Duration.ofSeconds(20));
        assertThat(inventory.limits.maxLines).isEqualTo(1_000);

        LayeredSettings settings = options.settings();
        assertThat(settings.source(StockflowOptions.LOW_STOCK_THRESHOLD)).isEqualTo(LayeredSettings.FLAG);
        assertThat(settings.source(StockflowOptions.IDLENESS)).isEqualTo(LayeredSettings.KEY_ARGUMENT);
        assertThat(settings.source(StockflowOptions.OUT_OF_ORDERNESS)).isEqualTo(LayeredSettings.FLINK_CONFIGURATION);
        assertThat(settings.source(StockflowOptions.MAX_LINES)).isEqualTo(LayeredSettings.DEFAULT);
    }

    @Test
    void leadTimesMergeBySkuWhileRuleFilesGivenLaterReplaceTheConfiguredOnes() throws IOException {
        JobOptions options = parse("--lead-time", "SKU-2=3h", "--lead-time", "SKU-3=1h", "--rules", "later.json");
        options.flinkConfiguration(yaml(
                "stockflow:",
                "  anomalies:",
                "    lead-time: {SKU-1: 4h, SKU-2: 1h}",
                "  routing:",
                "    rules: [a.json, b.json]"));

        assertThat(AnomaliesJob.settings(options).leadTimes)
                .containsOnly(
                        Map.entry("SKU-1", Duration.ofHours(4)),
                        Map.entry("SKU-2", Duration.ofHours(3)),
                        Map.entry("SKU-3", Duration.ofHours(1)));
        assertThat(options.settings().get(StockflowOptions.RULES)).containsExactly("later.json");
    }

    @Test
    void settingsSetByCodeWinLikeFlags() throws IOException {
        JobOptions options = new JobOptions().set(StockflowOptions.ORDER_TTL, Duration.ofDays(3650));
        options.flinkConfiguration(yaml("stockflow.orders.ttl: 1d"));
        assertThat(InventoryJob.settings(options).orderTtl).isEqualTo(Duration.ofDays(3650));
    }

    @Test
    void anUnknownStockflowKeyInTheConfigurationStopsTheRunAndFlinksOwnKeysPass() throws IOException {
        JobOptions options = new JobOptions();
        options.flinkConfiguration(yaml("parallelism.default: 3", "stockflow.ledger.low-stok-threshold: 3"));
        assertThatThrownBy(() -> InventoryJob.settings(options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown setting stockflow.ledger.low-stok-threshold");
    }

    @Test
    void aValueOfTheConfigurationThatDoesNotReadNamesItsKey() throws IOException {
        JobOptions threshold = new JobOptions();
        threshold.flinkConfiguration(yaml("stockflow.ledger.low-stock-threshold: many"));
        assertThatThrownBy(() -> InventoryJob.settings(threshold))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stockflow.ledger.low-stock-threshold");

        JobOptions leadTime = new JobOptions();
        leadTime.flinkConfiguration(yaml("stockflow.anomalies.lead-time.SKU-1: soon"));
        assertThatThrownBy(() -> AnomaliesJob.settings(leadTime))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stockflow.anomalies.lead-time")
                .hasMessageContaining("SKU-1");
    }

    @Test
    void theCommandLineRefusesAValueThatDoesNotReadAndAnUnknownKey() {
        assertThatThrownBy(() -> parse("--idleness", "soon"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(() -> parse("--max-lines", "many"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("'many' is not a whole number");
        assertThatThrownBy(() -> parse("--lead-time", "SKU-1=soon"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(() -> parse("-Dstockflow.ledger.low-stok-threshold=3"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("unknown setting");
        assertThatThrownBy(() -> parse("-Dparallelism.default=3"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("config.yaml");
        assertThatThrownBy(() -> parse("-Dstockflow.time.idleness=soon"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("stockflow.time.idleness");
    }

    /** config.yaml with these lines, read as Flink reads it. */
    private Configuration yaml(String... lines) throws IOException {
        Files.writeString(conf.resolve("config.yaml"), String.join("\n", lines) + "\n");
        return FlinkOptions.embeddedConfiguration(conf);
    }

    private static JobOptions parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.options;
    }

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        JobOptions options;
    }

    /** A job without topics that keeps the settings every job would get from the options it is given. */
    private static final class SettingsProbe implements StockflowJob {
        InventorySettings inventory;
        LifecycleSettings lifecycle;
        AnomaliesSettings anomalies;

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public List<String> inputTopics() {
            return List.of();
        }

        @Override
        public Map<String, DataStream<OutRecord>> build(Map<String, DataStream<RawRecord>> inputs, JobOptions options) {
            inventory = InventoryJob.settings(options);
            lifecycle = LifecycleJob.settings(options);
            anomalies = AnomaliesJob.settings(options);
            return Map.of();
        }
    }

    private static final class NoTopics implements TopicBinding {
        @Override
        public DataStream<RawRecord> source(StreamExecutionEnvironment env, String topic) {
            throw new AssertionError("no topic is read");
        }

        @Override
        public void sink(String topic, DataStream<OutRecord> records) {
            throw new AssertionError("no topic is written");
        }

        @Override
        public boolean bounded() {
            return true;
        }
    }
}

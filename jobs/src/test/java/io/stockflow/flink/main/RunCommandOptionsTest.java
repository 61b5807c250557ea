package io.stockflow.flink.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.inventory.InventorySettings;
import io.stockflow.flink.job.StockflowOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The job jar's {@code run} takes every job option by the name it always had. */
class RunCommandOptionsTest {
    @Test
    void everyJobOptionKeepsItsName() {
        RunCommand run = new RunCommand();
        new CommandLine(run)
                .parseArgs(
                        "inventory",
                        "--input",
                        "in",
                        "--output",
                        "out",
                        "--until",
                        "2026-11-27T00:00:00Z",
                        "--low-stock-threshold",
                        "3",
                        "--safety-stock",
                        "1",
                        "--settled-retention",
                        "2d",
                        "--dedup-ttl",
                        "3d",
                        "--order-ttl",
                        "10d",
                        "--max-quantity",
                        "500",
                        "--max-lines",
                        "20",
                        "--out-of-orderness",
                        "5s",
                        "--idleness",
                        "30s",
                        "--sla-policy",
                        "policy.json",
                        "--notification-templates",
                        "templates.json",
                        "--rules",
                        "r1.json",
                        "--rules",
                        "r2.yaml",
                        "--lead-time",
                        "SKU-1=4h",
                        "--lead-time",
                        "SKU-2=1h",
                        "--default-lead-time",
                        "3h",
                        "--marketplace-location",
                        "amazon=FBA-DE");

        ReadableConfig settings = run.jobOptions.settings();
        assertThat(run.jobOptions.until).hasToString("2026-11-27T00:00:00Z");
        assertThat(settings.get(StockflowOptions.LOW_STOCK_THRESHOLD)).isEqualTo(3);
        assertThat(settings.get(StockflowOptions.SAFETY_STOCK)).isEqualTo(1);
        assertThat(settings.get(StockflowOptions.SETTLED_RETENTION)).isEqualTo(Duration.ofDays(2));
        assertThat(settings.get(StockflowOptions.DEDUP_TTL)).isEqualTo(Duration.ofDays(3));
        assertThat(settings.get(StockflowOptions.ORDER_TTL)).isEqualTo(Duration.ofDays(10));
        assertThat(settings.get(StockflowOptions.MAX_QUANTITY)).isEqualTo(500);
        assertThat(settings.get(StockflowOptions.MAX_LINES)).isEqualTo(20);
        assertThat(settings.get(StockflowOptions.OUT_OF_ORDERNESS)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.get(StockflowOptions.IDLENESS)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.get(StockflowOptions.SLA_POLICY)).isEqualTo("policy.json");
        assertThat(settings.get(StockflowOptions.NOTIFICATION_TEMPLATES)).isEqualTo("templates.json");
        assertThat(settings.get(StockflowOptions.RULES)).containsExactly("r1.json", "r2.yaml");
        assertThat(settings.get(StockflowOptions.LEAD_TIMES))
                .containsExactly(Map.entry("SKU-1", "4h"), Map.entry("SKU-2", "1h"));
        assertThat(settings.get(StockflowOptions.DEFAULT_LEAD_TIME)).isEqualTo(Duration.ofHours(3));
        assertThat(settings.get(StockflowOptions.MARKETPLACE_LOCATIONS)).containsExactly(Map.entry("amazon", "FBA-DE"));
    }

    @Test
    void aMarketplaceLocationReachesTheGateAndTheLedger() {
        RunCommand run = new RunCommand();
        new CommandLine(run)
                .parseArgs("inventory", "--input", "in", "--output", "out", "--marketplace-location", "amazon=FBA-DE");

        InventorySettings inventory = InventorySettings.from(run.jobOptions.settings());

        assertThat(inventory.marketplaceLocations).containsExactly(Map.entry("amazon", "FBA-DE"));
        assertThat(inventory.ledger.marketplaceHeld).containsExactly("FBA-DE");
    }

    @Test
    void runPrintsTheBuildsVersion() {
        CommandLine cli = new CommandLine(new RunCommand());
        assertThat(List.of(cli.getCommandSpec().version())).containsExactly("stockflow " + Version.get());
        assertThat(Version.get()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(Version.jobJar()).isEqualTo("stockflow-jobs-" + Version.get() + ".jar");
    }
}

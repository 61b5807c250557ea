package io.stockflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.cli.Stockflow;
import io.stockflow.flink.io.Topics;
import io.stockflow.testing.ContractSchemas;
import io.stockflow.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code stockflow backtest}: the routing fixture's history replayed under each of its two rule sets, as if each had
 * always been in force, and the side-by-side table of what each did.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BacktestCommandITCase {
    private static final Path ROUTING = Fixtures.dir("routing");
    private static final Path FLINK_CONF = Path.of("..", "flink-conf").toAbsolutePath();

    @Test
    void comparesTwoRuleSetsSideBySide(@TempDir Path work, @TempDir Path state) {
        StringWriter out = new StringWriter();
        CommandLine cli = Stockflow.commandLine();
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute(
                "backtest",
                "--orders",
                ROUTING.resolve("orders.raw.jsonl").toString(),
                "--movements",
                ROUTING.resolve("inventory.movements.jsonl").toString(),
                "--rules",
                ROUTING.resolve("rules-v1.json").toString(),
                "--rules",
                ROUTING.resolve("rules-v2.json").toString(),
                "--work",
                work.toString(),
                "--state-dir",
                state.toString(),
                "-p",
                "2",
                "--flink-conf",
                FLINK_CONF.toString());

        assertThat(exit).isZero();
        List<String> table = out.toString().lines().toList();
        // r1: the cheapest location; the large order is refused whole. r2: the west warehouse first, whatever it costs.
        assertThat(row(table, "rule set")).containsExactly("r1", "r2");
        assertThat(row(table, "orders decided")).containsExactly("6", "6");
        assertThat(row(table, "allocated")).containsExactly("5", "4");
        assertThat(row(table, "shipped complete")).containsExactly("5", "4");
        assertThat(row(table, "split")).containsExactly("0", "1");
        assertThat(row(table, "partial")).containsExactly("0", "2");
        assertThat(row(table, "rejected")).containsExactly("1", "0");
        assertThat(row(table, "units backordered")).containsExactly("0", "2");
        assertThat(row(table, "shipments")).containsExactly("5", "7");
        assertThat(row(table, "est. shipping cost")).containsExactly("20.50", "46.00");
        assertThat(row(table, "mean transit days")).containsExactly("1.40", "3.57");
        assertThat(row(table, "shipments from WH-WEST")).containsExactly("2", "5");
        assertThat(row(table, "shipments from WH-EAST")).containsExactly("2", "2");
        assertThat(row(table, "shipments from STORE-NYC")).containsExactly("1", "0");
        assertThat(row(table, "on 2026-11-26"))
                .as("the first location's day: STORE-NYC")
                .containsExactly("1", "0");
        assertThat(row(table, "days over capacity")).containsExactly("0", "0");
        assertThat(work.resolve("r1").resolve("output").resolve("orders.allocations"))
                .isDirectory();
    }

    @Test
    void countsShipmentsPerLocationAndDayAgainstTheDailyCapacity(@TempDir Path work, @TempDir Path state)
            throws Exception {
        ObjectNode limited = (ObjectNode) Fixtures.json(Files.readString(ROUTING.resolve("rules-v2.json")));
        limited.put("version", "r2-limited");
        for (JsonNode location : limited.withArray("locations")) {
            if (location.get("id").asText().equals("WH-WEST")) ((ObjectNode) location).put("daily_capacity", 3);
        }
        Path rules = work.resolve("r2-limited.json");
        Files.writeString(rules, limited.toString());
        StringWriter out = new StringWriter();
        CommandLine cli = Stockflow.commandLine();
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute(
                "backtest",
                "--orders",
                ROUTING.resolve("orders.raw.jsonl").toString(),
                "--movements",
                ROUTING.resolve("inventory.movements.jsonl").toString(),
                "--rules",
                rules.toString(),
                "--work",
                work.toString(),
                "--state-dir",
                state.toString(),
                "-p",
                "2",
                "--flink-conf",
                FLINK_CONF.toString());

        assertThat(exit).isZero();
        List<String> table = out.toString().lines().toList();
        // Under r2 WH-WEST would ship 5 that day; as live, the orders after its third go to the next in rank.
        assertThat(row(table, "shipments from WH-WEST")).containsExactly("3");
        int west = table.indexOf(table.stream()
                .filter(l -> l.startsWith("shipments from WH-WEST"))
                .findFirst()
                .get());
        assertThat(table.get(west + 1).strip().split("\\s+")).containsExactly("on", "2026-11-26", "3/3");
        assertThat(row(table, "days over capacity")).containsExactly("0");
        Path output = work.resolve("r2-limited").resolve("output");
        assertThat(Fixtures.outputLines(output.resolve(Topics.ALLOCATIONS)))
                .filteredOn(a -> Fixtures.json(a)
                        .at("/explanation/excluded")
                        .toString()
                        .contains("daily capacity of 3 used up on 2026-11-26"))
                .isNotEmpty();
        assertThat(Fixtures.outputLines(output.resolve(Topics.ALERTS)))
                .filteredOn(a -> a.contains("CAPACITY_EXCEEDED"))
                .isEmpty();
        assertThat(Fixtures.outputLines(
                        work.resolve("r2-limited").resolve("output").resolve(Topics.ROUTING_CAPACITY)))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(ContractSchemas.violations(Topics.ROUTING_CAPACITY, l))
                        .isEmpty());
    }

    @Test
    void fulfilmentEventsConsumeTheReservationsTheyShip(@TempDir Path work, @TempDir Path state) throws Exception {
        // Under r1, shopify:9001 holds 2 SKU-R at STORE-NYC, the only units reserved there; its shipment ends the hold.
        Path shipped = work.resolve("fulfilment.events.jsonl");
        Files.writeString(
                shipped,
                "{\"event_id\":\"ship-9001\",\"order_id\":\"shopify:9001\",\"location\":\"STORE-NYC\","
                        + "\"type\":\"SHIPPED\",\"lines\":[{\"sku\":\"SKU-R\",\"quantity\":2}],"
                        + "\"carrier\":\"UPS\",\"tracking_code\":\"1Z9001\","
                        + "\"occurred_at\":\"2026-11-26T10:10:00Z\"}\n");
        CommandLine cli = Stockflow.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));

        int exit = cli.execute(
                "backtest",
                "--orders",
                ROUTING.resolve("orders.raw.jsonl").toString(),
                "--movements",
                ROUTING.resolve("inventory.movements.jsonl").toString(),
                "--fulfilment",
                shipped.toString(),
                "--rules",
                ROUTING.resolve("rules-v1.json").toString(),
                "--work",
                work.resolve("runs").toString(),
                "--state-dir",
                state.toString(),
                "-p",
                "2",
                "--flink-conf",
                FLINK_CONF.toString());

        assertThat(exit).isZero();
        Path output = work.resolve("runs").resolve("r1").resolve("output");
        assertThat(Fixtures.keyed(Fixtures.outputLines(output.resolve(Topics.ALLOCATIONS)), "order_id")
                        .get("shopify:9001")
                        .get("allocations")
                        .toString())
                .contains("STORE-NYC");
        JsonNode store = Fixtures.finalAvailability(Fixtures.outputLines(output.resolve(Topics.AVAILABILITY)))
                .get("SKU-R|STORE-NYC");
        assertThat(store.get("reserved").asLong())
                .as("the shipped hold is consumed")
                .isZero();
    }

    @Test
    void refusesAnInvalidRuleSetBeforeRunningAnything(@TempDir Path work) {
        StringWriter err = new StringWriter();
        CommandLine cli = Stockflow.commandLine();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute(
                "backtest",
                "--orders",
                ROUTING.resolve("orders.raw.jsonl").toString(),
                "--rules",
                ROUTING.resolve("orders.raw.jsonl").toString(),
                "--work",
                work.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--rules");
    }

    /** The values of the row whose label is {@code label}, one per rule set. */
    private static List<String> row(List<String> table, String label) {
        String line = table.stream()
                .filter(l -> l.strip().startsWith(label + "  "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + String.join("\n", table)));
        String[] cells = line.strip().substring(label.length()).strip().split("\\s+");
        return Arrays.asList(cells);
    }
}

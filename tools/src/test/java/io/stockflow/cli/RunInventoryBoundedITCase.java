package io.stockflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.io.Topics;
import io.stockflow.testing.ContractSchemas;
import io.stockflow.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's bounded mode end to end: {@code stockflow run inventory --input DIR --output DIR} on an embedded Flink. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RunInventoryBoundedITCase {
    private static final Path INPUT = Fixtures.dir("small");
    private static final Path EXPECTED = Fixtures.dir("small-expected");

    @Test
    void aBoundedRunOverAllFourMarketplacesEndsInTheExpectedLedger(@TempDir Path out, @TempDir Path state) {
        int exit = run(out, state);

        assertThat(exit).isZero();
        assertThat(Fixtures.finalAvailability(Fixtures.outputLines(out.resolve(Topics.AVAILABILITY))))
                .isEqualTo(Fixtures.keyed(Fixtures.lines(EXPECTED.resolve("availability.jsonl")), "sku", "location"));
        List<String> allocations = Fixtures.outputLines(out.resolve(Topics.ALLOCATIONS));
        assertThat(allocations).hasSize(4);
        assertThat(Fixtures.allocationDecisions(allocations))
                .isEqualTo(Fixtures.keyed(Fixtures.lines(EXPECTED.resolve("allocations.jsonl")), "order_id"));
        assertThat(Fixtures.outputLines(out.resolve(Topics.ORDERS_CANONICAL)))
                .as("five distinct order events; the retried Shopify webhook is dropped")
                .hasSize(5);
        assertThat(Fixtures.outputLines(out.resolve(Topics.DEADLETTER)))
                .extracting(l -> Fixtures.json(l).get("source_topic").asText())
                .containsExactlyInAnyOrder(Topics.ORDERS_RAW, Topics.MOVEMENTS);
        assertThat(Fixtures.outputLines(out.resolve(Topics.ALERTS))).anySatisfy(l -> {
            assertThat(Fixtures.json(l).get("type").asText()).isEqualTo("OVERSELL");
            assertThat(Fixtures.json(l).at("/subject/order_id").asText()).isEqualTo("woocommerce:727");
        });
    }

    @Test
    void everyOutputRecordConformsToItsPublishedSchema(@TempDir Path out, @TempDir Path state) {
        assertThat(run(out, state)).isZero();

        for (String topic : List.of(
                Topics.ORDERS_CANONICAL, Topics.AVAILABILITY, Topics.ALLOCATIONS, Topics.ALERTS, Topics.DEADLETTER)) {
            List<String> records = Fixtures.outputLines(out.resolve(topic));
            assertThat(records).as(topic).isNotEmpty();
            assertThat(records)
                    .as(topic)
                    .allSatisfy(r ->
                            assertThat(ContractSchemas.violations(topic, r)).isEmpty());
        }
    }

    @Test
    void anAbsentInputFileIsAnInputWithoutRecords(@TempDir Path in, @TempDir Path out, @TempDir Path state)
            throws Exception {
        java.nio.file.Files.copy(INPUT.resolve("orders.raw.jsonl"), in.resolve("orders.raw.jsonl"));

        int exit = Stockflow.execute(
                "run",
                "all",
                "--input",
                in.toString(),
                "--output",
                out.toString(),
                "--state-dir",
                state.toString(),
                "--flink-conf",
                BoundedInventoryRun.FLINK_CONF.toString());

        assertThat(exit).isZero();
        assertThat(Fixtures.outputLines(out.resolve(Topics.ORDERS_CANONICAL))).hasSize(5);
        assertThat(Fixtures.outputLines(out.resolve(Topics.ALLOCATIONS)))
                .extracting(l -> Fixtures.json(l).get("decision").asText())
                .as("no stock was ever received")
                .containsOnly("BACKORDERED");
    }

    @Test
    void theSameInputAlwaysGivesTheSameOutputs(@TempDir Path first, @TempDir Path second, @TempDir Path state) {
        assertThat(run(first, state)).isZero();
        assertThat(run(second, state)).isZero();

        for (String topic : List.of(Topics.AVAILABILITY, Topics.ALLOCATIONS, Topics.ALERTS, Topics.ORDERS_CANONICAL)) {
            assertThat(BoundedInventoryRun.sortedOutput(second, topic))
                    .as(topic)
                    .isEqualTo(BoundedInventoryRun.sortedOutput(first, topic));
        }
    }

    private static int run(Path out, Path state) {
        return BoundedInventoryRun.run(INPUT, out, state);
    }
}

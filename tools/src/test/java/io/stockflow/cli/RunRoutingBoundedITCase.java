package io.stockflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.flink.io.Topics;
import io.stockflow.testing.ContractSchemas;
import io.stockflow.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing by rule sets in a bounded run: three locations, three zones, two versions of the rules and an invalid one on
 * {@code routing.rules}. Each order is decided by the version in force at its event time, whatever order the input
 * files list it in; the invalid set is dead-lettered with an alert and changes nothing.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RunRoutingBoundedITCase {
    private static final Path INPUT = Fixtures.dir("routing");
    private static final Path EXPECTED = Fixtures.dir("routing-expected");

    @Test
    void eachOrderIsRoutedByTheRuleSetInForceAtItsEventTime(@TempDir Path out, @TempDir Path state) {
        assertThat(run(out, state)).isZero();

        List<String> allocations = Fixtures.outputLines(out.resolve(Topics.ALLOCATIONS));
        assertThat(decisions(allocations))
                .isEqualTo(Fixtures.keyed(Fixtures.lines(EXPECTED.resolve("allocations.jsonl")), "order_id"));
        assertThat(allocations)
                .allSatisfy(r -> assertThat(ContractSchemas.violations(Topics.ALLOCATIONS, r))
                        .isEmpty());
    }

    @Test
    void everyDecisionExplainsItsRankingAndASplitSaysWhy(@TempDir Path out, @TempDir Path state) {
        assertThat(run(out, state)).isZero();

        Map<String, JsonNode> byOrder =
                Fixtures.keyed(Fixtures.outputLines(out.resolve(Topics.ALLOCATIONS)), "order_id");
        JsonNode split = byOrder.get("shopify:9006");
        assertThat(split.get("reason").asText()).startsWith("Split into 2 shipments from WH-WEST, WH-EAST");
        JsonNode ranking = split.at("/explanation/ranking");
        assertThat(ranking).extracting(c -> c.get("location").asText()).containsExactly("WH-WEST", "WH-EAST");
        assertThat(ranking.get(1).get("cost").asText()).isEqualTo("6.00");
        assertThat(ranking.get(1).get("transit_days").asInt()).isEqualTo(3);
        assertThat(split.at("/explanation/excluded"))
                .extracting(x -> x.get("location").asText())
                .containsExactly("STORE-NYC");

        JsonNode rejected = byOrder.get("shopify:9004");
        assertThat(rejected.get("reason").asText()).contains("does not allow backorders");
        assertThat(rejected.at("/explanation/excluded/0/location").asText()).isEqualTo("STORE-NYC");
    }

    @Test
    void anInvalidRuleSetIsDeadLetteredWithAnAlertAndTheVersionInForceStays(@TempDir Path out, @TempDir Path state) {
        assertThat(run(out, state)).isZero();

        List<JsonNode> dead = Fixtures.outputLines(out.resolve(Topics.DEADLETTER)).stream()
                .map(Fixtures::json)
                .toList();
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.get("source_topic").asText()).isEqualTo(Topics.ROUTING_RULES);
            assertThat(d.get("error").asText())
                    .contains("routing.rules.schema.json")
                    .contains("locations");
        });
        List<String> alerts = Fixtures.outputLines(out.resolve(Topics.ALERTS));
        assertThat(alerts)
                .filteredOn(a -> Fixtures.json(a).get("type").asText().equals("RULE_SET_REJECTED"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(Fixtures.json(a).get("message").asText())
                            .contains("r-bad")
                            .contains("version r1");
                    assertThat(ContractSchemas.violations(Topics.ALERTS, a)).isEmpty();
                });
    }

    @Test
    void theSameInputAlwaysGivesTheSameDecisions(@TempDir Path first, @TempDir Path second, @TempDir Path state) {
        assertThat(run(first, state)).isZero();
        assertThat(run(second, state)).isZero();

        for (String topic : List.of(Topics.ALLOCATIONS, Topics.AVAILABILITY, Topics.ALERTS)) {
            assertThat(BoundedInventoryRun.sortedOutput(second, topic))
                    .as(topic)
                    .isEqualTo(BoundedInventoryRun.sortedOutput(first, topic));
        }
    }

    private static Map<String, JsonNode> decisions(List<String> records) {
        Map<String, JsonNode> reduced = new TreeMap<>();
        Fixtures.allocationDecisions(records).forEach((id, r) -> {
            JsonNode full = Fixtures.keyed(records, "order_id").get(id);
            ((ObjectNode) r).set("rule_set_version", full.get("rule_set_version"));
            ((ObjectNode) r).set("rule_ids", full.get("rule_ids"));
            reduced.put(id, r);
        });
        return reduced;
    }

    private static int run(Path out, Path state) {
        return BoundedInventoryRun.run(INPUT, out, state);
    }
}

package io.stockflow.routing;

import static io.stockflow.routing.RuleSets.NOON_NEW_YORK;
import static io.stockflow.routing.RuleSets.order;
import static io.stockflow.routing.RuleSets.orderTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.stockflow.allocation.Decision;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.codec.OutputJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The small rule set ranks by COST: B (4.00), A (5.00), C (6.00); safety stock keeps 3 of every TEE-* back. */
class AllocationPlannerTest {

    @Test
    void shipsCompleteFromTheBestRankedLocationThatHasEveryLine() {
        RuleSet rules = RuleSets.smallSet(doc -> {});
        StockSnapshot stock = new StockSnapshot(rules)
                .free("B", "MUG-1", 5)
                .free("A", "MUG-1", 5)
                .free("A", "CUP-2", 5)
                .free("C", "MUG-1", 5)
                .free("C", "CUP-2", 5);

        RoutingDecision d = plan(rules, order("shopify:1", "MUG-1", 2, "CUP-2", 1), stock);

        assertThat(d.decision()).isEqualTo(Decision.ALLOCATED);
        assertThat(d.allocations())
                .containsExactly(new PlannedUnits("MUG-1", 2, "A"), new PlannedUnits("CUP-2", 1, "A"));
        assertThat(d.shipFrom()).containsExactly("A");
        assertThat(d.reason())
                .isEqualTo(
                        "Ships complete from A (rank 2 of 3), the best-ranked candidate with every line, under rule fb.");
    }

    @Test
    void splitsOverTheFewestLocationsWhenNoneHasEveryLine() {
        RuleSet rules = RuleSets.smallSet(doc -> {});
        StockSnapshot stock = new StockSnapshot(rules)
                .free("B", "MUG-1", 2)
                .free("B", "PEN-3", 1)
                .free("A", "CUP-2", 3)
                .free("C", "MUG-1", 2)
                .free("C", "CUP-2", 3);

        RoutingDecision d = plan(rules, order("shopify:1", "MUG-1", 2, "CUP-2", 3, "PEN-3", 1), stock);

        assertThat(d.decision()).isEqualTo(Decision.ALLOCATED);
        assertThat(d.shipFrom()).as("C covers most, B the rest; listed by rank").containsExactly("B", "C");
        assertThat(d.allocations())
                .containsExactlyInAnyOrder(
                        new PlannedUnits("MUG-1", 2, "C"),
                        new PlannedUnits("CUP-2", 3, "C"),
                        new PlannedUnits("PEN-3", 1, "B"));
        assertThat(d.reason())
                .isEqualTo("Split into 2 shipments from B, C: no single location has every line"
                        + " (best-ranked B lacks 3 of CUP-2); rule fb allows up to 2.");
    }

    @Test
    void neverUsesMoreLocationsThanThePolicyAllowsAndBackordersTheRest() {
        RuleSet rules = RuleSets.smallSet(doc -> {});
        StockSnapshot stock = new StockSnapshot(rules)
                .free("B", "MUG-1", 1)
                .free("A", "CUP-2", 1)
                .free("C", "PEN-3", 1);

        RoutingDecision d = plan(rules, order("shopify:1", "MUG-1", 1, "CUP-2", 1, "PEN-3", 1), stock);

        assertThat(d.decision()).isEqualTo(Decision.PARTIAL);
        assertThat(d.shipFrom()).containsExactly("B", "A");
        assertThat(d.backordered()).containsExactly(new PlannedUnits("PEN-3", 1, null));
        assertThat(d.reason())
                .isEqualTo("Partly shipped from B, A, 1 of PEN-3 backordered: 1 of PEN-3 not available"
                        + " at the 3 candidates within 2 shipments.");
    }

    @Test
    void rejectsAndPlansNothingWhenTheOrderCannotShipInFullAndBackordersAreNotAllowed() {
        RuleSet rules = RuleSets.smallSet(doc -> ((ObjectNode) doc.get("fallback"))
                .set("split", RuleSets.tree("{\"max_shipments\": 2, \"allow_backorder\": false}")));
        StockSnapshot stock = new StockSnapshot(rules)
                .free("B", "MUG-1", 1)
                .free("A", "CUP-2", 1)
                .free("C", "PEN-3", 1);

        RoutingDecision d = plan(rules, order("shopify:1", "MUG-1", 1, "CUP-2", 1, "PEN-3", 1), stock);

        assertThat(d.decision()).isEqualTo(Decision.REJECTED);
        assertThat(d.allocations()).isEmpty();
        assertThat(d.backordered()).isEmpty();
        assertThat(d.shortfall()).containsExactly(new PlannedUnits("PEN-3", 1, null));
        assertThat(d.reason())
                .isEqualTo("Rejected: 1 of PEN-3 not available at the 3 candidates within 2 shipments,"
                        + " and rule fb does not allow backorders.");
    }

    @Test
    void backordersEverythingWhenNoCandidateHasAnyOfIt() {
        RuleSet rules = RuleSets.smallSet(doc -> {});

        RoutingDecision d = plan(rules, order("shopify:1", "MUG-1", 2), new StockSnapshot(rules));

        assertThat(d.decision()).isEqualTo(Decision.BACKORDERED);
        assertThat(d.allocations()).isEmpty();
        assertThat(d.backordered()).containsExactly(new PlannedUnits("MUG-1", 2, null));
        assertThat(d.reason()).startsWith("Backordered in full: 2 of MUG-1 not available");
    }

    @Test
    void anOrderNoLocationCanServeIsBackorderedWithTheReasonsEachWasLeftOut() {
        RuleSet rules = RuleSets.smallSet(doc -> {});
        RoutingRequest toCanada =
                orderTo("shopify:1", "shopify", "CA", "ON", "M5V", null, "10", NOON_NEW_YORK, "MUG-1", 1);

        RoutingDecision d = plan(rules, toCanada, new StockSnapshot(rules).free("A", "MUG-1", 9));

        assertThat(d.decision()).isEqualTo(Decision.BACKORDERED);
        assertThat(d.reason())
                .isEqualTo(
                        "Backordered in full: no location can ship it under rule fb (A the ship-to"
                                + " address is in no zone; B the ship-to address is in no zone; C the ship-to address is in no zone).");
    }

    @Test
    void safetyStockIsNeverPlanned() {
        RuleSet rules = RuleSets.smallSet(
                doc -> ((ObjectNode) doc.get("fallback")).set("actions", RuleSets.tree("{\"only\": [\"A\"]}")));
        StockSnapshot stock = new StockSnapshot(rules).free("A", "TEE-M", 5);

        RoutingDecision d = plan(rules, order("shopify:1", "TEE-M", 3), stock);

        assertThat(stock.available("A", "TEE-M")).isEqualTo(2);
        assertThat(d.decision()).isEqualTo(Decision.PARTIAL);
        assertThat(d.allocations()).containsExactly(new PlannedUnits("TEE-M", 2, "A"));
        assertThat(d.backordered()).containsExactly(new PlannedUnits("TEE-M", 1, null));
    }

    @Test
    void withOneShipmentAllowedTheLocationCoveringMostShipsAndTheRestIsBackordered() {
        RuleSet rules = RuleSets.smallSet(
                doc -> ((ObjectNode) doc.get("fallback")).set("split", RuleSets.tree("{\"max_shipments\": 1}")));
        StockSnapshot stock = new StockSnapshot(rules)
                .free("B", "MUG-1", 1)
                .free("A", "MUG-1", 2)
                .free("A", "CUP-2", 1);

        RoutingDecision d = plan(rules, order("shopify:1", "MUG-1", 2, "CUP-2", 2), stock);

        assertThat(d.decision()).isEqualTo(Decision.PARTIAL);
        assertThat(d.allocations())
                .containsExactly(new PlannedUnits("MUG-1", 2, "A"), new PlannedUnits("CUP-2", 1, "A"));
        assertThat(d.backordered()).containsExactly(new PlannedUnits("CUP-2", 1, null));
    }

    @Test
    void withoutShipCompletePreferredEachLineGoesToItsBestRankedLocation() {
        RuleSet rules = RuleSets.smallSet(doc -> ((ObjectNode) doc.get("fallback"))
                .set("split", RuleSets.tree("{\"ship_complete_preferred\": false, \"max_shipments\": 3}")));
        StockSnapshot stock = new StockSnapshot(rules)
                .free("B", "MUG-1", 5)
                .free("A", "MUG-1", 5)
                .free("A", "CUP-2", 5);

        RoutingDecision d = plan(rules, order("shopify:1", "MUG-1", 2, "CUP-2", 1), stock);

        assertThat(d.decision()).isEqualTo(Decision.ALLOCATED);
        assertThat(d.allocations())
                .containsExactly(new PlannedUnits("MUG-1", 2, "B"), new PlannedUnits("CUP-2", 1, "A"));
        assertThat(d.reason())
                .isEqualTo("Split into 2 shipments from B, A: rule fb takes each line from its"
                        + " best-ranked location (best-ranked B lacks 1 of CUP-2); rule fb allows up to 3.");
    }

    @Test
    void anOrderWithoutLinesIsRejected() {
        RuleSet rules = RuleSets.smallSet(doc -> {});

        RoutingDecision d = plan(rules, order("shopify:1"), new StockSnapshot(rules));

        assertThat(d.decision()).isEqualTo(Decision.REJECTED);
        assertThat(d.reason()).isEqualTo("Rejected: the order has no lines to ship.");
    }

    @Test
    void theDecisionNamesItsRuleSetRuleRankingAndFiguresOnOrdersAllocations() {
        RuleSet rules = RuleSets.exampleSet();
        RoutingRequest order =
                orderTo("amazon:902-1", "amazon", "US", "PA", "19103", "EXPEDITED", "80.00", NOON_NEW_YORK, "MUG-1", 2);
        StockSnapshot stock =
                new StockSnapshot(rules).free("US-EWR", "MUG-1", 10).free("US-RNO", "MUG-1", 10);

        RoutingDecision d = plan(rules, order, stock);
        OrderAllocation record = d.toOrderAllocation("amazon", NOON_NEW_YORK, NOON_NEW_YORK + 5);
        String json = OutputJson.allocation(record);

        assertThat(d.ruleSetVersion()).isEqualTo("2026-11-26.1");
        assertThat(d.ruleIds()).containsExactly("fast-us");
        assertThat(d.allocations()).containsExactly(new PlannedUnits("MUG-1", 2, "US-EWR"));
        assertThat(allocationSchemaErrors(json)).isEmpty();
        JsonNode explanation = RuleSets.tree(json).get("explanation");
        assertThat(explanation.get("rule_id").asText()).isEqualTo("fast-us");
        assertThat(explanation.get("zone").asText()).isEqualTo("US-EAST");
        assertThat(explanation.get("rank_by").toString()).isEqualTo("[\"TRANSIT_DAYS\",\"CAPACITY_LEFT\"]");
        JsonNode first = explanation.get("ranking").get(0);
        assertThat(first.get("location").asText()).isEqualTo("US-EWR");
        assertThat(first.get("cost").asText()).isEqualTo("8.20");
        assertThat(first.get("transit_days").asInt()).isEqualTo(1);
        assertThat(first.get("capacity_left").asLong()).isEqualTo(800);
        assertThat(first.get("distance_km").asDouble()).isBetween(100.0, 130.0);
        JsonNode second = explanation.get("ranking").get(1);
        assertThat(second.get("location").asText()).isEqualTo("US-RNO");
        assertThat(second.get("transit_days").asInt())
                .as("keeps the 3-day promise")
                .isEqualTo(3);
        assertThat(explanation.get("ranking")).hasSize(2);
        assertThat(explanation.get("excluded").toString())
                .isEqualTo("["
                        + "{\"location\":\"US-BKN-STORE\",\"why\":\"in the rule's never list\"},"
                        + "{\"location\":\"DE-LEJ\",\"why\":\"no EXPEDITED rate to zone US-EAST\"}]");
        assertThat(explanation.get("ship_from").toString()).isEqualTo("[\"US-EWR\"]");
    }

    private static RoutingDecision plan(RuleSet rules, RoutingRequest order, Stock stock) {
        return AllocationPlanner.plan(order, RuleEvaluator.evaluate(rules, order, stock), stock);
    }

    private static java.util.List<String> allocationSchemaErrors(String json) {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(
                        RuleSets.text(RuleSets.find("docs/schemas/orders.allocations.schema.json")), InputFormat.JSON);
        return schema.validate(json, InputFormat.JSON).stream()
                .map(Object::toString)
                .toList();
    }

    static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}

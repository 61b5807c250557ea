package io.stockflow.flink.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.codec.OutputJson;
import io.stockflow.flink.io.Topics;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.TestTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The plumbing of the tests that run a {@link ContendedScenario} as a bounded replay and live on Kafka and compare the
 * decisions: the rule set with daily capacity, the replay's decisions, the live ones read back, and what of a decision
 * must agree. Decisions are keyed {@code order#revision}.
 */
final class ReplayAgainstLive {
    /** Rule set r1's daily capacity: WH-EAST and WH-WEST 2 shipments, STORE-NYC 1. */
    static final Map<String, Long> CAPACITY = Map.of("WH-EAST", 2L, "WH-WEST", 2L, "STORE-NYC", 1L);

    private ReplayAgainstLive() {}

    /** A rule set document and the file that holds it. */
    record RuleSet(String document, Path file) {}

    /** Rule set r1 of the routing fixture with {@link #CAPACITY} at its locations, in a temporary file. */
    static RuleSet withCapacity() throws Exception {
        ObjectNode doc = (ObjectNode)
                Fixtures.json(Files.readString(Fixtures.dir("routing").resolve("rules-v1.json")));
        for (JsonNode location : doc.withArray("locations")) {
            ((ObjectNode) location)
                    .put("daily_capacity", CAPACITY.get(location.get("id").asText()));
        }
        Path file = Files.createTempFile("rules-capacity", ".json");
        Files.writeString(file, doc.toString());
        return new RuleSet(doc.toString(), file);
    }

    /** The scenario's decisions in a bounded replay under the rule set: opening stock, step movements, orders. */
    static List<OrderAllocation> replay(String rules, ContendedScenario s) throws Exception {
        return new InventoryScenario()
                .ruleSets(rules)
                .movements(s.stock().toArray(String[]::new))
                .movements(s.movements().toArray(String[]::new))
                .orders(s.orders().toArray(String[]::new))
                .run()
                .allocations();
    }

    /** Decisions by {@code order#revision}, each reduced to what must agree. */
    static Map<String, String> byKey(List<OrderAllocation> decisions, Function<JsonNode, String> comparable) {
        Map<String, String> byKey = new TreeMap<>();
        for (OrderAllocation a : decisions) {
            byKey.put(a.orderId + "#" + a.revision, comparable.apply(Fixtures.json(OutputJson.allocation(a))));
        }
        return byKey;
    }

    /**
     * Live decisions of the scenario's orders on {@code orders.allocations} by {@code order#revision}, each reduced to
     * what must agree, once {@code done} holds of them; fails when it does not in time.
     */
    static Map<String, String> awaitLive(
            TestTopics topics,
            ContendedScenario s,
            Function<JsonNode, String> comparable,
            Predicate<Map<String, String>> done) {
        List<String> ids = s.orderIds();
        Map<String, String> byKey = new TreeMap<>();
        topics.readCommitted(
                Topics.ALLOCATIONS,
                records -> {
                    byKey.clear();
                    for (String r : records) {
                        JsonNode d = Fixtures.json(r);
                        String order = d.get("order_id").asText();
                        if (!ids.contains(order)) continue;
                        byKey.put(order + "#" + d.path("revision").asInt(1), comparable.apply(d));
                    }
                    return done.test(byKey);
                },
                TestTopics.WAIT);
        assertThat(done.test(byKey))
                .as("live decisions in time: %s", byKey.keySet())
                .isTrue();
        return byKey;
    }

    /** Waits until {@code inventory.availability} has a record for every position the opening stock fills. */
    static void awaitOpeningStock(TestTopics topics, ContendedScenario s) {
        List<String> keys = s.stockedKeys();
        List<String> seen = new ArrayList<>();
        topics.readCommitted(
                Topics.AVAILABILITY,
                records -> {
                    seen.clear();
                    seen.addAll(Fixtures.finalAvailability(records).keySet());
                    return seen.containsAll(keys);
                },
                TestTopics.WAIT);
        assertThat(seen).containsAll(keys);
    }

    /** What must agree: status, units, backordered units and reason (times and ids of the run left out). */
    static String outcome(JsonNode d) {
        List<String> units = new ArrayList<>();
        d.get("allocations")
                .forEach(u -> units.add(u.get("sku").asText() + " "
                        + u.get("quantity").asLong() + "@" + u.get("location").asText()));
        units.sort(null);
        List<String> backordered = new ArrayList<>();
        d.path("backordered")
                .forEach(u -> backordered.add(
                        u.get("sku").asText() + " " + u.get("quantity").asLong()));
        backordered.sort(null);
        return d.get("decision").asText() + " " + units + " backordered " + backordered + " | "
                + d.get("reason").asText();
    }

    /**
     * What must agree: {@link #outcome}, and the explanation's ranking with capacity left and its exclusions (with the
     * days whose capacity was used up).
     */
    static String outcomeAndExplanation(JsonNode d) {
        List<String> ranking = new ArrayList<>();
        d.at("/explanation/ranking")
                .forEach(c -> ranking.add(c.get("location").asText() + " left "
                        + c.path("capacity_left").asText("-")));
        return outcome(d) + " | ranking " + ranking + " excluded " + d.at("/explanation/excluded");
    }
}

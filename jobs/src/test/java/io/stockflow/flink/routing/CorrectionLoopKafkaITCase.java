package io.stockflow.flink.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.ShopifyOrders;
import io.stockflow.testing.TestTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one-round correction loop of docs/design/routing.md on a real broker and a Flink MiniCluster: the SKU ledgers
 * hold each line at its best-ranked candidate, the assembler corrects the holds over {@code routing.corrections} when
 * one location has the whole order, and a correction that a racing order made impossible is kept and explained.
 * Rule set r1 of the routing fixtures: to New York, STORE-NYC (cost 3.00, 2 units of safety stock) ranks first,
 * WH-EAST (4.00) second; the fallback prefers to ship complete, within 2 shipments.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CorrectionLoopKafkaITCase {
    @RegisterExtension
    static final KafkaPipeline PIPELINE = new KafkaPipeline();

    private static final Path RULES = Fixtures.dir("routing");
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TIME = "2026-11-26T15:00:00Z";
    /** The topics of the one job both tests share. */
    private static TestTopics topics;

    @BeforeAll
    static void start() throws Exception {
        // One partition: the racing orders are read back to back, long before a correction can come back.
        topics = PIPELINE.topics(Topics.ALL).createAll(1);
        JobOptions options = new JobOptions();
        options.set(
                StockflowOptions.RULES, List.of(RULES.resolve("rules-v1.json").toString()));
        PIPELINE.start(topics, "inventory", options);
    }

    @Test
    void anOrderHeldAtEachLinesBestLocationIsMovedToTheOneLocationThatHasEveryLine() throws Exception {
        stock(Map.of("SKU-CA|STORE-NYC", 10L, "SKU-CA|WH-EAST", 5L, "SKU-CB|WH-EAST", 5L, "SKU-CC|WH-EAST", 5L));

        // Both lines held at WH-EAST, the only location with SKU-CB and SKU-CC: the holds are the plan, no round.
        long t0 = System.nanoTime();
        JsonNode direct =
                decisions(List.of(order(9000, "SKU-CB", 1, "SKU-CC", 1))).get("shopify:9000");
        long t1 = System.nanoTime();
        // SKU-CA is held at STORE-NYC (ranked first), SKU-CB at WH-EAST (the only one with it): WH-EAST has both.
        JsonNode decision =
                decisions(List.of(order(9001, "SKU-CA", 1, "SKU-CB", 1))).get("shopify:9001");
        System.out.printf(
                "decided as held in %d ms, after a correction round in %d ms (checkpoints every 300 ms)%n",
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);

        assertThat(units(direct)).containsExactly("SKU-CB 1@WH-EAST", "SKU-CC 1@WH-EAST");

        assertThat(decision.get("decision").asText()).isEqualTo("ALLOCATED");
        assertThat(units(decision)).containsExactlyInAnyOrder("SKU-CA 1@WH-EAST", "SKU-CB 1@WH-EAST");
        assertThat(decision.get("reason").asText()).startsWith("Ships complete from WH-EAST");
        assertThat(decision.at("/explanation/ship_from").toString()).isEqualTo("[\"WH-EAST\"]");

        awaitReserved(Map.of(
                "SKU-CA|STORE-NYC",
                0L,
                "SKU-CA|WH-EAST",
                1L,
                "SKU-CA|*",
                1L,
                "SKU-CB|WH-EAST",
                2L,
                "SKU-CC|WH-EAST",
                1L));
        assertThat(availability())
                .as("SKU-CA was held at STORE-NYC first, then moved")
                .anySatisfy(a -> assertThat(a).isEqualTo("SKU-CA|STORE-NYC reserved 1"));
        List<JsonNode> corrections = corrections();
        assertThat(corrections).noneMatch(c -> c.get("order_id").asText().equals("shopify:9000"));
        assertThat(corrections)
                .filteredOn(c -> c.get("order_id").asText().equals("shopify:9001"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.get("sku").asText()).isEqualTo("SKU-CA");
                    assertThat(c.get("targets").toString()).isEqualTo("[{\"location\":\"WH-EAST\",\"quantity\":1}]");
                });
    }

    @Test
    void aCorrectionThatARacingOrderMadeImpossibleIsKeptAndExplained() throws Exception {
        // WH-EAST has SKU-KA for one of the two orders only; both are held, and planned, before either correction
        // can come back (corrections are read committed, one checkpoint later).
        stock(Map.of("SKU-KA|STORE-NYC", 10L, "SKU-KA|WH-EAST", 2L, "SKU-KB|WH-EAST", 5L));

        Map<String, JsonNode> decided =
                decisions(List.of(order(9101, "SKU-KA", 2, "SKU-KB", 1), order(9102, "SKU-KA", 2, "SKU-KB", 1)));

        List<JsonNode> both = List.of(decided.get("shopify:9101"), decided.get("shopify:9102"));
        assertThat(both).allSatisfy(d -> assertThat(d.get("decision").asText()).isEqualTo("ALLOCATED"));
        assertThat(both)
                .filteredOn(d -> units(d).equals(List.of("SKU-KA 2@WH-EAST", "SKU-KB 1@WH-EAST")))
                .as("the order whose correction came first ships complete")
                .hasSize(1);
        assertThat(both)
                .filteredOn(d -> units(d).equals(List.of("SKU-KA 2@STORE-NYC", "SKU-KB 1@WH-EAST")))
                .as("the other keeps its holds")
                .singleElement()
                .satisfies(d -> assertThat(d.get("reason").asText())
                        .contains("Not corrected: SKU-KA stayed at STORE-NYC: WH-EAST had 0 of 2 free"));

        awaitReserved(Map.of("SKU-KA|STORE-NYC", 2L, "SKU-KA|WH-EAST", 2L, "SKU-KB|WH-EAST", 2L, "SKU-KA|*", 4L));
        assertThat(corrections())
                .filteredOn(c -> c.get("sku").asText().equals("SKU-KA"))
                .hasSize(2);
    }

    private static void stock(Map<String, Long> units) {
        List<String> movements = new ArrayList<>();
        units.forEach((key, quantity) -> {
            String[] skuAt = key.split("\\|");
            movements.add("{\"movement_id\": \"mv-" + key + "\", \"sku\": \"" + skuAt[0] + "\", \"location\": \""
                    + skuAt[1] + "\", \"type\": \"RECEIPT\", \"quantity\": " + quantity
                    + ", \"occurred_at\": \"2026-11-26T08:00:00Z\"}");
        });
        topics.produce(Topics.MOVEMENTS, movements);
        Map<String, Long> none = new LinkedHashMap<>();
        units.keySet().forEach(k -> none.put(k, 0L));
        awaitReserved(none);
    }

    private static String order(long id, String sku1, long quantity1, String sku2, long quantity2) {
        Map<String, Long> lines = new LinkedHashMap<>();
        lines.put(sku1, quantity1);
        lines.put(sku2, quantity2);
        return ShopifyOrders.placed(id, TIME, "NY", "10001", lines, "30.00");
    }

    /** Sends the orders in one batch and returns their decisions by order id. */
    private static Map<String, JsonNode> decisions(List<String> orders) {
        List<String> ids = orders.stream()
                .map(o -> "shopify:" + Fixtures.json(o).at("/payload/id").asText())
                .toList();
        topics.produce(Topics.ORDERS_RAW, orders);
        List<String> all = topics.readCommitted(
                Topics.ALLOCATIONS, r -> Fixtures.keyed(r, "order_id").keySet().containsAll(ids), WAIT);
        Map<String, JsonNode> byOrder = Fixtures.keyed(all, "order_id");
        assertThat(byOrder).containsKeys(ids.toArray(String[]::new));
        assertThat(all.stream()
                        .filter(a ->
                                ids.contains(Fixtures.json(a).get("order_id").asText())))
                .as("one decision per order")
                .hasSize(ids.size());
        return byOrder;
    }

    private static List<String> units(JsonNode decision) {
        List<String> units = new ArrayList<>();
        decision.get("allocations")
                .forEach(u -> units.add(u.get("sku").asText() + " "
                        + u.get("quantity").asLong() + "@" + u.get("location").asText()));
        units.sort(null);
        return units;
    }

    /** Waits until the latest availability of each {@code sku|location} has the reserved units given. */
    private static void awaitReserved(Map<String, Long> expected) {
        Map<String, Long> latest = new LinkedHashMap<>();
        topics.readCommitted(
                Topics.AVAILABILITY,
                records -> {
                    latest.clear();
                    Fixtures.finalAvailability(records)
                            .forEach((k, a) -> latest.put(k, a.get("reserved").asLong()));
                    return expected.entrySet().stream()
                            .allMatch(e -> e.getValue().equals(latest.get(e.getKey())));
                },
                WAIT);
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            assertThat(latest.get(e.getKey())).as("reserved at " + e.getKey()).isEqualTo(e.getValue());
        }
    }

    /** Every availability record as {@code sku|location reserved N}. */
    private static List<String> availability() {
        List<String> all = topics.readCommitted(Topics.AVAILABILITY, r -> false, Duration.ofSeconds(2));
        return all.stream()
                .map(Fixtures::json)
                .map(a -> a.get("sku").asText() + "|" + a.get("location").asText() + " reserved "
                        + a.get("reserved").asLong())
                .toList();
    }

    private static List<JsonNode> corrections() {
        return topics.readCommitted(Topics.ROUTING_CORRECTIONS, r -> false, Duration.ofSeconds(2)).stream()
                .map(Fixtures::json)
                .toList();
    }
}

package io.stockflow.flink.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.codec.OutputJson;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.ShopifyOrders;
import io.stockflow.testing.TestTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For the same input in the same arrival order, a bounded run decides as live routing does (docs/design/routing.md,
 * Bounded runs). Each seed makes a small scenario: three SKUs of its own stocked at random over the three locations of
 * rule set r1, then multi-line orders to the east, the west and the rest of the country, some of them large (one
 * shipment, no backorders), then a restock that fills backorders. Live, the inventory job runs on a real broker and
 * each order is sent only once the one before it is decided; the bounded run gets the same records as files would
 * give them. Every decision, fills included (order and revision), must be the same: status, units per SKU and
 * location, backordered units and reason.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ReplayMatchesLiveKafkaITCase {
    @RegisterExtension
    static final KafkaPipeline PIPELINE = new KafkaPipeline();

    private static final Path RULES = Fixtures.dir("routing").resolve("rules-v1.json");
    private static final String[] LOCATIONS = {"WH-EAST", "WH-WEST", "STORE-NYC"};
    private static final String[][] SHIP_TO = {{"NY", "10001"}, {"CA", "94105"}, {"TX", "73301"}};
    private static final Instant START = Instant.parse("2026-11-26T15:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static TestTopics topics;

    @BeforeAll
    static void start() throws Exception {
        topics = PIPELINE.topics(Topics.ALL).createAll(1);
        JobOptions options = new JobOptions();
        options.set(StockflowOptions.RULES, List.of(RULES.toString()));
        PIPELINE.start(topics, "inventory", options);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void aReplayDecidesEveryOrderAsLiveDoes(long seed) throws Exception {
        Scenario s = Scenario.random(seed);

        Map<String, String> replayed = new TreeMap<>();
        for (var a : new InventoryScenario()
                .ruleSets(Files.readString(RULES))
                .movements(s.stock.toArray(String[]::new))
                .movements(s.restock.toArray(String[]::new))
                .orders(s.orders.toArray(String[]::new))
                .run()
                .allocations()) {
            replayed.put(a.orderId + "#" + a.revision, comparable(Fixtures.json(OutputJson.allocation(a))));
        }

        topics.produce(Topics.MOVEMENTS, s.stock);
        awaitAvailability(s.stockedKeys());
        for (String order : s.orders) {
            topics.produce(Topics.ORDERS_RAW, List.of(order));
            String id = "shopify:" + Fixtures.json(order).at("/payload/id").asText();
            awaitDecisions(k -> k.containsKey(id + "#1"));
        }
        topics.produce(Topics.MOVEMENTS, s.restock);
        Map<String, String> live = awaitDecisions(k -> k.keySet().containsAll(replayed.keySet()));
        live.keySet().removeIf(k -> !s.orderIds().contains(k.substring(0, k.indexOf('#'))));

        assertThat(replayed.keySet())
                .as("seed %d: the orders' decisions", seed)
                .containsAll(s.orderIds().stream().map(id -> id + "#1").toList());
        assertThat(replayed)
                .as("seed %d: replayed decisions against live ones", seed)
                .isEqualTo(live);
    }

    /** What must agree: status, units, backordered units and reason (times and ids of the run left out). */
    static String comparable(JsonNode d) {
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

    /** Live decisions by {@code order#revision}, once {@code done} holds of them. */
    private static Map<String, String> awaitDecisions(java.util.function.Predicate<Map<String, String>> done) {
        Map<String, String> byKey = new TreeMap<>();
        topics.readCommitted(
                Topics.ALLOCATIONS,
                records -> {
                    byKey.clear();
                    for (String r : records) {
                        JsonNode d = Fixtures.json(r);
                        byKey.put(
                                d.get("order_id").asText() + "#"
                                        + d.path("revision").asInt(1),
                                comparable(d));
                    }
                    return done.test(byKey);
                },
                WAIT);
        assertThat(done.test(byKey))
                .as("live decisions in time: %s", byKey.keySet())
                .isTrue();
        return byKey;
    }

    private static void awaitAvailability(List<String> keys) {
        List<String> seen = new ArrayList<>();
        topics.readCommitted(
                Topics.AVAILABILITY,
                records -> {
                    seen.clear();
                    seen.addAll(Fixtures.finalAvailability(records).keySet());
                    return seen.containsAll(keys);
                },
                WAIT);
        assertThat(seen).containsAll(keys);
    }

    /** One seed's records, in arrival order. */
    private record Scenario(List<String> stock, List<String> orders, List<String> restock, long seed) {
        static Scenario random(long seed) {
            Random r = new Random(seed);
            String[] skus = {"P" + seed + "-A", "P" + seed + "-B", "P" + seed + "-C"};
            List<String> stock = new ArrayList<>();
            for (String sku : skus) {
                for (String location : LOCATIONS) {
                    int units = r.nextInt(5);
                    if (units > 0)
                        stock.add(InventoryScenario.receipt(
                                "mv-" + sku + "-" + location, sku, location, units, "2026-11-26T08:00:00Z"));
                }
            }
            List<String> orders = new ArrayList<>();
            int count = 6 + r.nextInt(4);
            for (int i = 0; i < count; i++) {
                Map<String, Long> lines = new LinkedHashMap<>();
                int lineCount = 1 + r.nextInt(3);
                for (int l = 0; l < lineCount; l++) lines.putIfAbsent(skus[r.nextInt(3)], 1L + r.nextInt(2));
                String[] to = SHIP_TO[r.nextInt(SHIP_TO.length)];
                String total = r.nextInt(4) == 0 ? "250.00" : "40.00";
                orders.add(ShopifyOrders.placed(
                        seed * 1000 + i, START.plusSeconds(60L * i).toString(), to[0], to[1], lines, total));
            }
            List<String> restock = new ArrayList<>();
            for (String sku : skus) {
                String location = LOCATIONS[r.nextInt(LOCATIONS.length)];
                restock.add(InventoryScenario.receipt(
                        "mv-restock-" + sku,
                        sku,
                        location,
                        2 + r.nextInt(3),
                        START.plusSeconds(3600).toString()));
            }
            return new Scenario(stock, orders, restock, seed);
        }

        List<String> orderIds() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) ids.add("shopify:" + (seed * 1000 + i));
            return ids;
        }

        List<String> stockedKeys() {
            return stock.stream()
                    .map(Fixtures::json)
                    .map(m -> m.get("sku").asText() + "|" + m.get("location").asText())
                    .toList();
        }
    }
}

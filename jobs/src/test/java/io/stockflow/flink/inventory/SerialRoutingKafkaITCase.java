package io.stockflow.flink.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.codec.OutputJson;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.RoutingMode;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.ShopifyOrders;
import io.stockflow.testing.TestFlink;
import io.stockflow.testing.TestTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Live routing in serial mode decides as a bounded replay does, whatever the pace of the orders and the checkpoint
 * interval (docs/design/routing.md, Serial routing): each seed's orders are sent all at once, with no waiting between
 * them, to a job checkpointing every 100 ms and to one checkpointing every 5 s, and every decision, backorder fills
 * included, equals the replay's: status, units, backorders, reason, and the explanation's ranking (with the capacity
 * left) and exclusions (with the days whose capacity was used up).
 *
 * <p>Rule set r1 with a small daily capacity at every location (WH-EAST and WH-WEST 2 shipments, STORE-NYC 1). Each
 * seed has three SKUs of its own, stocked thinly at random (contended), and three days of its own, with seven orders a
 * day of one to three lines; a restock of each SKU at the end fills backorders. Topics have one partition, so the
 * arrival order is the order the records are sent in; the opening stock is read before the orders are sent, the
 * restocks once the orders are decided.
 *
 * <p>The parallel mode, fed the same way, decides differently on these seeds (measured once with both intervals, not
 * asserted here since it depends on timing): of the 24 to 27 decisions of a seed, 19 to 23 differed from the
 * replay's, and 5 to 14 in status or units, not only in the explanation. Orders decided while a multi-line order's
 * correction or a capacity level was still on its way through Kafka routed around holds about to move and onto days
 * already full.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class SerialRoutingKafkaITCase {
    @RegisterExtension
    static final KafkaPipeline PIPELINE = new KafkaPipeline();

    private static final String[] LOCATIONS = {"WH-EAST", "WH-WEST", "STORE-NYC"};
    private static final Map<String, Long> CAPACITY = Map.of("WH-EAST", 2L, "WH-WEST", 2L, "STORE-NYC", 1L);
    private static final String[][] SHIP_TO = {{"NY", "10001"}, {"NJ", "07102"}, {"CA", "94105"}, {"TX", "73301"}};
    private static final Instant FIRST_DAY = Instant.parse("2026-12-01T00:00:00Z");
    private static final long[] SEEDS = {11, 12, 13};
    private static final int DAYS = 3;
    private static final int ORDERS_A_DAY = 7;
    private static Path rulesFile;
    private static String rules;

    @BeforeAll
    static void rules() throws Exception {
        ObjectNode doc = (ObjectNode)
                Fixtures.json(Files.readString(Fixtures.dir("routing").resolve("rules-v1.json")));
        for (JsonNode location : doc.withArray("locations")) {
            ((ObjectNode) location)
                    .put("daily_capacity", CAPACITY.get(location.get("id").asText()));
        }
        rules = doc.toString();
        rulesFile = Files.createTempFile("rules-capacity", ".json");
        Files.writeString(rulesFile, rules);
    }

    @ParameterizedTest(name = "checkpoint every {0} ms")
    @ValueSource(longs = {100, 5000})
    void ordersSentAllAtOnceAreDecidedAsTheReplayDecidesThem(long checkpointMillis) throws Exception {
        TestTopics topics = PIPELINE.topics(Topics.ALL).createAll(1);
        JobOptions options = new JobOptions()
                .set(StockflowOptions.RULES, List.of(rulesFile.toString()))
                .set(StockflowOptions.ROUTING_MODE, RoutingMode.SERIAL);
        Configuration conf = TestFlink.jobConfiguration(0);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(checkpointMillis));
        PIPELINE.start(topics, "inventory", options, conf, UnaryOperator.identity());

        for (long seed : SEEDS) {
            Scenario s = Scenario.random(seed);
            Map<String, String> replayed = replay(s);
            assertThat(replayed.values())
                    .as("seed %d: capacity binds (a location left out because its day is full)", seed)
                    .anyMatch(d -> d.contains("used up"));
            assertThat(replayed.values())
                    .as("seed %d: stock is contended (an order backordered)", seed)
                    .anyMatch(d -> d.startsWith("BACKORDERED") || d.startsWith("PARTIAL"));

            topics.produce(Topics.MOVEMENTS, s.stock);
            awaitAvailability(topics, s.stockedKeys());
            topics.produce(Topics.ORDERS_RAW, s.orders);
            awaitDecisions(topics, s, k -> k.keySet().containsAll(firstDecisions(s)));
            topics.produce(Topics.MOVEMENTS, s.restocks);
            Map<String, String> live = awaitDecisions(topics, s, k -> k.keySet().containsAll(replayed.keySet()));

            assertThat(replayed)
                    .as("seed %d, checkpoint every %d ms: replayed decisions against live ones", seed, checkpointMillis)
                    .isEqualTo(live);
        }
    }

    /** The replay's decisions by {@code order#revision}. */
    private static Map<String, String> replay(Scenario s) throws Exception {
        Map<String, String> replayed = new TreeMap<>();
        for (OrderAllocation a : new InventoryScenario()
                .ruleSets(rules)
                .movements(s.stock.toArray(String[]::new))
                .movements(s.restocks.toArray(String[]::new))
                .orders(s.orders.toArray(String[]::new))
                .run()
                .allocations()) {
            replayed.put(
                    a.orderId + "#" + a.revision,
                    ReplayMatchesLiveCapacityKafkaITCase.comparable(Fixtures.json(OutputJson.allocation(a))));
        }
        return replayed;
    }

    private static List<String> firstDecisions(Scenario s) {
        return s.orderIds().stream().map(id -> id + "#1").toList();
    }

    /** Live decisions of the seed's orders by {@code order#revision}, once {@code done} holds of them. */
    private static Map<String, String> awaitDecisions(
            TestTopics topics, Scenario s, Predicate<Map<String, String>> done) {
        Map<String, String> byKey = new TreeMap<>();
        topics.readCommitted(
                Topics.ALLOCATIONS,
                records -> {
                    byKey.clear();
                    for (String r : records) {
                        JsonNode d = Fixtures.json(r);
                        String order = d.get("order_id").asText();
                        if (!s.orderIds().contains(order)) continue;
                        byKey.put(
                                order + "#" + d.path("revision").asInt(1),
                                ReplayMatchesLiveCapacityKafkaITCase.comparable(d));
                    }
                    return done.test(byKey);
                },
                TestTopics.WAIT);
        assertThat(done.test(byKey))
                .as("live decisions in time: %s", byKey.keySet())
                .isTrue();
        return byKey;
    }

    private static void awaitAvailability(TestTopics topics, List<String> keys) {
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

    /** One seed's records in arrival order: the opening stock, the orders, the restocks. */
    private record Scenario(List<String> stock, List<String> orders, List<String> restocks, long seed) {
        static Scenario random(long seed) {
            Random r = new Random(seed);
            Instant first = FIRST_DAY.plus(4 * (seed - SEEDS[0]), ChronoUnit.DAYS);
            String[] skus = {"S" + seed + "-A", "S" + seed + "-B", "S" + seed + "-C"};
            List<String> stock = new ArrayList<>();
            for (String sku : skus) {
                for (String location : LOCATIONS) {
                    int units = r.nextInt(5);
                    if (units > 0)
                        stock.add(InventoryScenario.receipt(
                                "mv-" + sku + "-" + location, sku, location, units, first.toString()));
                }
            }
            List<String> orders = new ArrayList<>();
            int n = 0;
            for (int day = 0; day < DAYS; day++) {
                Instant start = first.plus(day, ChronoUnit.DAYS);
                List<Integer> minutes = new ArrayList<>();
                while (minutes.size() < ORDERS_A_DAY) {
                    int m = 1 + r.nextInt(24 * 60 - 2);
                    if (!minutes.contains(m)) minutes.add(m);
                }
                minutes.sort(null);
                for (int m : minutes) {
                    Map<String, Long> lines = new LinkedHashMap<>();
                    int lineCount = 1 + r.nextInt(3);
                    for (int l = 0; l < lineCount; l++) lines.putIfAbsent(skus[r.nextInt(3)], 1L + r.nextInt(2));
                    String[] to = SHIP_TO[r.nextInt(SHIP_TO.length)];
                    String total = r.nextInt(5) == 0 ? "250.00" : "40.00";
                    Instant time = start.plus(m, ChronoUnit.MINUTES);
                    orders.add(ShopifyOrders.placed(seed * 1000 + n++, time.toString(), to[0], to[1], lines, total));
                }
            }
            List<String> restocks = new ArrayList<>();
            Instant end = first.plus(DAYS, ChronoUnit.DAYS);
            for (String sku : skus) {
                restocks.add(InventoryScenario.receipt(
                        "mv-restock-" + sku,
                        sku,
                        LOCATIONS[r.nextInt(LOCATIONS.length)],
                        2 + r.nextInt(3),
                        end.toString()));
                end = end.plus(1, ChronoUnit.MINUTES);
            }
            return new Scenario(stock, orders, restocks, seed);
        }

        List<String> orderIds() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < DAYS * ORDERS_A_DAY; i++) ids.add("shopify:" + (seed * 1000 + i));
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

package io.stockflow.flink.inventory;

import static io.stockflow.flink.inventory.ReplayAgainstLive.awaitLive;
import static io.stockflow.flink.inventory.ReplayAgainstLive.awaitOpeningStock;
import static io.stockflow.flink.inventory.ReplayAgainstLive.byKey;
import static io.stockflow.flink.inventory.ReplayAgainstLive.replay;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.inventory.ContendedScenario.Step;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.testing.Fixtures;
import io.stockflow.testing.KafkaPipeline;
import io.stockflow.testing.ShopifyOrders;
import io.stockflow.testing.TestTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
        ContendedScenario s = scenario(seed);
        Map<String, String> replayed = byKey(replay(Files.readString(RULES), s), ReplayAgainstLive::outcome);

        topics.produce(Topics.MOVEMENTS, s.stock());
        awaitOpeningStock(topics, s);
        for (String order : s.orders()) {
            topics.produce(Topics.ORDERS_RAW, List.of(order));
            String id = "shopify:" + Fixtures.json(order).at("/payload/id").asText();
            awaitLive(topics, s, ReplayAgainstLive::outcome, k -> k.containsKey(id + "#1"));
        }
        topics.produce(Topics.MOVEMENTS, s.movements());
        Map<String, String> live =
                awaitLive(topics, s, ReplayAgainstLive::outcome, k -> k.keySet().containsAll(replayed.keySet()));

        assertThat(replayed.keySet()).as("seed %d: the orders' decisions", seed).containsAll(s.firstDecisions());
        assertThat(replayed)
                .as("seed %d: replayed decisions against live ones", seed)
                .isEqualTo(live);
    }

    /** One seed's records: the opening stock, six to nine orders a minute apart, then a restock of each SKU. */
    private static ContendedScenario scenario(long seed) {
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
        List<Step> steps = new ArrayList<>();
        int count = 6 + r.nextInt(4);
        for (int i = 0; i < count; i++) {
            Map<String, Long> lines = new LinkedHashMap<>();
            int lineCount = 1 + r.nextInt(3);
            for (int l = 0; l < lineCount; l++) lines.putIfAbsent(skus[r.nextInt(3)], 1L + r.nextInt(2));
            String[] to = SHIP_TO[r.nextInt(SHIP_TO.length)];
            String total = r.nextInt(4) == 0 ? "250.00" : "40.00";
            Instant time = START.plusSeconds(60L * i);
            steps.add(Step.order(
                    time, ShopifyOrders.placed(seed * 1000 + i, time.toString(), to[0], to[1], lines, total)));
        }
        Instant restock = START.plusSeconds(3600);
        for (String sku : skus) {
            String location = LOCATIONS[r.nextInt(LOCATIONS.length)];
            steps.add(Step.movement(
                    restock,
                    InventoryScenario.receipt(
                            "mv-restock-" + sku, sku, location, 2 + r.nextInt(3), restock.toString())));
        }
        return new ContendedScenario(seed, stock, steps);
    }
}

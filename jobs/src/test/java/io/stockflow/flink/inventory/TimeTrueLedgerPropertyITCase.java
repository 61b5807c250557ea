package io.stockflow.flink.inventory;

import static io.stockflow.flink.inventory.InventoryScenario.movement;
import static io.stockflow.flink.inventory.InventoryScenario.shipped;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.ledger.SkuLedger;
import io.stockflow.testing.ShopifyOrders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ledger does not depend on arrival order. Each seed makes a small history within the allowed lateness: receipts,
 * damages, adjustments and stock COUNTs at every position, orders (some cancelled, some shipped, a cancellation often
 * before its order in arrival), warehouse shipments, and returns to stock of shipped units (often before their
 * shipment in arrival: they come on another topic). The bounded run, which applies everything in event-time
 * order, is the oracle. The live topology then gets the same records the way partitioned topics deliver them: each
 * record on a random one of three partitions of its topic, each partition in event-time order, the partitions
 * interleaved at random (and the topics as the job's sources happen to read them). On-hand and reserved of every
 * position must end as the oracle's.
 *
 * <p>Orders reserve SKU-A at WH-1 and SKU-B at WH-2 only (FBA-1 is marketplace-held stock the shop never reserves),
 * with ample stock, so where an order is held does not depend on which order came first.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TimeTrueLedgerPropertyITCase {
    private static final Instant START = Instant.parse("2026-11-26T15:00:00Z");
    private static final int PARTITIONS = 3;
    private static final String[] SKUS = {"SKU-A", "SKU-B"};
    private static final Map<String, String> SHOP_LOCATION = Map.of("SKU-A", "WH-1", "SKU-B", "WH-2");

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 6).boxed();
    }

    /** A record of one topic at its event time, and which partition it went to. */
    private record Sent(String topic, long minute, String record, int partition) {}

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyArrivalAcrossTopicsAndPartitionsEndsInTheBoundedRunsLedger(long seed) throws Exception {
        Random random = new Random(seed);
        List<Sent> history = history(random);

        Map<String, String> oracle = ledger(run(history, InventorySettings.replay()));
        Map<String, String> live = ledger(run(arrival(history, random), new InventorySettings()));

        assertThat(oracle).as("every position has levels").hasSize(6);
        assertThat(live).as("seed %d", seed).isEqualTo(oracle);
    }

    private static List<Sent> history(Random random) {
        List<Sent> sent = new ArrayList<>();
        int m = 0;
        for (String sku : SKUS) {
            for (String location : List.of(SHOP_LOCATION.get(sku), "FBA-1")) {
                sent.add(movementAt("rcv-" + sku + location, sku, location, "RECEIPT", 200, 0));
                for (int i = 0; i < 6; i++) {
                    long minute = 1 + random.nextInt(40);
                    String id = "mv-" + sku + "-" + location + "-" + (m++);
                    switch (random.nextInt(4)) {
                        case 0 -> sent.add(movementAt(id, sku, location, "COUNT", 120 + random.nextInt(60), minute));
                        case 1 -> sent.add(movementAt(id, sku, location, "DAMAGED", 1 + random.nextInt(4), minute));
                        case 2 ->
                            sent.add(
                                    movementAt(id, sku, location, "ADJUSTMENT", random.nextBoolean() ? -3 : 5, minute));
                        default -> sent.add(movementAt(id, sku, location, "RECEIPT", 1 + random.nextInt(10), minute));
                    }
                }
            }
        }
        for (int o = 1; o <= 12; o++) {
            String sku = SKUS[random.nextInt(SKUS.length)];
            long quantity = 1 + random.nextInt(3);
            long placedAt = 1 + random.nextInt(35);
            String total = quantity * 10 + ".00";
            sent.add(new Sent(
                    "orders",
                    placedAt,
                    ShopifyOrders.placed(o, time(placedAt), "NY", "10001", sku, quantity, total),
                    0));
            int fate = random.nextInt(3);
            long later = placedAt + 1 + random.nextInt(5);
            if (fate == 0) {
                sent.add(new Sent(
                        "orders",
                        later,
                        ShopifyOrders.cancelled(o, time(placedAt), time(later), "NY", "10001", sku, quantity, total),
                        0));
            } else if (fate == 1) {
                sent.add(new Sent(
                        "fulfilments",
                        later,
                        shipped("ful-" + o, "shopify:" + o, SHOP_LOCATION.get(sku), sku, quantity, time(later)),
                        0));
                if (random.nextBoolean()) {
                    long returnedAt = later + 1 + random.nextInt(5);
                    long units = 1 + random.nextInt((int) quantity);
                    sent.add(new Sent(
                            "orders", returnedAt, ShopifyOrders.refunded(o, 900 + o, time(returnedAt), sku, units), 0));
                }
            }
        }
        List<Sent> placed = new ArrayList<>();
        for (Sent s : sent) placed.add(new Sent(s.topic, s.minute, s.record, random.nextInt(PARTITIONS)));
        return placed;
    }

    private static Sent movementAt(String id, String sku, String location, String type, long quantity, long minute) {
        return new Sent("movements", minute, movement(id, sku, location, type, quantity, time(minute)), 0);
    }

    /** Each topic's records as its partitions deliver them: each partition in event-time order, interleaved at random. */
    private static List<Sent> arrival(List<Sent> history, Random random) {
        List<Sent> result = new ArrayList<>();
        for (String topic : List.of("orders", "movements", "fulfilments")) {
            List<List<Sent>> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                int partition = p;
                partitions.add(new ArrayList<>(history.stream()
                        .filter(s -> s.topic.equals(topic) && s.partition == partition)
                        .sorted(Comparator.comparingLong(Sent::minute))
                        .toList()));
            }
            while (partitions.stream().anyMatch(p -> !p.isEmpty())) {
                List<Sent> next = partitions.get(random.nextInt(PARTITIONS));
                if (!next.isEmpty()) result.add(next.remove(0));
            }
        }
        return result;
    }

    private static InventoryScenario.Results run(List<Sent> records, InventorySettings settings) throws Exception {
        InventoryScenario scenario =
                new InventoryScenario().settings(settings.withMarketplaceLocation("amazon", "FBA-1"));
        for (Sent s : records) {
            switch (s.topic) {
                case "orders" -> scenario.orders(s.record);
                case "movements" -> scenario.movements(s.record);
                default -> scenario.fulfilments(s.record);
            }
        }
        return scenario.run();
    }

    /** On-hand and reserved of every position (and each SKU's total) as last published. */
    private static Map<String, String> ledger(InventoryScenario.Results results) {
        Map<String, AvailabilityUpdate> last = new TreeMap<>();
        for (AvailabilityUpdate u : results.availability()) {
            last.merge(u.sku + "@" + u.location, u, (a, b) -> a.version >= b.version ? a : b);
        }
        Map<String, String> levels = new TreeMap<>();
        last.forEach((position, u) -> levels.put(position, "onHand=" + u.onHand + " reserved=" + u.reserved));
        assertThat(levels.keySet()).contains("SKU-A@" + SkuLedger.ALL_LOCATIONS, "SKU-B@" + SkuLedger.ALL_LOCATIONS);
        return levels;
    }

    private static String time(long minute) {
        return START.plusSeconds(minute * 60).toString();
    }
}

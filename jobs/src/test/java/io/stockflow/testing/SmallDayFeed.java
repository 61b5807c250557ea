package io.stockflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.flink.io.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The small fixture's day ({@code fixtures/small/}) fed through a test's {@link TestTopics} to a live inventory job,
 * and the ledger it must end with ({@code fixtures/small-expected/}).
 */
public final class SmallDayFeed {
    public static final Path INPUT = Fixtures.dir("small");
    public static final Path EXPECTED = Fixtures.dir("small-expected");

    private SmallDayFeed() {}

    /**
     * Feeds the day in the order a shop's day runs: stock first, then the orders one decision at a time (live, orders
     * racing for the same units are decided in arrival order), then the warehouse's shipment.
     */
    public static void feed(TestTopics topics) {
        feedStockAndOrders(topics, orders().size());
        feedShipment(topics);
    }

    /** The stock, then the first {@code count} (at least 5) orders, each batch once the one before it is decided. */
    public static void feedStockAndOrders(TestTopics topics, int count) {
        topics.produce(Topics.MOVEMENTS, Fixtures.lines(INPUT.resolve("inventory.movements.jsonl")));
        topics.awaitRecords(Topics.AVAILABILITY, 5);
        List<String> orders = orders();
        int[][] batches = {{0, 2}, {2, 3}, {3, 4}, {4, count}};
        for (int i = 0; i < batches.length; i++) {
            topics.produce(Topics.ORDERS_RAW, orders.subList(batches[i][0], batches[i][1]));
            topics.awaitRecords(Topics.ALLOCATIONS, i + 1);
        }
    }

    /** The warehouse's shipment of the day. */
    public static void feedShipment(TestTopics topics) {
        topics.produce(Topics.FULFILMENT, Fixtures.lines(INPUT.resolve("fulfilment.events.jsonl")));
    }

    /** The day's marketplace envelopes, in arrival order. */
    public static List<String> orders() {
        return Fixtures.lines(INPUT.resolve("orders.raw.jsonl"));
    }

    /**
     * Waits until the latest availability of every position read back equals the expected ledger; fails if it never
     * does. Returns the availability records read.
     */
    public static List<String> awaitExpectedLedger(TestTopics topics, Duration wait) {
        Map<String, JsonNode> expected =
                Fixtures.keyed(Fixtures.lines(EXPECTED.resolve("availability.jsonl")), "sku", "location");
        List<String> availability = topics.readCommitted(
                Topics.AVAILABILITY,
                records -> Fixtures.finalAvailability(records).equals(expected),
                wait);
        assertThat(Fixtures.finalAvailability(availability)).isEqualTo(expected);
        return availability;
    }
}

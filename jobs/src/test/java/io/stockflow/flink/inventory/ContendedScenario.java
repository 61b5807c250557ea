package io.stockflow.flink.inventory;

import io.stockflow.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

/**
 * One seed's records for a replay-against-live test, in arrival order: the opening stock, then the steps (orders and
 * movements). The seed's orders are Shopify orders numbered {@code seed * 1000 + i}, in the order of the steps.
 */
record ContendedScenario(long seed, List<String> stock, List<Step> steps) {
    /** An order or a movement, at its event time. */
    record Step(Instant time, String order, String movement) {
        static Step order(Instant time, String envelope) {
            return new Step(time, envelope, null);
        }

        static Step movement(Instant time, String record) {
            return new Step(time, null, record);
        }
    }

    List<String> orders() {
        return steps.stream().filter(s -> s.order != null).map(Step::order).toList();
    }

    List<String> movements() {
        return steps.stream()
                .filter(s -> s.movement != null)
                .map(Step::movement)
                .toList();
    }

    List<String> orderIds() {
        return LongStream.range(0, orders().size())
                .mapToObj(i -> "shopify:" + (seed * 1000 + i))
                .toList();
    }

    /** The first decision of each of the seed's orders, as {@code order#1}. */
    List<String> firstDecisions() {
        return orderIds().stream().map(id -> id + "#1").toList();
    }

    /** The positions the opening stock fills, as {@code sku|location}. */
    List<String> stockedKeys() {
        return stock.stream()
                .map(Fixtures::json)
                .map(m -> m.get("sku").asText() + "|" + m.get("location").asText())
                .toList();
    }
}

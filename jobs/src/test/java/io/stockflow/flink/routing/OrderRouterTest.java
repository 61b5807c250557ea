package io.stockflow.flink.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.ingest.OrderInput;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import io.stockflow.routing.CapacityLevel;
import io.stockflow.routing.Evaluation;
import io.stockflow.routing.Exclusion;
import io.stockflow.routing.RoutePlans;
import io.stockflow.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * The router in front of the order gate: which rule set version an order gets, live and in a replay, and which
 * locations the capacity levels read back leave out.
 */
class OrderRouterTest {
    private static final Path RULES = Fixtures.dir("routing");

    @Test
    void liveTheNewestVersionDecidesFromItsArrivalOn() throws Exception {
        try (var harness = harness(false)) {
            harness.processElement(order("o1", "2026-11-26T13:00:00Z"), 1);
            harness.processBroadcastElement(document("rules-v1.json"), 2);
            harness.processElement(order("o2", "2026-11-26T13:00:00Z"), 3);
            harness.processBroadcastElement(document("rules-v2.json"), 4);
            // Live, arrival decides, not the order's event time (which lies before r2's effective_from here).
            harness.processElement(order("o3", "2026-11-26T10:00:00Z"), 5);

            List<OrderInput> out = harness.extractOutputValues();
            assertThat(out)
                    .extracting(i -> i.order.orderId + ":" + (i.route == null ? "built-in" : i.route.ruleSetVersion))
                    .containsExactly("o1:built-in", "o2:r1", "o3:r2");
            assertThat(out.get(2).route.candidates).first().isEqualTo("WH-WEST");
        }
    }

    @Test
    void inAReplayOrdersWaitForEveryRuleSetAndGetTheVersionInForceAtTheirEventTime() throws Exception {
        try (var harness = harness(true)) {
            harness.processElement(order("o1", "2026-11-26T11:00:00Z"), 1);
            harness.processElement(order("o2", "2026-11-26T13:00:00Z"), 2);
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(harness.extractOutputValues())
                    .as("the orders ended, the rule sets not yet")
                    .isEmpty();

            harness.processBroadcastElement(document("rules-v1.json"), 3);
            harness.processBroadcastElement(document("rules-v2.json"), 4);
            harness.processBroadcastWatermark(new Watermark(Long.MAX_VALUE));

            assertThat(harness.extractOutputValues())
                    .extracting(i -> i.order.orderId + ":" + i.route.ruleSetVersion)
                    .containsExactly("o1:r1", "o2:r2");
        }
    }

    @Test
    void liveALocationWhoseDailyCapacityIsUsedUpIsLeftOutUntilItsDayIsOver() throws Exception {
        try (var harness = harness(false)) {
            harness.processBroadcastElement(RoutingUpdate.ruleSet(westCapacity(5)), 1);
            harness.processBroadcastElement(level("WH-WEST", "2026-11-26", 4), 2);
            harness.processElement(order("o1", "2026-11-26T20:00:00Z"), 3);
            harness.processBroadcastElement(level("WH-WEST", "2026-11-26", 5), 4);
            harness.processElement(order("o2", "2026-11-26T20:01:00Z"), 5);
            // 2026-11-27 in Los Angeles: a new day with nothing planned.
            harness.processElement(order("o3", "2026-11-27T09:00:00Z"), 6);

            List<OrderInput> out = harness.extractOutputValues();
            assertThat(out)
                    .extracting(i -> i.order.orderId + ":" + i.route.candidates.get(0))
                    .containsExactly("o1:WH-WEST", "o2:WH-EAST", "o3:WH-WEST");
            Evaluation full = RoutePlans.evaluation(out.get(1).route);
            assertThat(full.excluded())
                    .extracting(Exclusion::location, Exclusion::why)
                    .contains(tuple("WH-WEST", "daily capacity of 5 used up on 2026-11-26"));
            assertThat(RoutePlans.evaluation(out.get(0).route)
                            .candidate("WH-WEST")
                            .capacityLeft())
                    .isEqualTo(1);
        }
    }

    @Test
    void levelsOfDaysLongPastAreForgotten() throws Exception {
        try (var harness = harness(false)) {
            harness.processBroadcastElement(level("WH-WEST", "2026-11-20", 5), 1);
            harness.processBroadcastElement(level("WH-EAST", "2026-11-24", 1), 2);
            harness.processBroadcastElement(level("WH-WEST", "2026-11-26", 2), 3);

            var planned = harness.getBroadcastState(OrderRouter.PLANNED_SHIPMENTS);
            assertThat(planned.immutableEntries())
                    .extracting(Map.Entry::getKey)
                    .containsExactlyInAnyOrder("WH-EAST|2026-11-24", "WH-WEST|2026-11-26");
        }
    }

    private static KeyedBroadcastOperatorTestHarness<String, OrderInput, RoutingUpdate, OrderInput> harness(
            boolean replay) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new OrderRouter(List.of(), replay),
                OrderInput::orderId,
                Types.STRING,
                OrderRouter.RULE_SETS,
                OrderRouter.PLANNED_SHIPMENTS);
    }

    private static RoutingUpdate document(String file) throws Exception {
        return RoutingUpdate.ruleSet(RuleSetDocuments.canonical(Files.readAllBytes(RULES.resolve(file))));
    }

    /** Rule set r2 (the west warehouse first) with a daily capacity at the west warehouse. */
    private static String westCapacity(long capacity) throws Exception {
        ObjectNode doc = (ObjectNode) Fixtures.json(Files.readString(RULES.resolve("rules-v2.json")));
        for (var location : doc.withArray("locations")) {
            if (location.get("id").asText().equals("WH-WEST")) ((ObjectNode) location).put("daily_capacity", capacity);
        }
        return RuleSetDocuments.canonical(doc.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static RoutingUpdate level(String location, String day, long planned) {
        CapacityLevel level = new CapacityLevel();
        level.location = location;
        level.day = LocalDate.parse(day).toEpochDay();
        level.planned = planned;
        level.version = planned;
        return RoutingUpdate.capacity(level);
    }

    private static OrderInput order(String id, String time) {
        OrderEvent e = new OrderEvent();
        e.orderId = id;
        e.eventId = id + ":placed";
        e.type = OrderEventType.PLACED;
        e.channel = "shopify";
        e.shipCountry = "US";
        e.shipRegion = "CA";
        e.shipPostcode = "94105";
        e.eventTime = Instant.parse(time).toEpochMilli();
        OrderLine line = new OrderLine();
        line.sku = "SKU-R";
        line.quantity = 1;
        e.lines.add(line);
        return OrderInput.of(e);
    }
}

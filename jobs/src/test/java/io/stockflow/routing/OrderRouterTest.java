package io.stockflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.ingest.OrderInput;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import io.stockflow.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The router in front of the order gate: which rule set version an order gets, live and in a replay. */
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
            assertThat(out).extracting(i -> i.order.orderId + ":" + (i.route == null ? "built-in" : i.route.ruleSetVersion))
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
            assertThat(harness.extractOutputValues()).as("the orders ended, the rule sets not yet").isEmpty();

            harness.processBroadcastElement(document("rules-v1.json"), 3);
            harness.processBroadcastElement(document("rules-v2.json"), 4);
            harness.processBroadcastWatermark(new Watermark(Long.MAX_VALUE));

            assertThat(harness.extractOutputValues())
                    .extracting(i -> i.order.orderId + ":" + i.route.ruleSetVersion).containsExactly("o1:r1", "o2:r2");
        }
    }

    private static KeyedBroadcastOperatorTestHarness<String, OrderInput, String, OrderInput> harness(boolean replay)
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(new OrderRouter(List.of(), replay),
                OrderInput::orderId, Types.STRING, OrderRouter.RULE_SETS);
    }

    private static String document(String file) throws Exception {
        return RuleSetDocuments.canonical(Files.readAllBytes(RULES.resolve(file)));
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

package io.stockflow.flink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ingest.OrderInput;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.RoutePlan;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The gate and orders a marketplace fulfils from its own stock (Amazon FBA), with and without a location for it. */
class MarketplaceFulfilledOrdersTest {
    private KeyedOneInputStreamOperatorTestHarness<String, OrderInput, LedgerCommand> harness;

    private void open(Map<String, String> marketplaceLocations) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new OrderGate(
                        Duration.ofDays(7),
                        Duration.ofDays(30),
                        Duration.ZERO,
                        new DecisionClock(true),
                        marketplaceLocations)),
                OrderInput::orderId,
                Types.STRING);
        harness.open();
    }

    @Test
    void withoutAMarketplaceLocationItsOrdersArePublishedAndMoveNoStock() throws Exception {
        open(Map.of());
        RoutePlan route = new RoutePlan();
        route.candidates.add("WH-EAST");
        OrderInput placed = OrderInput.of(amazon("e1", OrderEventType.PLACED, true, line("SKU-A", 2)));
        placed.route = route;
        send(placed);
        send(OrderInput.of(amazon("e2", OrderEventType.SHIPPED, true, line("SKU-A", 2))));
        send(OrderInput.of(refund("e3", true, true)));
        send(OrderInput.of(amazon("e4", OrderEventType.CANCELLED, true, line("SKU-A", 2))));

        assertThat(canonical()).extracting(e -> e.eventId).containsExactly("e1", "e2", "e3", "e4");
        assertThat(canonical()).allSatisfy(e -> assertThat(e.fulfilledBy).isEqualTo(OrderEvent.MARKETPLACE));
        assertThat(commands()).as("the shop's warehouses hold nothing for it").isEmpty();
        harness.close();
    }

    @Test
    void withAMarketplaceLocationItsOrdersMoveThatLocation() throws Exception {
        open(Map.of("amazon", "FBA-DE"));
        RoutePlan route = new RoutePlan();
        route.candidates.add("WH-EAST");
        OrderInput placed = OrderInput.of(amazon("e1", OrderEventType.PLACED, true, line("SKU-A", 2)));
        placed.route = route;
        send(placed);
        send(OrderInput.of(amazon("e2", OrderEventType.SHIPPED, true, line("SKU-A", 2))));
        send(OrderInput.of(amazon("e3", OrderEventType.SHIPPED, true, line("SKU-A", 2), line("SKU-B", 1))));
        send(OrderInput.of(refund("e4", true, true)));

        assertThat(commands())
                .extracting(c -> c.kind + " " + c.sku + " " + c.quantity + "@" + c.location + " route=" + c.route
                        + " restock=" + c.restock)
                .as("held at the marketplace's location whatever the rule set says; its units leave once")
                .containsExactly(
                        "RESERVE SKU-A 2@FBA-DE route=null restock=false",
                        "SHIP SKU-A 2@FBA-DE route=null restock=false",
                        "REFUND SKU-A 1@FBA-DE route=null restock=true");
        harness.close();
    }

    @Test
    void theShopsOwnOrdersOnTheSameChannelAreUntouched() throws Exception {
        open(Map.of("amazon", "FBA-DE"));
        send(OrderInput.of(amazon("e1", OrderEventType.PLACED, false, line("SKU-A", 2))));
        send(OrderInput.of(amazon("e2", OrderEventType.SHIPPED, false, line("SKU-A", 2))));
        send(OrderInput.of(refund("e3", false, true)));

        assertThat(commands())
                .extracting(c -> c.kind + " " + c.sku + " " + c.quantity + "@" + c.location)
                .as("placed anywhere but FBA-DE (the ledger's choice); shipped by the warehouse, not the marketplace")
                .containsExactly("RESERVE SKU-A 2@null", "REFUND SKU-A 1@null");
        harness.close();
    }

    private void send(OrderInput input) throws Exception {
        harness.processElement(new StreamRecord<>(input, input.eventTime()));
    }

    private List<LedgerCommand> commands() {
        return harness.extractOutputValues();
    }

    private List<OrderEvent> canonical() {
        var records = harness.getSideOutput(OrderGate.CANONICAL);
        return records == null
                ? List.of()
                : records.stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }

    private static OrderLine line(String sku, long quantity) {
        return new OrderLine(sku, quantity, null);
    }

    private static OrderEvent amazon(String eventId, OrderEventType type, boolean byAmazon, OrderLine... lines) {
        OrderEvent e = new OrderEvent();
        e.eventId = eventId;
        e.orderId = "amazon:028-3917462-5510738";
        e.channel = "amazon";
        e.type = type;
        e.eventTime = 1000;
        e.fulfilledBy = byAmazon ? OrderEvent.MARKETPLACE : null;
        e.lines.addAll(List.of(lines));
        return e;
    }

    private static OrderEvent refund(String eventId, boolean byAmazon, boolean restock) {
        return amazon(eventId, OrderEventType.REFUNDED, byAmazon, OrderLine.refund("SKU-A", 1, restock, null));
    }
}

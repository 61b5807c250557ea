package io.stockflow.flink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.allocation.Decision;
import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ingest.OrderInput;
import io.stockflow.ingest.OrderProgress;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.ledger.RoutePlan;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.FulfilmentType;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderGateTest {
    private KeyedOneInputStreamOperatorTestHarness<String, OrderInput, LedgerCommand> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new OrderGate(Duration.ofDays(7), Duration.ofDays(30), new DecisionClock(true))),
                OrderInput::orderId,
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void publishesARetriedDeliveryOnceAndReservesOnce() throws Exception {
        OrderEvent placed = order("e1", OrderEventType.PLACED, line("SKU-A", 2), line("SKU-B", 1));
        send(OrderInput.of(placed));
        send(OrderInput.of(placed));

        assertThat(canonical()).hasSize(1);
        assertThat(commands())
                .extracting(
                        c -> c.kind + " " + c.sku + " " + c.quantity + " decision=" + c.decision + "/" + c.lineCount)
                .containsExactly("RESERVE SKU-A 2 decision=true/2", "RESERVE SKU-B 1 decision=true/2");
    }

    @Test
    void anUpdateAdjustsWithoutANewDecisionAndReleasesRemovedSkus() throws Exception {
        send(OrderInput.of(order("e1", OrderEventType.PLACED, line("SKU-A", 2), line("SKU-B", 1))));
        harness.getOutput().clear();
        send(OrderInput.of(order("e2", OrderEventType.UPDATED, line("SKU-A", 3))));

        assertThat(commands())
                .extracting(c -> c.kind + " " + c.sku + " " + c.quantity + " decision=" + c.decision)
                .containsExactly("RESERVE SKU-A 3 decision=false", "RESERVE SKU-B 0 decision=false");
    }

    @Test
    void rejectsAPlacementThatArrivesAfterItsCancellation() throws Exception {
        send(OrderInput.of(order("e-cancel", OrderEventType.CANCELLED, line("SKU-A", 2))));
        send(OrderInput.of(order("e-place", OrderEventType.PLACED, line("SKU-A", 2))));

        assertThat(commands()).extracting(c -> c.kind + " " + c.sku).containsExactly("CANCEL SKU-A");
        List<OrderAllocation> rejected = values(harness.getSideOutput(OrderGate.REJECTED));
        assertThat(rejected).singleElement().satisfies(a -> {
            assertThat(a.decision).isEqualTo(Decision.REJECTED);
            assertThat(a.reason).contains("cancelled before it was placed");
        });
    }

    @Test
    void turnsAWarehouseShipmentIntoShipCommandsAndIgnoresMarketplaceShipments() throws Exception {
        send(OrderInput.of(order("e-mp-shipped", OrderEventType.SHIPPED, line("SKU-A", 2))));
        FulfilmentEvent shipped = new FulfilmentEvent();
        shipped.eventId = "ful-1";
        shipped.orderId = "shopify:1";
        shipped.location = "WH-EAST";
        shipped.type = FulfilmentType.SHIPPED;
        shipped.lines.add(line("SKU-A", 2));
        shipped.occurredAt = 5000;
        send(OrderInput.of(shipped));
        send(OrderInput.of(shipped));

        assertThat(commands())
                .extracting(c -> c.kind + " " + c.sku + " " + c.quantity + "@" + c.location)
                .containsExactly("SHIP SKU-A 2@WH-EAST");
    }

    @Test
    void onlyTheFirstLineOfARoutedReserveCarriesTheEvaluation() throws Exception {
        RoutePlan route = new RoutePlan();
        route.ruleSetVersion = "v1";
        route.candidates.addAll(List.of("WH-B", "WH-A"));
        route.evaluation = new byte[] {1, 2, 3};
        OrderInput placed = OrderInput.of(order("e1", OrderEventType.PLACED, line("SKU-B", 1), line("SKU-A", 2)));
        placed.route = route;
        send(placed);
        OrderInput updated = OrderInput.of(order("e2", OrderEventType.UPDATED, line("SKU-B", 2), line("SKU-A", 2)));
        updated.route = route;
        send(updated);

        assertThat(commands())
                .extracting(c -> c.sku + " decision=" + c.decision + " " + c.route.candidates + " evaluation="
                        + (c.route.evaluation != null))
                .containsExactly(
                        "SKU-B decision=true [WH-B, WH-A] evaluation=true",
                        "SKU-A decision=true [WH-B, WH-A] evaluation=false",
                        "SKU-B decision=false [WH-B, WH-A] evaluation=true",
                        "SKU-A decision=false [WH-B, WH-A] evaluation=false");
    }

    @Test
    void remembersTheLatestEventsOfAnOrderUpToItsBound() throws Exception {
        send(OrderInput.of(order("e0", OrderEventType.PLACED, line("SKU-A", 1))));
        for (int i = 1; i <= OrderProgress.MAX_EVENTS; i++) {
            send(OrderInput.of(order("e" + i, OrderEventType.UPDATED, line("SKU-A", 1 + i % 2))));
        }
        harness.getSideOutput(OrderGate.CANONICAL).clear();

        send(OrderInput.of(order("e" + OrderProgress.MAX_EVENTS, OrderEventType.UPDATED, line("SKU-A", 1))));
        send(OrderInput.of(order("e1", OrderEventType.UPDATED, line("SKU-A", 2))));
        assertThat(canonical())
                .as("the newest id is remembered, e1 is still among the last MAX_EVENTS")
                .isEmpty();

        send(OrderInput.of(order("e0", OrderEventType.PLACED, line("SKU-A", 1))));
        assertThat(canonical())
                .as("the oldest id was forgotten to keep the progress bounded")
                .extracting(e -> e.eventId)
                .containsExactly("e0");
    }

    @Test
    void recognisesRepeatsOfEventsTakenBeforeIdsMovedIntoTheProgress() throws Exception {
        OrderEvent placed = order("e1", OrderEventType.PLACED, line("SKU-A", 2));
        harness.getOperator().setCurrentKey(placed.orderId);
        KeyedStateStore store = harness.getOperator().getKeyedStateStore();
        store.getMapState(OrderGate.seenBeforeDescriptor(Duration.ofDays(7))).put("e1", Boolean.TRUE);
        OrderProgress restored = new OrderProgress();
        restored.decided = true;
        restored.skus.add("SKU-A");
        store.getState(OrderGate.progressDescriptor(Duration.ofDays(30))).update(restored);

        send(OrderInput.of(placed));
        send(OrderInput.of(order("e2", OrderEventType.UPDATED, line("SKU-A", 3))));
        send(OrderInput.of(order("e2", OrderEventType.UPDATED, line("SKU-A", 3))));

        assertThat(canonical()).extracting(e -> e.eventId).containsExactly("e2");
        assertThat(commands())
                .extracting(c -> c.kind + " " + c.sku + " " + c.quantity + " decision=" + c.decision)
                .containsExactly("RESERVE SKU-A 3 decision=false");
    }

    private void send(OrderInput input) throws Exception {
        harness.processElement(new StreamRecord<>(input, input.eventTime()));
    }

    private List<LedgerCommand> commands() {
        return harness.extractOutputValues();
    }

    private List<OrderEvent> canonical() {
        return values(harness.getSideOutput(OrderGate.CANONICAL));
    }

    private static <T> List<T> values(java.util.Collection<StreamRecord<T>> records) {
        return records == null
                ? List.of()
                : records.stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }

    private static OrderLine line(String sku, long quantity) {
        return new OrderLine(sku, quantity, "10.00");
    }

    private static OrderEvent order(String eventId, OrderEventType type, OrderLine... lines) {
        OrderEvent e = new OrderEvent();
        e.eventId = eventId;
        e.orderId = "shopify:1";
        e.channel = "shopify";
        e.type = type;
        e.eventTime = 1000;
        e.lines.addAll(List.of(lines));
        return e;
    }
}

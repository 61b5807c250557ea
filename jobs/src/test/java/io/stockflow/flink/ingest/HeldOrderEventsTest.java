package io.stockflow.flink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.allocation.OrderAllocation;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ingest.OrderInput;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.FulfilmentType;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An order's events arrive in any order when they come on different partitions and topics: a cancellation or a
 * warehouse shipment that overtakes the order's creation waits for it, within the allowed lateness, and they apply in
 * event-time order. A restocking refund that overtakes the shipment of its units waits for it the same way.
 */
class HeldOrderEventsTest {
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private KeyedOneInputStreamOperatorTestHarness<String, OrderInput, LedgerCommand> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new OrderGate(
                        Duration.ofDays(7),
                        Duration.ofDays(30),
                        Duration.ofHours(1),
                        new DecisionClock(true),
                        Map.of())),
                OrderInput::orderId,
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aCancellationThatOvertakesTheOrdersCreationIsAppliedAfterTheDecision() throws Exception {
        send(order("e-cancel", OrderEventType.CANCELLED, 2000));
        assertThat(commands()).isEmpty();

        send(order("e-place", OrderEventType.PLACED, 1000));

        assertThat(commands())
                .extracting(c -> c.kind + " " + c.sku + " decision=" + c.decision)
                .containsExactly("RESERVE SKU-A decision=true", "CANCEL SKU-A decision=false");
        assertThat(rejected()).isEmpty();
        assertThat(canonical()).extracting(e -> e.eventId).containsExactly("e-cancel", "e-place");
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aCreationYoungerThanItsCancellationIsRejectedAsInEventTimeOrder() throws Exception {
        send(order("e-cancel", OrderEventType.CANCELLED, 1000));
        send(order("e-place", OrderEventType.PLACED, 2000));

        assertThat(commands()).extracting(c -> c.kind + " " + c.sku).containsExactly("CANCEL SKU-A");
        assertThat(rejected())
                .singleElement()
                .satisfies(a -> assertThat(a.reason).contains("cancelled before it was placed"));
    }

    @Test
    void aCancellationWhoseCreationDoesNotComeWithinTheLatenessAppliesAlone() throws Exception {
        send(order("e-cancel", OrderEventType.CANCELLED, 2000));
        harness.processWatermark(2000 + HOUR - 1);
        assertThat(commands()).isEmpty();

        harness.processWatermark(2000 + HOUR);
        assertThat(commands()).extracting(c -> c.kind + " " + c.sku).containsExactly("CANCEL SKU-A");

        send(order("e-place", OrderEventType.PLACED, 1000));
        assertThat(rejected())
                .singleElement()
                .satisfies(a -> assertThat(a.reason).contains("cancelled before it was placed"));
        assertThat(commands()).hasSize(1);
    }

    @Test
    void aCancellationOfAPlacedOrderAppliesAtOnce() throws Exception {
        send(order("e-place", OrderEventType.PLACED, 1000));
        send(order("e-cancel", OrderEventType.CANCELLED, 2000));

        assertThat(commands()).extracting(c -> c.kind + " " + c.sku).containsExactly("RESERVE SKU-A", "CANCEL SKU-A");
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aShipmentThatOvertakesTheOrdersCreationIsAppliedAfterTheDecision() throws Exception {
        ship("ful-1", 2, 3000);
        assertThat(commands()).as("the shipment waits for its order").isEmpty();

        send(order("e-place", OrderEventType.PLACED, 1000));

        assertThat(commands())
                .extracting(c -> c.kind + " " + c.sku + " decision=" + c.decision)
                .containsExactly("RESERVE SKU-A decision=true", "SHIP SKU-A decision=false");
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aShipmentWhoseOrderDoesNotComeWithinTheLatenessAppliesAlone() throws Exception {
        ship("ful-1", 2, 3000);

        harness.processWatermark(3000 + HOUR);

        assertThat(commands())
                .extracting(c -> c.kind + " " + c.sku + "@" + c.location)
                .containsExactly("SHIP SKU-A@WH-EAST");
    }

    @Test
    void aRestockingRefundThatOvertakesItsShipmentIsAppliedAfterIt() throws Exception {
        send(order("e-place", OrderEventType.PLACED, 1000));
        send(refund("e-refund", 2, 5000));
        assertThat(commands())
                .as("the refund waits for its units to ship")
                .extracting(c -> c.kind + "")
                .containsExactly("RESERVE");

        ship("ful-1", 2, 3000);

        assertThat(commands())
                .extracting(c -> c.kind + " " + c.sku + " " + c.quantity)
                .containsExactly("RESERVE SKU-A 2", "SHIP SKU-A 2", "REFUND SKU-A 2");
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aRefundOfUnitsThatAlreadyShippedAppliesAtOnce() throws Exception {
        send(order("e-place", OrderEventType.PLACED, 1000));
        ship("ful-1", 2, 3000);
        send(refund("e-refund", 1, 5000));

        assertThat(commands()).extracting(c -> c.kind + "").containsExactly("RESERVE", "SHIP", "REFUND");
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aRefundStillWaitsWhileOnlyPartOfItsUnitsShipped() throws Exception {
        send(order("e-place", OrderEventType.PLACED, 1000));
        send(refund("e-refund", 2, 5000));
        ship("ful-1", 1, 3000);
        assertThat(commands()).extracting(c -> c.kind + "").containsExactly("RESERVE", "SHIP");

        ship("ful-2", 1, 4000);
        assertThat(commands()).extracting(c -> c.kind + "").containsExactly("RESERVE", "SHIP", "SHIP", "REFUND");
    }

    @Test
    void aRefundWhoseUnitsDoNotShipWithinTheLatenessAppliesAlone() throws Exception {
        send(order("e-place", OrderEventType.PLACED, 1000));
        send(refund("e-refund", 2, 5000));

        harness.processWatermark(5000 + HOUR - 1);
        assertThat(commands()).extracting(c -> c.kind + "").containsExactly("RESERVE");
        harness.processWatermark(5000 + HOUR);
        assertThat(commands()).extracting(c -> c.kind + "").containsExactly("RESERVE", "REFUND");
    }

    @Test
    void aRefundWithoutRestockAppliesAtOnce() throws Exception {
        send(order("e-place", OrderEventType.PLACED, 1000));
        OrderEvent refund = refund("e-refund", 2, 5000);
        refund.lines.get(0).restock = false;
        send(refund);

        assertThat(commands()).extracting(c -> c.kind + "").containsExactly("RESERVE", "REFUND");
    }

    private void ship(String eventId, long quantity, long occurredAt) throws Exception {
        FulfilmentEvent shipped = new FulfilmentEvent();
        shipped.eventId = eventId;
        shipped.orderId = "shopify:1";
        shipped.location = "WH-EAST";
        shipped.type = FulfilmentType.SHIPPED;
        shipped.lines.add(new OrderLine("SKU-A", quantity, "10.00"));
        shipped.occurredAt = occurredAt;
        harness.processElement(new StreamRecord<>(OrderInput.of(shipped), occurredAt));
    }

    private static OrderEvent refund(String eventId, long quantity, long eventTime) {
        OrderEvent e = order(eventId, OrderEventType.REFUNDED, eventTime);
        e.lines.clear();
        e.lines.add(OrderLine.refund("SKU-A", quantity, true, null));
        return e;
    }

    private void send(OrderEvent e) throws Exception {
        OrderInput input = OrderInput.of(e);
        harness.processElement(new StreamRecord<>(input, input.eventTime()));
    }

    private List<LedgerCommand> commands() {
        return harness.extractOutputValues();
    }

    private List<OrderEvent> canonical() {
        return values(harness.getSideOutput(OrderGate.CANONICAL));
    }

    private List<OrderAllocation> rejected() {
        return values(harness.getSideOutput(OrderGate.REJECTED));
    }

    private static <T> List<T> values(java.util.Collection<StreamRecord<T>> records) {
        return records == null
                ? List.of()
                : records.stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }

    private static OrderEvent order(String eventId, OrderEventType type, long eventTime) {
        OrderEvent e = new OrderEvent();
        e.eventId = eventId;
        e.orderId = "shopify:1";
        e.channel = "shopify";
        e.type = type;
        e.eventTime = eventTime;
        e.lines.add(new OrderLine("SKU-A", 2, "10.00"));
        return e;
    }
}

package io.stockflow.flink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.time.DecisionClock;
import io.stockflow.ingest.OrderInput;
import io.stockflow.ledger.LedgerCommand;
import io.stockflow.model.DeadLetter;
import io.stockflow.model.MarketplaceLine;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * eBay Post-Order returns at the per-order gate: each return's line takes its SKU from the order's own line, a
 * restockable return restocks once, and a return the gate cannot resolve goes to the dead letters with the reason.
 */
class EbayReturnsGateTest {
    private static final String MUG = "275946201384-10059876543210";
    private static final String COASTER = "275946201385-10059876543211";

    private KeyedOneInputStreamOperatorTestHarness<String, OrderInput, LedgerCommand> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aReturnTakesTheSkuOfTheOrdersLineAndRestocksWhereTheOrderShipped() throws Exception {
        send(placed());
        harness.getOutput().clear();

        send(returned("r1-received", "R1", MUG, 2, true));

        assertThat(commands())
                .extracting(
                        c -> c.kind + " " + c.sku + " " + c.quantity + " restock=" + c.restock + " at " + c.location)
                .containsExactly("REFUND MUG-WHT 2 restock=true at null");
        assertThat(canonical())
                .filteredOn(e -> e.type == OrderEventType.REFUNDED)
                .singleElement()
                .satisfies(e -> assertThat(e.lines).containsExactly(OrderLine.refund("MUG-WHT", 2, true, null)));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aLaterStateOfARestockedReturnMovesOnlyMoney() throws Exception {
        send(placed());
        send(returned("r1-received", "R1", MUG, 1, true));
        harness.getOutput().clear();

        send(returned("r1-closed", "R1", MUG, 1, true));

        assertThat(commands())
                .extracting(c -> c.sku + " restock=" + c.restock)
                .containsExactly("MUG-WHT restock=false");
    }

    @Test
    void aNotRestockableReturnMovesOnlyMoney() throws Exception {
        send(placed());
        harness.getOutput().clear();

        send(returned("r2-received", "R2", COASTER, 1, false));

        assertThat(commands())
                .extracting(c -> c.sku + " restock=" + c.restock)
                .containsExactly("COASTER-4PK restock=false");
    }

    @Test
    void aReturnOfAnOrderNeverSeenIsADeadLetterAndIsReadOnceTheOrderArrives() throws Exception {
        OrderEvent early = returned("r1-received", "R1", MUG, 1, true);
        send(early);

        assertThat(commands()).isEmpty();
        assertThat(canonical()).isEmpty();
        assertThat(deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.sourceTopic).isEqualTo("orders.raw");
            assertThat(d.error)
                    .isEqualTo("return R1 is for order 'ebay:04-11234-56789', which the ingest has not seen (or has"
                            + " forgotten, stockflow.orders.ttl after its last event): the SKU of line " + MUG
                            + " is unknown");
            assertThat(d.raw)
                    .isEqualTo("{\"source\":\"ebay\",\"kind\":\"return\",\"return_id\":\"R1\",\"order_id\":"
                            + "\"ebay:04-11234-56789\",\"status\":\"ITEM_DELIVERED\",\"lines\":[{\"line\":\"" + MUG
                            + "\",\"quantity\":1,\"restock\":true}]}");
        });

        send(placed());
        send(returned("r1-received", "R1", MUG, 1, true));

        assertThat(commands()).extracting(c -> c.kind + " " + c.sku).contains("REFUND MUG-WHT");
    }

    @Test
    void aReturnOfALineTheOrderDoesNotHaveIsADeadLetter() throws Exception {
        send(placed());
        harness.getOutput().clear();

        send(returned("r3-received", "R3", "275946201384-99", 1, true));

        assertThat(commands()).isEmpty();
        assertThat(deadLetters())
                .extracting(d -> d.error)
                .containsExactly("return R3 names line 275946201384-99 (itemId-transactionId), which order"
                        + " 'ebay:04-11234-56789' does not have (its lines: " + MUG + ", " + COASTER + ")");
    }

    @Test
    void aReturnOfMoreUnitsThanTheLineHadIsADeadLetter() throws Exception {
        send(placed());
        harness.getOutput().clear();

        send(returned("r4-received", "R4", MUG, 4, true));

        assertThat(commands()).isEmpty();
        assertThat(deadLetters())
                .extracting(d -> d.error)
                .containsExactly("return R4 gives back 4 units of line " + MUG + " (sku 'MUG-WHT'), which had only 3");
    }

    @Test
    void theOrdersLinesAndRestockedReturnsSurviveARestore() throws Exception {
        send(placed());
        send(returned("r1-received", "R1", MUG, 1, true));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = harness();
        harness.initializeState(snapshot);
        harness.open();
        send(returned("r1-closed", "R1", MUG, 1, true));
        send(returned("r2-received", "R2", COASTER, 2, true));

        assertThat(commands())
                .extracting(c -> c.sku + " restock=" + c.restock)
                .containsExactly("MUG-WHT restock=false", "COASTER-4PK restock=true");
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, OrderInput, LedgerCommand> harness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new OrderGate(Duration.ofDays(7), Duration.ofDays(30), new DecisionClock(true))),
                OrderInput::orderId,
                Types.STRING);
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

    private List<DeadLetter> deadLetters() {
        return values(harness.getSideOutput(OrderGate.DEAD_LETTERS));
    }

    private static <T> List<T> values(Collection<StreamRecord<T>> records) {
        return records == null
                ? List.of()
                : records.stream().map(StreamRecord::getValue).toList();
    }

    /** The order as the ingest reads it: two line items, each also a marketplace line. */
    private static OrderEvent placed() {
        OrderEvent e = event("placed", OrderEventType.PLACED, "NOT_STARTED");
        e.lines.add(new OrderLine("MUG-WHT", 3, "19.99"));
        e.lines.add(new OrderLine("COASTER-4PK", 3, "3.33"));
        e.marketplaceLines.add(new MarketplaceLine(MUG, "MUG-WHT", 3));
        e.marketplaceLines.add(new MarketplaceLine(COASTER, "COASTER-4PK", 3));
        return e;
    }

    /** A return as the mapper reads it: one line named by the marketplace, without its SKU. */
    private static OrderEvent returned(String eventId, String returnId, String ref, long quantity, boolean restock) {
        OrderEvent e = event(eventId, OrderEventType.REFUNDED, "ITEM_DELIVERED");
        e.returnId = returnId;
        e.lines.add(OrderLine.refund(null, quantity, restock, null));
        e.marketplaceLines.add(new MarketplaceLine(ref, null, quantity));
        return e;
    }

    private static OrderEvent event(String eventId, OrderEventType type, String status) {
        OrderEvent e = new OrderEvent();
        e.eventId = "ebay:04-11234-56789:" + eventId;
        e.orderId = "ebay:04-11234-56789";
        e.channel = "ebay";
        e.marketplaceOrderId = "04-11234-56789";
        e.type = type;
        e.status = status;
        e.eventTime = 1000;
        return e;
    }
}

package io.stockflow.flink.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.listing.Channel;
import io.stockflow.model.OrderLine;
import io.stockflow.shipments.OrderAction;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per order: each shipment and cancellation handed on once, with the order's channel and id, across a restore. */
class OrderActionsTest {
    KeyedOneInputStreamOperatorTestHarness<String, OrderAction, OrderAction> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness(null, EnumSet.allOf(Channel.class));
    }

    KeyedOneInputStreamOperatorTestHarness<String, OrderAction, OrderAction> harness(
            OperatorSubtaskState restore, EnumSet<Channel> configured) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new OrderActions(configured, Duration.ofDays(60), Duration.ofSeconds(30))),
                (OrderAction a) -> a.orderId,
                Types.STRING);
        if (restore != null) h.initializeState(restore);
        h.setProcessingTime(0);
        h.open();
        return h;
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static OrderAction order(String orderId) {
        OrderAction a = new OrderAction();
        a.kind = OrderAction.ORDER;
        a.orderId = orderId;
        a.channel = orderId.substring(0, orderId.indexOf(':'));
        a.marketplaceOrderId = orderId.substring(orderId.indexOf(':') + 1);
        return a;
    }

    static OrderAction shipped(String orderId, String eventId, String tracking) {
        OrderAction a = new OrderAction();
        a.kind = OrderAction.CONFIRM_SHIPMENT;
        a.orderId = orderId;
        a.shipmentId = eventId;
        a.carrier = "UPS";
        a.trackingCode = tracking;
        a.lines = List.of(new OrderLine("MUG-1", 2, null));
        return a;
    }

    static OrderAction rejected(String orderId) {
        OrderAction a = new OrderAction();
        a.kind = OrderAction.CANCEL_ORDER;
        a.orderId = orderId;
        a.reason = "nothing could be held";
        return a;
    }

    void send(OrderAction... actions) throws Exception {
        for (OrderAction a : actions) harness.processElement(new StreamRecord<>(a));
    }

    List<String> handedOn() {
        return harness.extractOutputValues().stream()
                .map(a -> a.kind + " " + a.channel + ":" + a.marketplaceOrderId + " "
                        + (a.shipmentId == null ? "" : a.shipmentId))
                .toList();
    }

    @Test
    void aShipmentGoesOutWithTheOrdersChannelAndIdThere() throws Exception {
        send(order("shopify:450789469"), shipped("shopify:450789469", "ful-1", "1Z1"));

        assertThat(handedOn()).containsExactly("CONFIRM_SHIPMENT shopify:450789469 ful-1");
    }

    @Test
    void aShipmentOrRejectionBeforeItsOrderWaitsForIt() throws Exception {
        send(shipped("ebay:12-34", "ful-1", "94001"), rejected("amazon:111-1"));
        assertThat(handedOn()).isEmpty();

        send(order("ebay:12-34"), order("amazon:111-1"));

        assertThat(handedOn()).containsExactly("CONFIRM_SHIPMENT ebay:12-34 ful-1", "CANCEL_ORDER amazon:111-1 ");
    }

    @Test
    void aRepeatedShipmentOrTheSameParcelUnderAnotherIdOrASecondRejectionSendsNothing() throws Exception {
        send(
                order("woocommerce:4711"),
                shipped("woocommerce:4711", "ful-1", "JD0140"),
                shipped("woocommerce:4711", "ful-1", "JD0140"),
                shipped("woocommerce:4711", "ful-1b", "JD0140"),
                shipped("woocommerce:4711", "ful-2", "JD0141"),
                rejected("woocommerce:4711"),
                rejected("woocommerce:4711"),
                order("woocommerce:4711"));

        assertThat(handedOn())
                .containsExactly(
                        "CONFIRM_SHIPMENT woocommerce:4711 ful-1",
                        "CONFIRM_SHIPMENT woocommerce:4711 ful-2",
                        "CANCEL_ORDER woocommerce:4711 ");
    }

    @Test
    void whatWasHandedOnAndWhatWaitsSurviveASnapshotAndRestore() throws Exception {
        send(order("shopify:1"), shipped("shopify:1", "ful-1", "1Z1"), shipped("shopify:2", "ful-2", "1Z2"));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = harness(snapshot, EnumSet.allOf(Channel.class));
        send(shipped("shopify:1", "ful-1", "1Z1"), order("shopify:2"));

        assertThat(handedOn()).containsExactly("CONFIRM_SHIPMENT shopify:2 ful-2");
    }

    @Test
    void anOrderOfAChannelWithoutAClientIsSentNowhere() throws Exception {
        harness.close();
        harness = harness(null, EnumSet.of(Channel.SHOPIFY));

        send(order("ebay:12-34"), shipped("ebay:12-34", "ful-1", "94001"));

        assertThat(handedOn()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    static OrderAction failed(String orderId, String shipmentId) {
        OrderAction a = new OrderAction();
        a.kind = OrderAction.FAILED;
        a.orderId = orderId;
        a.shipmentId = shipmentId;
        return a;
    }

    @Test
    void aCallReadBackAsFailedGoesAgainAfterAPauseThatDoubles() throws Exception {
        send(order("ebay:12-34"), shipped("ebay:12-34", "ful-1", "94001"), rejected("ebay:12-34"));
        send(failed("ebay:12-34", "ful-1"), failed("ebay:12-34", "ful-1")); // the same failure read twice

        harness.setProcessingTime(29_999);
        assertThat(handedOn()).hasSize(2);
        harness.setProcessingTime(30_000);
        assertThat(handedOn()).hasSize(3).last().isEqualTo("CONFIRM_SHIPMENT ebay:12-34 ful-1");

        send(failed("ebay:12-34", "ful-1"), failed("ebay:12-34", null));
        harness.setProcessingTime(60_000);
        assertThat(handedOn())
                .as("the cancellation's first pause is over")
                .hasSize(4)
                .last()
                .asString()
                .startsWith("CANCEL_ORDER");
        harness.setProcessingTime(90_000);
        assertThat(handedOn())
                .as("the shipment's second pause is twice the first")
                .hasSize(5)
                .last()
                .isEqualTo("CONFIRM_SHIPMENT ebay:12-34 ful-1");
    }
}

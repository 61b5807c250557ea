package io.stockflow.ingest;

import static io.stockflow.ingest.Fixtures.envelope;
import static io.stockflow.ingest.Fixtures.millis;
import static io.stockflow.ingest.Fixtures.payload;
import static io.stockflow.ingest.Fixtures.with;
import static io.stockflow.ingest.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Refunds and returns of Amazon, eBay and WooCommerce, read from payloads shaped as each marketplace documents them,
 * and Amazon's orders it fulfils itself.
 */
class ReturnsAndRefundsTest {
    private static final String SUMMARY = "/Payload/OrderChangeNotification/Summary";

    private final OrderEnvelopeParser parser = new OrderEnvelopeParser(IngestLimits.DEFAULTS);

    private OrderEvent parse(String source, String kind, ObjectNode payload) throws InvalidRecordException {
        return parser.parse(envelope(source, kind, payload));
    }

    @Test
    void anAmazonRefundEventIsARefundOfMoneyThatRestocksNothing() throws Exception {
        OrderEvent e = parse("amazon", "REFUND_EVENT", payload("amazon/refund-event.json"));

        assertThat(e.type).isEqualTo(OrderEventType.REFUNDED);
        assertThat(e.orderId).isEqualTo("amazon:302-5418201-9043561");
        assertThat(e.status).isEqualTo("Refunded");
        assertThat(e.eventTime).isEqualTo(millis("2026-12-02T14:31:07Z"));
        assertThat(e.currency).isEqualTo("EUR");
        assertThat(e.lines).containsExactly(OrderLine.refund("MUG-WHT", 2, false, null));
        assertThat(e.fulfilledBy).isNull();
        assertThat(e.eventId).matches("amazon:302-5418201-9043561:REFUND_EVENT:[0-9a-f]{16}");
    }

    @Test
    void aSellableFbaCustomerReturnRestocksAnOrderAmazonFulfilled() throws Exception {
        OrderEvent e = parse("amazon", "FBA_CUSTOMER_RETURN", payload("amazon/fba-customer-return.json"));

        assertThat(e.type).isEqualTo(OrderEventType.REFUNDED);
        assertThat(e.orderId).isEqualTo("amazon:028-3917462-5510738");
        assertThat(e.status).isEqualTo("Unit returned to inventory");
        assertThat(e.eventTime).isEqualTo(millis("2026-12-04T09:12:44Z"));
        assertThat(e.fulfilledBy).isEqualTo(OrderEvent.MARKETPLACE);
        assertThat(e.lines).containsExactly(OrderLine.refund("MUG-WHT", 1, true, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"DAMAGED", "CUSTOMER_DAMAGED", "DEFECTIVE", "CARRIER_DAMAGED", "DISTRIBUTOR_DAMAGED", "EXPIRED"})
    void anFbaReturnThatIsNotSellableDoesNotRestock(String disposition) throws Exception {
        ObjectNode row = with(payload("amazon/fba-customer-return.json"), "/detailed-disposition", disposition);

        assertThat(parse("amazon", "FBA_CUSTOMER_RETURN", row).lines)
                .containsExactly(OrderLine.refund("MUG-WHT", 1, false, null));
    }

    @Test
    void anFbaReturnWithoutStatusReadsAsReturned() throws Exception {
        ObjectNode row = without(payload("amazon/fba-customer-return.json"), "/status");

        assertThat(parse("amazon", "FBA_CUSTOMER_RETURN", row).status).isEqualTo("Returned");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"FulfillmentType, AFN, MARKETPLACE", "FulfillmentType, MFN, ''", "FulfillmentChannel, AFN, MARKETPLACE"
    })
    void anAmazonOrderSaysWhoFulfilsIt(String field, String value, String fulfilledBy) throws Exception {
        ObjectNode notification = without(payload("amazon/order-change.json"), SUMMARY + "/FulfillmentType");
        with(notification, SUMMARY + "/" + field, value);

        OrderEvent e = parse("amazon", "ORDER_CHANGE", notification);

        assertThat(e.fulfilledBy).isEqualTo(fulfilledBy.isEmpty() ? null : fulfilledBy);
        assertThat(e.type).isEqualTo(OrderEventType.PLACED);
    }

    @Test
    void anAmazonOrderThatNamesNoFulfilmentIsTheSellers() throws Exception {
        ObjectNode notification = without(payload("amazon/order-change.json"), SUMMARY + "/FulfillmentType");

        assertThat(parse("amazon", "ORDER_CHANGE", notification).fulfilledBy).isNull();
    }

    @Test
    void aPartlyRefundedEbayOrderIsARefundOfItsRefundedLines() throws Exception {
        OrderEvent e = parse("ebay", "order", payload("ebay/order-partially-refunded.json"));

        assertThat(e.type).isEqualTo(OrderEventType.REFUNDED);
        assertThat(e.status).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(e.eventTime).isEqualTo(millis("2026-12-05T16:20:03Z"));
        assertThat(e.lines).containsExactly(new OrderLine("MUG-WHT", 3, "19.99"));
        assertThat(e.lines.get(0).restock)
                .as("shipped: the order does not say the units came back")
                .isFalse();
    }

    @Test
    void aFullyRefundedEbayOrderRefundsEveryLine() throws Exception {
        ObjectNode order = with(payload("ebay/order-partially-refunded.json"), "/orderPaymentStatus", "FULLY_REFUNDED");

        OrderEvent e = parse("ebay", "order", order);

        assertThat(e.type).isEqualTo(OrderEventType.REFUNDED);
        assertThat(e.lines).extracting(l -> l.sku).containsExactly("MUG-WHT", "COASTER-4PK");
    }

    @Test
    void anEbayOrderRefundedBeforeItShippedReleasesItsUnits() throws Exception {
        ObjectNode order = with(payload("ebay/order-partially-refunded.json"), "/orderPaymentStatus", "FULLY_REFUNDED");
        with(order, "/orderFulfillmentStatus", "NOT_STARTED");

        assertThat(parse("ebay", "order", order).lines)
                .allSatisfy(l -> assertThat(l.restock).isTrue());
    }

    @Test
    void aCancelledEbayOrderStaysCancelledThoughItsMoneyWentBack() throws Exception {
        ObjectNode order = with(payload("ebay/order-partially-refunded.json"), "/orderPaymentStatus", "FULLY_REFUNDED");
        with(order, "/cancelStatus/cancelState", "CANCELED");

        assertThat(parse("ebay", "order", order).type).isEqualTo(OrderEventType.CANCELLED);
    }

    @Test
    void aWooCommerceRefundWithRestockRestocksItsLines() throws Exception {
        OrderEvent e = parse("woocommerce", "refund.created", payload("woocommerce/refund.json"));

        assertThat(e.type).isEqualTo(OrderEventType.REFUNDED);
        assertThat(e.orderId).isEqualTo("woocommerce:4711");
        assertThat(e.status).isEqualTo("refunded");
        assertThat(e.eventTime).isEqualTo(millis("2026-12-03T16:40:12Z"));
        assertThat(e.lines)
                .as("the refund's negative quantity counts by its size")
                .containsExactly(OrderLine.refund("MUG-WHT", 2, true, null));
    }

    @Test
    void aWooCommerceRefundWithoutRestockRestocksNothing() throws Exception {
        assertThat(parse(
                                "woocommerce",
                                "refund.created",
                                with(payload("woocommerce/refund.json"), "/restock_items", false))
                        .lines)
                .containsExactly(OrderLine.refund("MUG-WHT", 2, false, null));
        assertThat(parse("woocommerce", "refund.created", without(payload("woocommerce/refund.json"), "/restock_items"))
                        .lines)
                .containsExactly(OrderLine.refund("MUG-WHT", 2, false, null));
    }
}

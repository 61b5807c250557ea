package io.stockflow.ingest;

import static io.stockflow.ingest.Fixtures.envelope;
import static io.stockflow.ingest.Fixtures.millis;
import static io.stockflow.ingest.Fixtures.payload;
import static io.stockflow.ingest.Fixtures.with;
import static io.stockflow.ingest.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.model.MarketplaceLine;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** eBay Post-Order returns, read from a return summary shaped as the API documents it, and every way one is refused. */
class EbayReturnsTest {
    private final OrderEnvelopeParser parser = new OrderEnvelopeParser(IngestLimits.DEFAULTS);

    private OrderEvent parse(ObjectNode payload) throws InvalidRecordException {
        return parser.parse(envelope("ebay", "return", payload));
    }

    @Test
    void aReceivedRestockableReturnIsARefundOfTheLineItNamesThatRestocks() throws Exception {
        OrderEvent e = parse(payload("ebay/return-received.json"));

        assertThat(e.type).isEqualTo(OrderEventType.REFUNDED);
        assertThat(e.orderId).isEqualTo("ebay:04-11234-56789");
        assertThat(e.returnId).isEqualTo("5312847690");
        assertThat(e.status).isEqualTo("ITEM_DELIVERED");
        assertThat(e.eventTime).as("when the item came back").isEqualTo(millis("2026-12-05T09:30:12Z"));
        assertThat(e.currency).isEqualTo("USD");
        assertThat(e.marketplaceLines)
                .extracting(MarketplaceLine::toString)
                .containsExactly("275946201384-10059876543210=nullx2");
        assertThat(e.lines).singleElement().satisfies(line -> {
            assertThat(line.sku).as("the order's line gives it").isNull();
            assertThat(line.quantity).isEqualTo(2);
            assertThat(line.restock).isTrue();
            assertThat(line.location).as("where the order shipped from").isNull();
        });
        assertThat(e.eventId).matches("ebay:04-11234-56789:return:[0-9a-f]{16}");
    }

    @Test
    void aReceivedItemThatCannotBeSoldAgainMovesOnlyMoney() throws Exception {
        OrderEvent e = parse(with(payload("ebay/return-received.json"), "/itemReceipt/restockable", false));

        assertThat(e.type).isEqualTo(OrderEventType.REFUNDED);
        assertThat(e.lines)
                .singleElement()
                .satisfies(line -> assertThat(line.restock).isFalse());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"REFUND_INITIATED", "AUTO_REFUND_INITIATED", "PARTIAL_REFUND_INITIATED"})
    void aReturnRefundedWithoutTheItemMovesOnlyMoneyAtItsCreation(String state) throws Exception {
        ObjectNode refunded = without(payload("ebay/return-received.json"), "/itemReceipt");
        with(refunded, "/state", state);

        OrderEvent e = parse(refunded);

        assertThat(e.status).isEqualTo(state);
        assertThat(e.eventTime).isEqualTo(millis("2026-12-01T11:04:37Z"));
        assertThat(e.lines)
                .singleElement()
                .satisfies(line -> assertThat(line.restock).isFalse());
    }

    @Test
    void anEbayOrderKeepsEachLineItemAsTheLineReturnsName() throws Exception {
        OrderEvent e = parser.parse(envelope("ebay", "order", payload("ebay/order.json")));

        assertThat(e.marketplaceLines)
                .extracting(MarketplaceLine::toString)
                .containsExactly("275946201384-10059876543210=MUG-WHTx3", "275946201385-10059876543211=COASTER-4PKx3");
    }

    @Test
    void aReturnCarriesNoContactDetails() throws Exception {
        java.util.List<OrderContact> contacts = new java.util.ArrayList<>();
        parser.parse(envelope("ebay", "return", payload("ebay/return-received.json")), contacts::add);

        assertThat(contacts).isEmpty();
    }

    @Test
    void aReturnStillOnItsWayMovesNothingYetAndIsRefused() {
        ObjectNode shipped = without(payload("ebay/return-received.json"), "/itemReceipt");
        with(shipped, "/state", "ITEM_SHIPPED");

        assertThatThrownBy(() -> parse(shipped))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("return 5312847690 in state 'ITEM_SHIPPED' has neither come back to the seller (no"
                        + " 'payload.itemReceipt') nor been refunded: it moves nothing yet");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/returnId|missing field 'payload.returnId'",
                "/orderId|missing field 'payload.orderId'",
                "/state|missing field 'payload.state'",
                "/creationInfo|missing field 'payload.creationInfo'",
                "/creationInfo/item|missing field 'payload.creationInfo.item'",
                "/creationInfo/item/itemId|missing field 'payload.creationInfo.item.itemId'",
                "/creationInfo/item/transactionId|missing field 'payload.creationInfo.item.transactionId'",
                "/creationInfo/item/returnQuantity|missing field 'payload.creationInfo.item.returnQuantity'",
                "/itemReceipt/receivedDate|missing field 'payload.itemReceipt.receivedDate'",
                "/itemReceipt/restockable|missing field 'payload.itemReceipt.restockable'"
            })
    void aReturnWithoutARequiredFieldIsRefused(String pointer, String reason) {
        assertThatThrownBy(() -> parse(without(payload("ebay/return-received.json"), pointer)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage(reason);
    }

    @Test
    void aRefundedReturnWithoutItsCreationDateIsRefused() {
        ObjectNode refunded = without(payload("ebay/return-received.json"), "/itemReceipt");
        with(refunded, "/state", "REFUND_INITIATED");
        without(refunded, "/creationInfo/creationDate");

        assertThatThrownBy(() -> parse(refunded)).hasMessage("missing field 'payload.creationInfo.creationDate'");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/creationInfo/item/returnQuantity|0|field 'payload.creationInfo.item.returnQuantity' must be positive,"
                        + " got 0",
                "/creationInfo/item/returnQuantity|200000|field 'payload.creationInfo.item.returnQuantity' must be at"
                        + " most 100000, got 200000",
                "/itemReceipt/restockable|yes|field 'payload.itemReceipt.restockable' must be true or false, got \"yes\"",
                "/itemReceipt/receivedDate/value|last tuesday|field 'payload.itemReceipt.receivedDate.value' must be an"
                        + " ISO-8601 time with offset, got \"last tuesday\""
            })
    void aReturnWithABadValueIsRefused(String pointer, String value, String reason) {
        Object v = value.matches("[0-9]+") ? (Object) Long.parseLong(value) : value;

        assertThatThrownBy(() -> parse(with(payload("ebay/return-received.json"), pointer, v)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage(reason);
    }
}

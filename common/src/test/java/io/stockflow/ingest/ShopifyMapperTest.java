package io.stockflow.ingest;

import static io.stockflow.ingest.Fixtures.envelope;
import static io.stockflow.ingest.Fixtures.millis;
import static io.stockflow.ingest.Fixtures.payload;
import static io.stockflow.ingest.Fixtures.with;
import static io.stockflow.ingest.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.codec.OrderEventJson;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShopifyMapperTest {
    private final OrderEnvelopeParser parser = new OrderEnvelopeParser(IngestLimits.DEFAULTS);

    private OrderEvent parse(String kind, ObjectNode payload) throws InvalidRecordException {
        return parser.parse(envelope("shopify", kind, payload));
    }

    @Test
    void mapsOrdersCreateToAPlacedEventWithTheOrderAttributes() throws Exception {
        OrderEvent e = parse("orders/create", payload("shopify/order.json"));

        assertThat(e.type).isEqualTo(OrderEventType.PLACED);
        assertThat(e.channel).isEqualTo("shopify");
        assertThat(e.marketplaceOrderId).isEqualTo("5829373011234");
        assertThat(e.orderId).isEqualTo("shopify:5829373011234");
        assertThat(e.status).isEqualTo("paid/unfulfilled");
        assertThat(e.currency).isEqualTo("EUR");
        assertThat(e.total).isEqualTo("119.50");
        assertThat(e.shipCountry).isEqualTo("DE");
        assertThat(e.shipRegion).isEqualTo("BE");
        assertThat(e.shipPostcode).isEqualTo("10115");
        assertThat(e.shipAddressHash)
                .as("country, postcode and street, normalized")
                .isEqualTo(ContactHashes.UNKEYED.shipAddress("de", "10 115", "  invalidenstraße, 117."))
                .isEqualTo(ContactHashes.UNKEYED.shipAddress("DE", "10115", "Invalidenstraße 117"))
                .isNotEqualTo(ContactHashes.UNKEYED.shipAddress("DE", "10115", "Invalidenstraße 118"))
                .matches("[0-9a-f]{64}");
        assertThat(e.receivedAt).isEqualTo(millis("2026-11-26T10:20:00Z"));
        assertThat(e.shipBy).isNull();
        assertThat(e.deliverBy).isNull();
        assertThat(e.eventId).matches("shopify:5829373011234:orders/create:[0-9a-f]{16}");
    }

    @Test
    void convertsShopifyOffsetTimesToUtc() throws Exception {
        OrderEvent placed = parse("orders/create", payload("shopify/order.json"));
        OrderEvent updated = parse(
                "orders/updated", with(payload("shopify/order.json"), "/updated_at", "2026-11-26T04:30:00-08:00"));

        assertThat(placed.eventTime).isEqualTo(millis("2026-11-26T10:00:00Z"));
        assertThat(updated.eventTime).isEqualTo(millis("2026-11-26T12:30:00Z"));
    }

    @Test
    void mergesLineItemsOfTheSameSku() throws Exception {
        OrderEvent e = parse("orders/create", payload("shopify/order.json"));

        assertThat(e.lines)
                .containsExactly(new OrderLine("TSHIRT-BLK-M", 3, "29.90"), new OrderLine("MUG-WHT", 1, "19.90"));
    }

    @Test
    void averagesThePriceWhenMergedLinesWereSoldAtDifferentPrices() throws Exception {
        ObjectNode order = with(payload("shopify/order.json"), "/line_items/2/price", "23.90");

        OrderEvent e = parse("orders/create", order);

        assertThat(e.lines.get(0)).isEqualTo(new OrderLine("TSHIRT-BLK-M", 3, "27.90"));
    }

    @Test
    void hashesEmailAndPhoneAndNeverKeepsThemRaw() throws Exception {
        OrderEvent e = parse("orders/create", payload("shopify/order.json"));

        // SHA-256 of "jane.doe@example.com" (trimmed, lower-cased) and of the digits "49301234567"
        assertThat(e.customerEmailHash).isEqualTo("86e0b9e56c17cc4d12387e1949b85053fbe73bc3ce5a1188713a9d300cc6133d");
        assertThat(e.customerPhoneHash).isEqualTo("2f9fbc550b12cbc0e6242384cc472bd1e4f058a8b773f189f7acb86d202655ce");
        String json = OrderEventJson.write(e);
        assertThat(json).doesNotContainIgnoringCase("jane.doe").doesNotContain("1234567");
    }

    @Test
    void prefersTheOrderPhoneOverTheShippingAddressPhone() throws Exception {
        OrderEvent e = parse("orders/create", with(payload("shopify/order.json"), "/phone", "+1 555 010 0199"));

        assertThat(e.customerPhoneHash).isEqualTo(ContactHashes.UNKEYED.phone("15550100199"));
    }

    @Test
    void readsTheServiceLevelFromTheShippingLine() throws Exception {
        assertThat(parse("orders/create", payload("shopify/order.json")).serviceLevel)
                .isEqualTo("PRIORITY");

        ObjectNode standard = with(payload("shopify/order.json"), "/shipping_lines/0/code", "Standard");
        with(standard, "/shipping_lines/0/title", "Standard Shipping");
        assertThat(parse("orders/create", standard).serviceLevel).isEqualTo("STANDARD");

        ObjectNode none = without(payload("shopify/order.json"), "/shipping_lines/0");
        assertThat(parse("orders/create", none).serviceLevel).isEqualTo("STANDARD");
    }

    @Test
    void ordersUpdatedIsAnUpdateUntilCancelledAtIsSet() throws Exception {
        OrderEvent updated = parse("orders/updated", payload("shopify/order.json"));
        OrderEvent cancelled = parse("orders/updated", payload("shopify/order-cancelled.json"));

        assertThat(updated.type).isEqualTo(OrderEventType.UPDATED);
        assertThat(updated.eventTime).isEqualTo(millis("2026-11-26T10:00:04Z"));
        assertThat(cancelled.type).isEqualTo(OrderEventType.CANCELLED);
        assertThat(cancelled.status).isEqualTo("cancelled");
        assertThat(cancelled.eventTime).isEqualTo(millis("2026-11-26T13:30:05Z"));
    }

    @Test
    void ordersCancelledIsACancellationAtItsCancelledAtTime() throws Exception {
        OrderEvent e = parse("orders/cancelled", payload("shopify/order-cancelled.json"));

        assertThat(e.type).isEqualTo(OrderEventType.CANCELLED);
        assertThat(e.eventTime).isEqualTo(millis("2026-11-26T13:30:05Z"));
        // a cancelled order's current_quantity is 0 on every line; the cancellation releases whatever is held
        assertThat(e.lines).isEmpty();
    }

    @Test
    void countsTheCurrentQuantityAndLeavesOutLinesRemovedByAnOrderEdit() throws Exception {
        ObjectNode edited = with(payload("shopify/order.json"), "/line_items/1/current_quantity", 0);
        with(edited, "/line_items/0/current_quantity", 1);

        OrderEvent e = parse("orders/updated", edited);

        assertThat(e.lines).containsExactly(new OrderLine("TSHIRT-BLK-M", 2, "29.90"));
    }

    @Test
    void usesQuantityWhenThePayloadHasNoCurrentQuantity() throws Exception {
        ObjectNode older = without(payload("shopify/order.json"), "/line_items/1/current_quantity");
        with(older, "/line_items/1/quantity", 4);

        assertThat(parse("orders/create", older).lines).contains(new OrderLine("MUG-WHT", 4, "19.90"));
    }

    @Test
    void upperCasesTheCurrencyCode() throws Exception {
        assertThat(parse("orders/create", with(payload("shopify/order.json"), "/currency", "eur")).currency)
                .isEqualTo("EUR");
    }

    @Test
    void refundRestocksReturnedLinesAtTheirLocationAndKeepsNoRestockLinesOut() throws Exception {
        OrderEvent e = parse("refunds/create", payload("shopify/refund.json"));

        assertThat(e.type).isEqualTo(OrderEventType.REFUNDED);
        assertThat(e.orderId).isEqualTo("shopify:5829373011234");
        assertThat(e.eventTime).isEqualTo(millis("2026-12-02T14:12:44Z"));
        OrderLine shirts = OrderLine.refund("TSHIRT-BLK-M", 2, true, "6884556842");
        shirts.unitPrice = "29.90";
        OrderLine mug = OrderLine.refund("MUG-WHT", 1, false, null);
        mug.unitPrice = "19.90";
        assertThat(e.lines).containsExactly(shirts, mug);
    }

    @Test
    void refundRestocksForCancelAndLegacyRestockToo() throws Exception {
        ObjectNode refund = with(payload("shopify/refund.json"), "/refund_line_items/0/restock_type", "cancel");
        with(refund, "/refund_line_items/1/restock_type", "legacy_restock");
        with(refund, "/refund_line_items/2/restock_type", "cancel");

        OrderEvent e = parse("refunds/create", refund);

        assertThat(e.lines).allMatch(l -> l.restock);
    }

    @Test
    void keepsRefundLinesOfOneSkuApartWhenTheyRestockDifferently() throws Exception {
        ObjectNode refund = with(payload("shopify/refund.json"), "/refund_line_items/1/restock_type", "no_restock");

        OrderEvent e = parse("refunds/create", refund);

        assertThat(e.lines)
                .extracting(l -> l.sku + "x" + l.quantity + ":" + l.restock)
                .containsExactly("TSHIRT-BLK-Mx1:true", "TSHIRT-BLK-Mx1:false", "MUG-WHTx1:false");
    }

    @Test
    void fulfillmentBecomesShippedWithLocationCarrierAndTrackingNumber() throws Exception {
        OrderEvent e = parse("fulfillments/create", payload("shopify/fulfillment.json"));

        assertThat(e.type).isEqualTo(OrderEventType.SHIPPED);
        assertThat(e.orderId).isEqualTo("shopify:5829373011234");
        assertThat(e.eventTime).isEqualTo(millis("2026-11-27T07:45:10Z"));
        assertThat(e.shipLocation).isEqualTo("6884556842");
        assertThat(e.carrier).isEqualTo("DHL Express");
        assertThat(e.trackingCode).isEqualTo("1Z4V86070392761344");
        assertThat(e.lines)
                .containsExactly(new OrderLine("TSHIRT-BLK-M", 2, "29.90"), new OrderLine("MUG-WHT", 1, "19.90"));
    }

    @Test
    void retriedDeliveryGetsTheSameEventIdButItsOwnReceivedAt() throws Exception {
        ObjectNode order = payload("shopify/order.json");
        OrderEvent first = parser.parse(envelope("shopify", "orders/create", "2026-11-26T10:20:00Z", order));
        // The retry arrives later and re-indented: the same JSON, other bytes.
        String pretty = Fixtures.JSON
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(
                        Fixtures.JSON.readTree(envelope("shopify", "orders/create", "2026-11-26T10:35:00Z", order)));
        OrderEvent retry = parser.parse(pretty.getBytes(StandardCharsets.UTF_8));

        assertThat(retry.eventId).isEqualTo(first.eventId);
        assertThat(retry.receivedAt).isEqualTo(millis("2026-11-26T10:35:00Z"));
        assertThat(first.receivedAt).isEqualTo(millis("2026-11-26T10:20:00Z"));
    }

    @Test
    void givesDifferentEventIdsToDifferentPayloadsAndKinds() throws Exception {
        OrderEvent created = parse("orders/create", payload("shopify/order.json"));
        OrderEvent updated = parse("orders/updated", payload("shopify/order.json"));
        OrderEvent edited = parse(
                "orders/updated", with(payload("shopify/order.json"), "/updated_at", "2026-11-26T11:07:00+01:00"));

        assertThat(created.eventId).isNotEqualTo(updated.eventId);
        assertThat(updated.eventId).isNotEqualTo(edited.eventId);
    }
}

package io.stockflow.codec;

import static io.stockflow.ingest.Fixtures.envelope;
import static io.stockflow.ingest.Fixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockflow.ingest.IngestLimits;
import io.stockflow.ingest.OrderEnvelopeParser;
import io.stockflow.json.Instants;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderEventJsonTest {
    private static final String HASH = "86e0b9e56c17cc4d12387e1949b85053fbe73bc3ce5a1188713a9d300cc6133d";

    private static OrderEvent minimal() {
        OrderEvent e = new OrderEvent();
        e.eventId = "amazon:302-5418201-9043561:ORDER_CHANGE:0123456789abcdef";
        e.orderId = "amazon:302-5418201-9043561";
        e.channel = "amazon";
        e.marketplaceOrderId = "302-5418201-9043561";
        e.type = OrderEventType.PLACED;
        e.eventTime = Instants.parse("2026-11-26T10:15:58Z");
        e.receivedAt = Instants.parse("2026-11-26T10:20:00.250Z");
        e.lines = List.of(new OrderLine("MUG-WHT", 3, null));
        return e;
    }

    private static OrderEvent full() {
        OrderEvent e = minimal();
        e.type = OrderEventType.REFUNDED;
        e.status = "refunded";
        e.currency = "EUR";
        e.total = "119.50";
        e.shipCountry = "DE";
        e.shipRegion = "BE";
        e.shipPostcode = "10115";
        e.serviceLevel = "EXPEDITED";
        e.shipBy = Instants.parse("2026-11-27T22:59:59Z");
        e.deliverBy = Instants.parse("2026-12-01T22:59:59Z");
        OrderLine restocked = OrderLine.refund("TSHIRT-BLK-M", 2, true, "6884556842");
        restocked.unitPrice = "29.90";
        e.lines = List.of(restocked, OrderLine.refund("MUG-WHT", 1, false, null));
        e.shipLocation = "BER-1";
        e.carrier = "DHL";
        e.trackingCode = "00340434161094042557";
        e.customerEmailHash = HASH;
        e.customerPhoneHash = HASH;
        e.fulfilledBy = OrderEvent.MARKETPLACE;
        return e;
    }

    @Test
    void theBytesWrittenForKafkaAreTheTextInUtf8() {
        for (OrderEvent e : List.of(minimal(), full())) {
            assertThat(OrderEventJson.writeUtf8(e))
                    .isEqualTo(OrderEventJson.write(e).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void writesSnakeCaseFieldsWithUtcTimesAndLeavesNullsOut() {
        assertThat(OrderEventJson.write(minimal()))
                .isEqualTo("{\"event_id\":\"amazon:302-5418201-9043561:ORDER_CHANGE:"
                        + "0123456789abcdef\",\"order_id\":\"amazon:302-5418201-9043561\",\"channel\":\"amazon\","
                        + "\"marketplace_order_id\":\"302-5418201-9043561\",\"type\":\"PLACED\","
                        + "\"event_time\":\"2026-11-26T10:15:58Z\",\"received_at\":\"2026-11-26T10:20:00.250Z\","
                        + "\"lines\":[{\"sku\":\"MUG-WHT\",\"quantity\":3,\"restock\":false}]}");
    }

    @Test
    void writesEveryGroupWhenItHasValues() {
        String json = OrderEventJson.write(full());

        assertThat(json)
                .contains("\"ship_to\":{\"country\":\"DE\",\"region\":\"BE\",\"postcode\":\"10115\"}")
                .contains(
                        "\"shipment\":{\"location\":\"BER-1\",\"carrier\":\"DHL\",\"tracking_code\":\"00340434161094042557\"}")
                .contains("\"customer\":{\"email_hash\":\"" + HASH + "\",\"phone_hash\":\"" + HASH + "\"}")
                .contains("{\"sku\":\"TSHIRT-BLK-M\",\"quantity\":2,\"unit_price\":\"29.90\",\"restock\":true,"
                        + "\"location\":\"6884556842\"}")
                .contains("\"ship_by\":\"2026-11-27T22:59:59Z\"", "\"deliver_by\":\"2026-12-01T22:59:59Z\"")
                .contains("\"fulfilled_by\":\"MARKETPLACE\"");
    }

    @Test
    void readsBackEveryFieldItWrote() throws Exception {
        for (OrderEvent e : List.of(minimal(), full())) {
            OrderEvent read = OrderEventJson.read(OrderEventJson.write(e).getBytes(StandardCharsets.UTF_8));

            assertThat(read).usingRecursiveComparison().isEqualTo(e);
        }
    }

    @Test
    void writtenEventsValidateAgainstThePublishedSchema() {
        assertThat(CanonicalSchema.errors(OrderEventJson.write(minimal()))).isEmpty();
        assertThat(CanonicalSchema.errors(OrderEventJson.write(full()))).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "shopify, orders/create, shopify/order.json",
        "shopify, orders/updated, shopify/order.json",
        "shopify, orders/cancelled, shopify/order-cancelled.json",
        "shopify, refunds/create, shopify/refund.json",
        "shopify, fulfillments/create, shopify/fulfillment.json",
        "amazon, ORDER_CHANGE, amazon/order-change.json",
        "amazon, ORDER_CHANGE, amazon/order-change-canceled.json",
        "ebay, order, ebay/order.json",
        "ebay, order, ebay/order-cancelled.json",
        "woocommerce, order.created, woocommerce/order.json",
        "woocommerce, order.updated, woocommerce/order-refunded.json",
        "woocommerce, refund.created, woocommerce/refund.json",
        "amazon, REFUND_EVENT, amazon/refund-event.json",
        "amazon, FBA_CUSTOMER_RETURN, amazon/fba-customer-return.json",
        "ebay, order, ebay/order-partially-refunded.json"
    })
    void everyParsedFixtureWritesValidJsonThatReadsBackTheSame(String source, String kind, String fixture)
            throws Exception {
        OrderEvent e = new OrderEnvelopeParser(IngestLimits.DEFAULTS).parse(envelope(source, kind, payload(fixture)));

        String json = OrderEventJson.write(e);

        assertThat(CanonicalSchema.errors(json)).isEmpty();
        assertThat(OrderEventJson.read(json.getBytes(StandardCharsets.UTF_8)))
                .usingRecursiveComparison()
                .ignoringFields("marketplaceLines", "returnId") // the ingest's own, never published
                .isEqualTo(e);
        assertThat(json).doesNotContain("marketplace_lines").doesNotContain("10059876543210");
    }

    @Test
    void theSchemaRefusesWhatTheContractForbids() {
        String placedWithoutLines = OrderEventJson.write(minimal()).replaceFirst("\\[.*]", "[]");
        String localTime = OrderEventJson.write(minimal()).replace("2026-11-26T10:15:58Z", "2026-11-26T11:15:58+01:00");
        String zeroQuantity = OrderEventJson.write(minimal()).replace("\"quantity\":3", "\"quantity\":0");
        String rawEmail = OrderEventJson.write(full()).replace(HASH + "\",\"phone", "jane@example.com\",\"phone");

        assertThat(CanonicalSchema.errors(placedWithoutLines)).isNotEmpty();
        assertThat(CanonicalSchema.errors(localTime)).isNotEmpty();
        assertThat(CanonicalSchema.errors(zeroQuantity)).isNotEmpty();
        assertThat(CanonicalSchema.errors(rawEmail)).isNotEmpty();
    }

    @Test
    void readRefusesARecordWithoutItsRequiredFields() {
        String noEventId = OrderEventJson.write(minimal()).replace("\"event_id\"", "\"id\"");

        assertThatThrownBy(() -> OrderEventJson.read(noEventId.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("missing field 'event_id'");
    }
}

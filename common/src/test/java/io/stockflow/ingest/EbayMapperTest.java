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

class EbayMapperTest {
    private final OrderEnvelopeParser parser = new OrderEnvelopeParser(IngestLimits.DEFAULTS);

    private OrderEvent parse(ObjectNode payload) throws InvalidRecordException {
        return parser.parse(envelope("ebay", "order", payload));
    }

    @Test
    void mapsANotStartedOrderToAPlacedEvent() throws Exception {
        OrderEvent e = parse(payload("ebay/order.json"));

        assertThat(e.type).isEqualTo(OrderEventType.PLACED);
        assertThat(e.status).isEqualTo("NOT_STARTED");
        assertThat(e.orderId).isEqualTo("ebay:04-11234-56789");
        assertThat(e.currency).isEqualTo("USD");
        assertThat(e.total).isEqualTo("79.49");
        assertThat(e.shipCountry).isEqualTo("US");
        assertThat(e.shipRegion).isEqualTo("TX");
        assertThat(e.shipPostcode).isEqualTo("78701");
        assertThat(e.serviceLevel).isEqualTo("PRIORITY");
        assertThat(e.customerEmailHash).isEqualTo("bdf2bde74230a68c6ba6df98819f2c1edbc463677d42c0ec0f37a64091976314");
        assertThat(e.customerPhoneHash).isEqualTo("231f08ebf47239e170df6fd97ad1acfd3ad41c6677e1b4b47a83fd4ae54527ce");
    }

    @Test
    void dividesTheLineCostByTheQuantityForTheUnitPrice() throws Exception {
        OrderEvent e = parse(payload("ebay/order.json"));

        // 59.97 / 3 = 19.99; 10.00 / 3 = 3.333... rounds to 3.33
        assertThat(e.lines)
                .containsExactly(new OrderLine("MUG-WHT", 3, "19.99"), new OrderLine("COASTER-4PK", 3, "3.33"));
    }

    @Test
    void takesTheEarliestLineShipByDateAndTheInstructionDeliveryEstimate() throws Exception {
        OrderEvent e = parse(payload("ebay/order.json"));

        assertThat(e.shipBy).isEqualTo(millis("2026-11-27T07:59:59Z"));
        assertThat(e.deliverBy).isEqualTo(millis("2026-12-03T08:00:00Z"));
    }

    @Test
    void fallsBackToTheLatestLineDeliveryEstimate() throws Exception {
        ObjectNode order =
                without(payload("ebay/order.json"), "/fulfillmentStartInstructions/0/maxEstimatedDeliveryDate");
        with(
                order,
                "/lineItems/1/lineItemFulfillmentInstructions/maxEstimatedDeliveryDate",
                "2026-12-05T08:00:00.000Z");

        assertThat(parse(order).deliverBy).isEqualTo(millis("2026-12-05T08:00:00Z"));
    }

    @Test
    void takesTheEventTimeFromLastModifiedDateElseCreationDate() throws Exception {
        assertThat(parse(payload("ebay/order.json")).eventTime).isEqualTo(millis("2026-11-26T10:02:40Z"));

        ObjectNode unmodified = without(payload("ebay/order.json"), "/lastModifiedDate");
        assertThat(parse(unmodified).eventTime).isEqualTo(millis("2026-11-26T09:58:12Z"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"NOT_STARTED, PLACED", "IN_PROGRESS, UPDATED", "FULFILLED, SHIPPED"})
    void mapsTheFulfillmentStatusToTheEventType(String status, OrderEventType type) throws Exception {
        ObjectNode order = with(payload("ebay/order.json"), "/orderFulfillmentStatus", status);

        assertThat(parse(order).type).isEqualTo(type);
    }

    @Test
    void aCanceledCancelStateMakesACancellationWhateverTheFulfillmentStatus() throws Exception {
        OrderEvent e = parse(payload("ebay/order-cancelled.json"));

        assertThat(e.type).isEqualTo(OrderEventType.CANCELLED);
        assertThat(e.status).isEqualTo("CANCELED");
        assertThat(e.eventTime).isEqualTo(millis("2026-11-26T18:20:05Z"));
    }

    @Test
    void keepsGoingWithoutFulfillmentInstructions() throws Exception {
        ObjectNode digital = without(payload("ebay/order.json"), "/fulfillmentStartInstructions");

        OrderEvent e = parse(digital);

        assertThat(e.shipCountry).isNull();
        assertThat(e.serviceLevel).isEqualTo("STANDARD");
        assertThat(e.deliverBy).isEqualTo(millis("2026-12-03T08:00:00Z"));
    }
}

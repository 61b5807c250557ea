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

class AmazonMapperTest {
    private static final String SUMMARY = "/Payload/OrderChangeNotification/Summary";

    private final OrderEnvelopeParser parser = new OrderEnvelopeParser(IngestLimits.DEFAULTS);

    private OrderEvent parse(ObjectNode payload) throws InvalidRecordException {
        return parser.parse(envelope("amazon", "ORDER_CHANGE", payload));
    }

    @Test
    void mapsAnUnshippedOrderChangeToAPlacedEvent() throws Exception {
        OrderEvent e = parse(payload("amazon/order-change.json"));

        assertThat(e.type).isEqualTo(OrderEventType.PLACED);
        assertThat(e.status).isEqualTo("Unshipped");
        assertThat(e.orderId).isEqualTo("amazon:302-5418201-9043561");
        assertThat(e.marketplaceOrderId).isEqualTo("302-5418201-9043561");
        assertThat(e.shipCountry).isEqualTo("DE");
        assertThat(e.shipPostcode).isEqualTo("80331");
        assertThat(e.shipRegion).isNull();
        assertThat(e.shipAddressHash).as("no street without restricted data").isNull();
        assertThat(e.serviceLevel).isEqualTo("STANDARD");
        assertThat(e.shipBy).isEqualTo(millis("2026-11-27T22:59:59Z"));
        assertThat(e.deliverBy).isEqualTo(millis("2026-12-01T22:59:59Z"));
        assertThat(e.customerEmailHash).isNull();
        assertThat(e.eventId).matches("amazon:302-5418201-9043561:ORDER_CHANGE:[0-9a-f]{16}");
    }

    @Test
    void carriesNoPricesAndMergesItemsOfTheSameSku() throws Exception {
        OrderEvent e = parse(payload("amazon/order-change.json"));

        assertThat(e.currency).isNull();
        assertThat(e.total).isNull();
        assertThat(e.lines).containsExactly(new OrderLine("MUG-WHT", 3, null), new OrderLine("TSHIRT-BLK-M", 1, null));
    }

    @Test
    void takesTheEventTimeFromTheTimeOfOrderChange() throws Exception {
        assertThat(parse(payload("amazon/order-change.json")).eventTime).isEqualTo(millis("2026-11-26T10:15:58Z"));
    }

    @Test
    void fallsBackToTheNotificationEventTimeWithoutAChangeTrigger() throws Exception {
        ObjectNode payload =
                without(payload("amazon/order-change.json"), "/Payload/OrderChangeNotification/OrderChangeTrigger");

        assertThat(parse(payload).eventTime).isEqualTo(millis("2026-11-26T10:16:03.211Z"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Pending, PLACED",
        "Unshipped, PLACED",
        "PartiallyShipped, UPDATED",
        "Shipped, SHIPPED",
        "Canceled, CANCELLED"
    })
    void mapsOrderStatusToTheEventType(String status, OrderEventType type) throws Exception {
        ObjectNode payload = with(payload("amazon/order-change.json"), SUMMARY + "/OrderStatus", status);

        OrderEvent e = parse(payload);

        assertThat(e.type).isEqualTo(type);
        assertThat(e.status).isEqualTo(status);
    }

    @Test
    void mapsACanceledNotificationToACancellation() throws Exception {
        OrderEvent e = parse(payload("amazon/order-change-canceled.json"));

        assertThat(e.type).isEqualTo(OrderEventType.CANCELLED);
        assertThat(e.eventTime).isEqualTo(millis("2026-11-26T16:42:11Z"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ATVPDKIKX0DER, US",
        "A2EUQ1WTGCTBG2, CA",
        "A1AM78C64UM0Y8, MX",
        "A2Q3Y263D00KWC, BR",
        "A1F83G8C2ARO7P, GB",
        "A1PA6795UKMFR9, DE",
        "A13V1IB3VIYZZH, FR",
        "APJ6JRA9NG5V4, IT",
        "A1RKKUPIHCS9HS, ES",
        "A1805IZSGTT6HS, NL",
        "A2NODRKZP88ZB9, SE",
        "A1C3SOZRARQ6R3, PL",
        "A33AVAJ2PDY3EV, TR",
        "A21TJRUUN4KGV, IN",
        "A1VC38T7YXB528, JP",
        "A39IBJ37TRP1C6, AU",
        "A19VAU5U5O7RUS, SG",
        "A2VIGQ35RCS4UG, AE",
        "A17E79C6D8DWNP, SA",
        "ARBP9OOSHTCHU, EG",
        "AMEN7PMS3EDWL, BE"
    })
    void mapsTheMarketplaceIdToTheCountry(String marketplaceId, String country) throws Exception {
        ObjectNode payload = with(payload("amazon/order-change.json"), SUMMARY + "/MarketplaceId", marketplaceId);

        assertThat(parse(payload).shipCountry).isEqualTo(country);
    }

    @Test
    void leavesTheCountryUnknownForAMarketplaceNotInTheTable() throws Exception {
        ObjectNode payload = with(payload("amazon/order-change.json"), SUMMARY + "/MarketplaceId", "A9NEWMARKET00");

        assertThat(parse(payload).shipCountry).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Std DE Dom_1, STANDARD",
        "Std US D2D Dom, STANDARD",
        "Expedited, EXPEDITED",
        "Exp UK Dom_2, EXPEDITED",
        "SecondDay, EXPEDITED",
        "NextDay, PRIORITY",
        "Next US D2D Dom, PRIORITY",
        "Priority, PRIORITY",
        "SameDay, PRIORITY",
        "Scheduled, SCHEDULED",
        "FreeEconomy, STANDARD"
    })
    void normalizesTheShipServiceLevel(String shipServiceLevel, String level) throws Exception {
        ObjectNode payload = with(payload("amazon/order-change.json"), SUMMARY + "/ShipServiceLevel", shipServiceLevel);

        assertThat(parse(payload).serviceLevel).isEqualTo(level);
    }
}

package io.stockflow.ingest;

import static io.stockflow.ingest.Fixtures.envelope;
import static io.stockflow.ingest.Fixtures.millis;
import static io.stockflow.ingest.Fixtures.payload;
import static io.stockflow.ingest.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WooCommerceMapperTest {
    private final OrderEnvelopeParser parser = new OrderEnvelopeParser(IngestLimits.DEFAULTS);

    private OrderEvent parse(String kind, ObjectNode payload) throws InvalidRecordException {
        return parser.parse(envelope("woocommerce", kind, payload));
    }

    @Test
    void mapsOrderCreatedToAPlacedEvent() throws Exception {
        OrderEvent e = parse("order.created", payload("woocommerce/order.json"));

        assertThat(e.type).isEqualTo(OrderEventType.PLACED);
        assertThat(e.status).isEqualTo("processing");
        assertThat(e.orderId).isEqualTo("woocommerce:4711");
        assertThat(e.currency).isEqualTo("EUR");
        assertThat(e.total).isEqualTo("69.49");
        assertThat(e.shipCountry).isEqualTo("DE");
        assertThat(e.shipPostcode).isEqualTo("80331");
        assertThat(e.serviceLevel).isEqualTo("PRIORITY");
        assertThat(e.customerEmailHash).isEqualTo("672e1c08f734853d2dd855e24c92abcac68592de01314738ca54cbe6bae2bfad");
        assertThat(e.customerPhoneHash).isEqualTo("c0f8f0bebbbac96451ee8d8def84a02ae9e34c877775437cb9d458328315afa7");
    }

    @Test
    void readsZonelessGmtTimesAsUtcNotAsTheStoreLocalTime() throws Exception {
        OrderEvent created = parse("order.created", payload("woocommerce/order.json"));
        OrderEvent updated = parse("order.updated", payload("woocommerce/order.json"));

        // date_created is 11:15 store time (Berlin); date_created_gmt 10:15 is the UTC instant
        assertThat(created.eventTime).isEqualTo(millis("2026-11-26T10:15:00Z"));
        assertThat(updated.eventTime).isEqualTo(millis("2026-11-26T10:15:02Z"));
    }

    @Test
    void turnsTheNumericPriceIntoATwoDecimalString() throws Exception {
        OrderEvent e = parse("order.created", payload("woocommerce/order.json"));

        assertThat(e.lines)
                .containsExactly(
                        new OrderLine("CANDLE-LAV", 2, "19.50"),
                        new OrderLine("MATCHES-BOX", 1, "5.50"),
                        new OrderLine("WICK-TRIM", 3, "6.67"));
    }

    @Test
    void leavesBlankAddressFieldsOut() throws Exception {
        assertThat(parse("order.created", payload("woocommerce/order.json")).shipRegion)
                .isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "processing, UPDATED",
        "on-hold, UPDATED",
        "completed, UPDATED",
        "cancelled, CANCELLED",
        "refunded, REFUNDED"
    })
    void mapsTheStatusOfAnUpdateToTheEventType(String status, OrderEventType type) throws Exception {
        OrderEvent e = parse("order.updated", with(payload("woocommerce/order.json"), "/status", status));

        assertThat(e.type).isEqualTo(type);
        assertThat(e.status).isEqualTo(status);
    }

    @Test
    void aRefundedOrderRefundsItsLinesWithoutRestocking() throws Exception {
        OrderEvent e = parse("order.updated", payload("woocommerce/order-refunded.json"));

        assertThat(e.type).isEqualTo(OrderEventType.REFUNDED);
        assertThat(e.eventTime).isEqualTo(millis("2026-12-03T15:40:12Z"));
        assertThat(e.lines).extracting(l -> l.sku).containsExactly("CANDLE-LAV", "MATCHES-BOX", "WICK-TRIM");
        assertThat(e.lines).noneMatch(l -> l.restock);
    }

    @Test
    void acceptsAGmtTimeThatDoesCarryAnOffset() throws Exception {
        ObjectNode order = with(payload("woocommerce/order.json"), "/date_created_gmt", "2026-11-26T10:15:00Z");

        assertThat(parse("order.created", order).eventTime).isEqualTo(millis("2026-11-26T10:15:00Z"));
    }
}

package io.stockflow.ingest;

import static io.stockflow.ingest.Fixtures.json;
import static io.stockflow.ingest.Fixtures.millis;
import static io.stockflow.ingest.Fixtures.with;
import static io.stockflow.ingest.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.FulfilmentType;
import io.stockflow.model.OrderLine;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FulfilmentParserTest {
    private final FulfilmentParser parser = new FulfilmentParser(IngestLimits.DEFAULTS);

    private static ObjectNode shipped() {
        return (ObjectNode)
                json(
                        "{\"event_id\": \"wms-BER-1-88213\", \"order_id\": \"shopify:5829373011234\","
                                + " \"location\": \"BER-1\", \"type\": \"SHIPPED\","
                                + " \"lines\": [{\"sku\": \"TSHIRT-BLK-M\", \"quantity\": 2}, {\"sku\": \"MUG-WHT\", \"quantity\": 1},"
                                + " {\"sku\": \"TSHIRT-BLK-M\", \"quantity\": 1}],"
                                + " \"carrier\": \"DHL\", \"tracking_code\": \"00340434161094042557\", \"occurred_at\": \"2026-11-27T07:45:10Z\"}");
    }

    @Test
    void parsesAShipmentWithCarrierAndTrackingCodeAndMergesLinesOfOneSku() throws Exception {
        FulfilmentEvent f = parser.parse(Fixtures.bytes(shipped()));

        assertThat(f.eventId).isEqualTo("wms-BER-1-88213");
        assertThat(f.orderId).isEqualTo("shopify:5829373011234");
        assertThat(f.location).isEqualTo("BER-1");
        assertThat(f.type).isEqualTo(FulfilmentType.SHIPPED);
        assertThat(f.lines).containsExactly(new OrderLine("TSHIRT-BLK-M", 3, null), new OrderLine("MUG-WHT", 1, null));
        assertThat(f.carrier).isEqualTo("DHL");
        assertThat(f.trackingCode).isEqualTo("00340434161094042557");
        assertThat(f.occurredAt).isEqualTo(millis("2026-11-27T07:45:10Z"));
    }

    @Test
    void parsesAPickWithoutCarrierOrTrackingCode() throws Exception {
        ObjectNode picked = without(without(with(shipped(), "/type", "PICKED"), "/carrier"), "/tracking_code");

        FulfilmentEvent f = parser.parse(Fixtures.bytes(picked));

        assertThat(f.type).isEqualTo(FulfilmentType.PICKED);
        assertThat(f.carrier).isNull();
        assertThat(f.trackingCode).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void refusesWithTheExactReason(JsonNode record, String reason) {
        assertThatThrownBy(() -> parser.parse(Fixtures.bytes(record)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage(reason);
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                bad(
                        "no lines",
                        with(shipped(), "/lines", json("[]")),
                        "field 'lines' has no lines, and a SHIPPED fulfilment event needs at least one"),
                bad(
                        "no lines on a pick",
                        with(without(shipped(), "/lines"), "/type", "PICKED"),
                        "field 'lines' has no lines, and a PICKED fulfilment event needs at least one"),
                bad(
                        "zero quantity",
                        with(shipped(), "/lines/1/quantity", 0),
                        "field 'lines[1].quantity' must be positive, got 0"),
                bad(
                        "negative quantity on a pack",
                        with(with(shipped(), "/type", "PACKED"), "/lines/0/quantity", -1),
                        "field 'lines[0].quantity' must be positive, got -1"),
                bad("line without sku", without(shipped(), "/lines/2/sku"), "missing field 'lines[2].sku'"),
                bad(
                        "unknown type",
                        with(shipped(), "/type", "DELIVERED"),
                        "field 'type' must be one of PICKED, PACKED, SHIPPED, got \"DELIVERED\""),
                bad("missing order_id", without(shipped(), "/order_id"), "missing field 'order_id'"),
                bad("missing location", without(shipped(), "/location"), "missing field 'location'"),
                bad("missing event_id", without(shipped(), "/event_id"), "missing field 'event_id'"),
                bad(
                        "unparseable occurred_at",
                        with(shipped(), "/occurred_at", "tomorrow"),
                        "field 'occurred_at' must be an ISO-8601 time with offset, got \"tomorrow\""),
                bad(
                        "tracking code not a string",
                        with(shipped(), "/tracking_code", json("{\"code\": 1}")),
                        "field 'tracking_code' must be a string, got {\"code\":1}"));
    }

    private static Arguments bad(String name, JsonNode record, String reason) {
        return arguments(named(name, record), reason);
    }
}

package io.stockflow.ingest;

import static io.stockflow.ingest.Fixtures.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockflow.model.Movement;
import io.stockflow.model.MovementType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MovementParserTest {
    private final MovementParser parser = new MovementParser(IngestLimits.DEFAULTS);

    private static byte[] movement(String type, String quantity) {
        return ("{\"movement_id\": \"mv-20261126-0042\", \"sku\": \"MUG-WHT\", \"location\": \"BER-1\", \"type\": \""
                        + type + "\", \"quantity\": " + quantity + ", \"occurred_at\": \"2026-11-26T08:30:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parsesAMovementKeepingTheQuantityAsSent() throws Exception {
        Movement m = parser.parse(movement("DAMAGED", "3"));

        assertThat(m.movementId).isEqualTo("mv-20261126-0042");
        assertThat(m.sku).isEqualTo("MUG-WHT");
        assertThat(m.location).isEqualTo("BER-1");
        assertThat(m.type).isEqualTo(MovementType.DAMAGED);
        assertThat(m.quantity).isEqualTo(3);
        assertThat(m.occurredAt).isEqualTo(millis("2026-11-26T08:30:00Z"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "RECEIPT, 40",
        "TRANSFER_IN, 1",
        "RETURN_RESTOCK, 2",
        "TRANSFER_OUT, 5",
        "DAMAGED, 1",
        "ADJUSTMENT, -7",
        "ADJUSTMENT, 7",
        "COUNT, 0",
        "COUNT, 118",
        "RECEIPT, 100000",
        "ADJUSTMENT, -100000"
    })
    void acceptsQuantitiesTheTypeAllows(String type, long quantity) throws Exception {
        Movement m = parser.parse(movement(type, Long.toString(quantity)));

        assertThat(m.type).isEqualTo(MovementType.valueOf(type));
        assertThat(m.quantity).isEqualTo(quantity);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "RECEIPT|-4|RECEIPT quantity must be positive, got -4",
                "TRANSFER_IN|0|TRANSFER_IN quantity must be positive, got 0",
                "RETURN_RESTOCK|-1|RETURN_RESTOCK quantity must be positive, got -1",
                "TRANSFER_OUT|-5|TRANSFER_OUT quantity must be positive, got -5",
                "DAMAGED|0|DAMAGED quantity must be positive, got 0",
                "ADJUSTMENT|0|ADJUSTMENT quantity must not be zero, got 0",
                "COUNT|-1|COUNT quantity must not be negative, got -1",
                "RECEIPT|100001|field 'quantity' must be at most 100000 in absolute value, got 100001",
                "ADJUSTMENT|-100001|field 'quantity' must be at most 100000 in absolute value, got -100001",
                "RECEIPT|\"4\"|field 'quantity' must be an integer, got \"4\"",
                "RECEIPT|4.5|field 'quantity' must be an integer, got 4.5",
                "SOLD|4|field 'type' must be one of RECEIPT, ADJUSTMENT, COUNT, TRANSFER_OUT, TRANSFER_IN, "
                        + "RETURN_RESTOCK, DAMAGED, got \"SOLD\""
            })
    void refusesQuantitiesAndTypesThatDoNotFit(String type, String quantity, String reason) {
        assertThatThrownBy(() -> parser.parse(movement(type, quantity))).hasMessage(reason);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"sku\": \"A\", \"location\": \"L\", \"type\": \"RECEIPT\", \"quantity\": 1, \"occurred_at\": \"2026-11-26T08:30:00Z\"}"
                        + "|missing field 'movement_id'",
                "{\"movement_id\": \"m\", \"location\": \"L\", \"type\": \"RECEIPT\", \"quantity\": 1, \"occurred_at\": \"2026-11-26T08:30:00Z\"}"
                        + "|missing field 'sku'",
                "{\"movement_id\": \"m\", \"sku\": \"A\", \"type\": \"RECEIPT\", \"quantity\": 1, \"occurred_at\": \"2026-11-26T08:30:00Z\"}"
                        + "|missing field 'location'",
                "{\"movement_id\": \"m\", \"sku\": \"A\", \"location\": \"L\", \"quantity\": 1, \"occurred_at\": \"2026-11-26T08:30:00Z\"}"
                        + "|missing field 'type'",
                "{\"movement_id\": \"m\", \"sku\": \"A\", \"location\": \"L\", \"type\": \"RECEIPT\", \"occurred_at\": \"2026-11-26T08:30:00Z\"}"
                        + "|missing field 'quantity'",
                "{\"movement_id\": \"m\", \"sku\": \"A\", \"location\": \"L\", \"type\": \"RECEIPT\", \"quantity\": 1}"
                        + "|missing field 'occurred_at'",
                "{\"movement_id\": \"m\", \"sku\": \"A\", \"location\": \"L\", \"type\": \"RECEIPT\", \"quantity\": 1, \"occurred_at\": \"2026-11-26\"}"
                        + "|field 'occurred_at' must be an ISO-8601 time with offset, got \"2026-11-26\"",
                "[]|record is not a JSON object, got []"
            })
    void refusesRecordsWithMissingOrMalformedFields(String record, String reason) {
        assertThatThrownBy(() -> parser.parse(record.getBytes(StandardCharsets.UTF_8)))
                .hasMessage(reason);
    }
}

package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.ledger.AvailabilityUpdate;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AvailabilityParserTest {
    private final AvailabilityParser parser = new AvailabilityParser();

    @Test
    void readsWhatTheInventoryJobWrites() throws InvalidRecordException {
        AvailabilityUpdate u = parser.parse(("{\"sku\":\"SKU-1\",\"location\":\"*\",\"on_hand\":10,\"reserved\":3,"
                        + "\"safety_stock\":0,\"available\":7,\"version\":4,\"as_of\":\"2026-11-02T10:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(u.sku).isEqualTo("SKU-1");
        assertThat(u.location).isEqualTo("*");
        assertThat(u.available).isEqualTo(7);
        assertThat(u.version).isEqualTo(4);
        assertThat(u.asOf)
                .isEqualTo(java.time.Instant.parse("2026-11-02T10:00:00Z").toEpochMilli());
    }

    @Test
    void aBadRecordSaysWhichField() {
        assertThatThrownBy(() -> parser.parse(("{\"sku\":\"SKU-1\",\"location\":\"*\",\"on_hand\":\"ten\"}")
                        .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("on_hand");
    }
}

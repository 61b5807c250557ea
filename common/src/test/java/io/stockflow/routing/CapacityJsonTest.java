package io.stockflow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockflow.json.Instants;
import io.stockflow.json.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CapacityJsonTest {
    @Test
    void aLevelReadsBackAsWritten() throws Exception {
        CapacityLevel level = new CapacityLevel();
        level.location = "WH-EAST";
        level.day = LocalDate.of(2026, 11, 26).toEpochDay();
        level.planned = 41;
        level.capacity = 40L;
        level.version = 41;
        level.asOf = Instants.parse("2026-11-26T14:00:00Z");

        String json = CapacityJson.write(level);
        assertThat(json)
                .isEqualTo("{\"location\":\"WH-EAST\",\"day\":\"2026-11-26\",\"shipments_planned\":41,"
                        + "\"daily_capacity\":40,\"version\":41,\"as_of\":\"2026-11-26T14:00:00Z\"}");
        CapacityLevel back = CapacityJson.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(back).usingRecursiveComparison().isEqualTo(level);
        assertThat(back.key()).isEqualTo("WH-EAST|2026-11-26");
    }

    @Test
    void anUnlimitedLocationHasNoCapacityField() throws Exception {
        CapacityLevel level = new CapacityLevel();
        level.location = "STORE";
        level.planned = 3;
        level.version = 3;
        String json = CapacityJson.write(level);
        assertThat(json).doesNotContain("daily_capacity");
        assertThat(CapacityJson.parse(json.getBytes(StandardCharsets.UTF_8)).capacity)
                .isNull();
    }

    @Test
    void aBadRecordSaysWhichField() {
        assertThatThrownBy(() -> parse("{\"location\":\"A\",\"day\":\"26/11\",\"shipments_planned\":1,\"version\":1,"
                        + "\"as_of\":\"2026-11-26T14:00:00Z\"}"))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("day");
        assertThatThrownBy(() -> parse("{\"location\":\"A\",\"day\":\"2026-11-26\",\"shipments_planned\":-1,"
                        + "\"version\":1,\"as_of\":\"2026-11-26T14:00:00Z\"}"))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("shipments_planned");
        assertThatThrownBy(() -> parse("{\"day\":\"2026-11-26\"}"))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("location");
    }

    private static CapacityLevel parse(String json) throws InvalidRecordException {
        return CapacityJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}

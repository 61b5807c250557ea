package io.stockflow.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class InstantsTest {

    @Test
    void formatsUtcWithZAndMillisOnlyWhenPresent() {
        assertThat(Instants.format(1_795_688_100_000L)).isEqualTo("2026-11-26T10:15:00Z");
        assertThat(Instants.format(1_795_688_100_250L)).isEqualTo("2026-11-26T10:15:00.250Z");
    }

    @Test
    void honoursOffsets() {
        assertThat(Instants.parse("2026-11-26T11:15:00+01:00")).isEqualTo(Instants.parse("2026-11-26T10:15:00Z"));
        assertThat(Instants.parse("2026-11-26T02:15:00.000-08:00")).isEqualTo(Instants.parse("2026-11-26T10:15:00Z"));
    }

    @Test
    void refusesATimeWithoutOffsetUnlessAskedToAssumeUtc() {
        assertThatThrownBy(() -> Instants.parse("2026-11-26T10:15:00")).isInstanceOf(DateTimeParseException.class);
        assertThat(Instants.parseAssumingUtc("2026-11-26T10:15:00")).isEqualTo(Instants.parse("2026-11-26T10:15:00Z"));
        assertThat(Instants.parseAssumingUtc("2026-11-26T11:15:00+01:00"))
                .isEqualTo(Instants.parse("2026-11-26T10:15:00Z"));
    }
}

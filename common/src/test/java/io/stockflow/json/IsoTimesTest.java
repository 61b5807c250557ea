package io.stockflow.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimesTest {

    @Test
    void agreesWithTheFormatterOnRandomTimesOffsetsAndFractions() {
        Random random = new Random(7);
        String[] fractions = {"", ".5", ".25", ".250", ".123456", ".999999999"};
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 6_000_000_000L));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(-17 * 4, 17 * 4 + 1)) * 15 * 60);
            String text = OffsetDateTime.ofInstant(instant, offset)
                            .toLocalDateTime()
                            .format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"))
                    + fractions[random.nextInt(fractions.length)]
                    + (offset.getTotalSeconds() == 0 && random.nextBoolean()
                            ? "Z"
                            : offset.getId().replace("Z", "+00:00"));
            long expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
            assertThat(IsoTimes.epochMillis(text, false)).as(text).isEqualTo(expected);
            assertThat(Instants.parse(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void writesWhatInstantWrites() {
        Random random = new Random(11);
        long[] edges = {
            0,
            -1,
            1,
            999,
            1_000,
            -62_167_219_200_000L,
            -62_167_219_200_001L,
            253_402_300_799_999L,
            253_402_300_800_000L,
            Long.MAX_VALUE / 1_000,
            Long.MIN_VALUE / 1_000
        };
        for (long millis : edges) {
            assertThat(Instants.format(millis))
                    .isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
        for (int i = 0; i < 20_000; i++) {
            long millis = random.nextLong(-70_000_000_000_000L, 260_000_000_000_000L);
            if (random.nextBoolean()) millis -= Math.floorMod(millis, 1_000);
            assertThat(Instants.format(millis))
                    .isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
    }

    @Test
    void readsATimeWithoutOffsetAsUtcOnlyWhenAsked() {
        String text = "2026-02-28T23:59:59.5";
        long utc = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
        assertThat(IsoTimes.epochMillis(text, true)).isEqualTo(utc);
        assertThat(IsoTimes.epochMillis(text, false)).isEqualTo(IsoTimes.NOT_READ);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-11-26T24:00:00Z",
                "2026-11-26T10:60:00Z",
                "2026-11-26T10:00:60Z",
                "2026-11-26 10:00:00Z",
                "2026-11-26T10:00Z",
                "2026-11-26T10:00:00.Z",
                "2026-11-26T10:00:00.1234567890Z",
                "2026-11-26T10:00:00+1:00",
                "2026-11-26T10:00:00+01",
                "2026-11-26T10:00:00+18:00",
                "+2026-11-26T10:00:00Z",
                "2026-11-2aT10:00:00Z",
                "2026-11-26T10:00:00ZZ",
                "2026-11-26t10:00:00z"
            })
    void leavesEverythingElseToTheFormatter(String text) {
        assertThat(IsoTimes.epochMillis(text, false)).isEqualTo(IsoTimes.NOT_READ);
        Long viaFormatter;
        try {
            viaFormatter = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            viaFormatter = null;
        }
        if (viaFormatter == null) {
            assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(DateTimeParseException.class);
        } else {
            assertThat(Instants.parse(text)).isEqualTo(viaFormatter);
        }
    }
}

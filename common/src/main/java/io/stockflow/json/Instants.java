package io.stockflow.json;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/** ISO-8601 times to and from UTC epoch milliseconds. */
public final class Instants {
    private Instants() {}

    /** {@code 2026-11-26T10:15:00Z}, with milliseconds only when there are some. */
    public static String format(long epochMillis) {
        return IsoTimes.format(epochMillis);
    }

    /** A time with a zone offset ({@code Z} or {@code +01:00}); the offset is honoured. */
    public static long parse(String text) throws DateTimeParseException {
        long millis = IsoTimes.epochMillis(text, false);
        if (millis != IsoTimes.NOT_READ) return millis;
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant()
                .toEpochMilli();
    }

    /** A time that may lack an offset, in which case it is taken as UTC (WooCommerce's {@code *_gmt} fields). */
    public static long parseAssumingUtc(String text) throws DateTimeParseException {
        long millis = IsoTimes.epochMillis(text, true);
        if (millis != IsoTimes.NOT_READ) return millis;
        TemporalAccessor parsed =
                DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof OffsetDateTime)
            return ((OffsetDateTime) parsed).toInstant().toEpochMilli();
        return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}

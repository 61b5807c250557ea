package io.stockflow.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The common shape of marketplace times, {@code 2026-11-26T10:15:00[.fff…](Z|+01:00)}, read without
 * {@code DateTimeFormatter}, which costs more than parsing the rest of an order's JSON. Anything else, valid or not,
 * is left to the formatter ({@link #NOT_READ}), so results and error messages stay exactly the formatter's.
 * Writing is the same trade: years 0 to 9999 by hand, as {@link java.time.Instant#toString()} writes them.
 */
final class IsoTimes {
    /** Returned when the text is not in the common shape or holds an impossible date: ask the formatter. */
    static final long NOT_READ = Long.MIN_VALUE;

    private static final int DATE_TIME_CHARS = 19;

    private IsoTimes() {}

    private static final long MIN_MILLIS = -62_167_219_200_000L; // 0000-01-01T00:00:00Z
    private static final long MAX_MILLIS = 253_402_300_800_000L; // 10000-01-01T00:00:00Z

    /** {@code 2026-11-26T10:15:00Z}, or {@code 2026-11-26T10:15:00.250Z} when there are milliseconds. */
    static String format(long epochMillis) {
        if (epochMillis < MIN_MILLIS || epochMillis >= MAX_MILLIS)
            return Instant.ofEpochMilli(epochMillis).toString();
        long epochDay = Math.floorDiv(epochMillis, 86_400_000L);
        int millisOfDay = (int) Math.floorMod(epochMillis, 86_400_000L);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int millis = millisOfDay % 1_000;
        char[] out = new char[millis == 0 ? 20 : 24];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, millisOfDay / 3_600_000, 2);
        out[13] = ':';
        put(out, 14, millisOfDay / 60_000 % 60, 2);
        out[16] = ':';
        put(out, 17, millisOfDay / 1_000 % 60, 2);
        if (millis != 0) {
            out[19] = '.';
            put(out, 20, millis, 3);
        }
        out[out.length - 1] = 'Z';
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** UTC epoch millis of the text; without an offset only if {@code assumeUtc}; else {@link #NOT_READ}. */
    static long epochMillis(String text, boolean assumeUtc) {
        int n = text.length();
        if (n < DATE_TIME_CHARS
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return NOT_READ;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return NOT_READ;
        }
        int i = DATE_TIME_CHARS;
        int millis = 0;
        if (i < n && text.charAt(i) == '.') {
            int first = ++i;
            while (i < n && isDigit(text.charAt(i))) {
                if (i - first < 3) millis = millis * 10 + (text.charAt(i) - '0');
                i++;
            }
            int count = i - first;
            if (count == 0 || count > 9) return NOT_READ;
            for (int k = count; k < 3; k++) millis *= 10;
        }
        int offsetSeconds = offsetSeconds(text, i, assumeUtc);
        if (offsetSeconds == Integer.MIN_VALUE) return NOT_READ;
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return NOT_READ;
        }
        long seconds = epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds;
        return seconds * 1_000 + millis;
    }

    /** Seconds east of UTC of the offset starting at {@code i}, or {@code Integer.MIN_VALUE}. */
    private static int offsetSeconds(String text, int i, boolean assumeUtc) {
        int n = text.length();
        if (i == n) return assumeUtc ? 0 : Integer.MIN_VALUE;
        char sign = text.charAt(i);
        if (sign == 'Z' && i == n - 1) return 0;
        if ((sign != '+' && sign != '-') || n - i != 6 || text.charAt(i + 3) != ':') return Integer.MIN_VALUE;
        int hours = digits(text, i + 1, 2);
        int minutes = digits(text, i + 4, 2);
        if ((hours | minutes) < 0 || hours > 17 || minutes > 59) return Integer.MIN_VALUE;
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

package io.stockflow.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** JSON building, the time and money formats the marketplaces use, and ids that are unique by construction. */
final class Formats {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final DateTimeFormatter UTC_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** {@code xxx} writes {@code +00:00} for a zero offset, as Shopify does, where ISO would write {@code Z}. */
    private static final DateTimeFormatter OFFSET_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private static final DateTimeFormatter LOCAL_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Formats() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serializes", e);
        }
    }

    /** {@code 2026-11-02T10:15:07Z} */
    static String utcSeconds(long millis) {
        return UTC_SECONDS.format(Instant.ofEpochMilli(millis));
    }

    /** {@code 2026-11-02T10:15:07.123Z} */
    static String utcMillis(long millis) {
        return UTC_MILLIS.format(Instant.ofEpochMilli(millis));
    }

    /** The contract's instant: {@code 2026-11-02T10:15:07Z}, with milliseconds only when there are some. */
    static String instant(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    /** {@code 2026-11-26T11:00:00+01:00}: local time with its offset. */
    static String offsetSeconds(long millis, ZoneId zone) {
        return OFFSET_SECONDS.format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    /** {@code 2026-11-26T10:15:00}: wall-clock time of the zone, without the zone. */
    static String localSeconds(long millis, ZoneId zone) {
        return LOCAL_SECONDS.format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    /** {@code 4950} cents as {@code "49.50"}. */
    static String money(long cents) {
        return (cents < 0 ? "-" : "") + Math.abs(cents) / 100 + "." + String.format("%02d", Math.abs(cents) % 100);
    }

    /** {@code 2990} cents as the JSON number {@code 29.9}, as WooCommerce writes a line's price. */
    static double moneyNumber(long cents) {
        return cents / 100.0;
    }

    /**
     * A bijection of {@code [0, modulus)} that looks random: {@code (multiplier * n + offset) mod modulus}. With the
     * multiplier coprime to the modulus, distinct counters give distinct ids.
     */
    static long scramble(long n, long modulus, long multiplier, long offset) {
        return BigInteger.valueOf(multiplier)
                .multiply(BigInteger.valueOf(n))
                .add(BigInteger.valueOf(offset))
                .mod(BigInteger.valueOf(modulus))
                .longValue();
    }

    static String digits(long value, int width) {
        return String.format("%0" + width + "d", value);
    }

    static String upperAlnum(SplittableRandom r, int length) {
        return pick(r, ALNUM, length);
    }

    static String lowerAlnum(SplittableRandom r, int length) {
        return pick(r, LOWER_ALNUM, length);
    }

    static String hex(SplittableRandom r, int length) {
        return pick(r, HEX, length);
    }

    /** A version-4 UUID from the generator's random numbers, so it is reproducible. */
    static String uuid(SplittableRandom r) {
        String h = hex(r, 32);
        char variant = HEX[8 + r.nextInt(4)];
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + variant
                + h.substring(17, 20) + "-" + h.substring(20, 32);
    }

    private static String pick(SplittableRandom r, char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = alphabet[r.nextInt(alphabet.length)];
        return new String(out);
    }

    static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    /** Hex characters derived from the text alone (not from the random numbers): the same text, the same hash. */
    static String fingerprint(String text, int length) {
        StringBuilder out = new StringBuilder(length + 16);
        long state = text.hashCode();
        while (out.length() < length) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            out.append(String.format("%016x", z ^ (z >>> 31)));
        }
        return out.substring(0, length);
    }

    /** An exponentially distributed duration with the given mean, in millis. */
    static long exponential(SplittableRandom r, double meanMillis) {
        return (long) (-Math.log(1.0 - r.nextDouble()) * meanMillis);
    }
}

package io.stockflow.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Maps a marketplace's shipping service words (a Shopify shipping line, an Amazon ShipServiceLevel, an eBay
 * shippingServiceCode, a WooCommerce method title) to STANDARD, EXPEDITED, PRIORITY or SCHEDULED.
 * Words it does not recognize mean STANDARD: an odd carrier name must not stop an order.
 */
public final class ServiceLevels {
    public static final String STANDARD = "STANDARD";
    public static final String EXPEDITED = "EXPEDITED";
    public static final String PRIORITY = "PRIORITY";
    public static final String SCHEDULED = "SCHEDULED";

    /** Splits codes such as {@code UPSNextDay}, {@code UPS2ndDay} and {@code UK_RoyalMailNextDay} into words. */
    private static final Pattern WORD_BREAK = Pattern.compile(
            "(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])|[_\\-/]+");

    private static final Pattern SCHEDULED_WORDS = Pattern.compile("\\b(schedul|appointment|time ?slot)");
    // Tried before the expedited words, so that "express" is not read as "exp".
    private static final Pattern PRIORITY_WORDS =
            Pattern.compile("\\b(priority|next|overnight|express|same ?day|(1|one) ?day)");
    private static final Pattern EXPEDITED_WORDS = Pattern.compile("\\b(exp|second ?day|2 ?nd ?day|(2|two) ?day)");

    /**
     * Levels of service words seen before: shops use a few dozen shipping titles, and the regular expressions cost
     * more than the rest of an order's mapping. Bounded, so odd titles cannot grow it without end.
     */
    private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

    private static final int MAX_KNOWN = 4_096;

    private ServiceLevels() {}

    /**
     * The level the first recognizable candidate names (a code such as {@code INT.TP} says nothing, but the title
     * next to it may); STANDARD when none does.
     */
    public static String normalize(String... candidates) {
        for (String candidate : candidates) {
            if (candidate == null || candidate.isBlank()) continue;
            String level = of(candidate);
            if (!level.equals(STANDARD)) return level;
        }
        return STANDARD;
    }

    static String of(String words) {
        String level = KNOWN.get(words);
        if (level != null) return level;
        level = read(words);
        if (KNOWN.size() < MAX_KNOWN) KNOWN.put(words, level);
        return level;
    }

    private static String read(String words) {
        String text = WORD_BREAK.matcher(words).replaceAll(" ").toLowerCase(Locale.ROOT);
        if (SCHEDULED_WORDS.matcher(text).find()) return SCHEDULED;
        if (PRIORITY_WORDS.matcher(text).find()) return PRIORITY;
        if (EXPEDITED_WORDS.matcher(text).find()) return EXPEDITED;
        return STANDARD;
    }
}

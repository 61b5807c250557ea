package io.stockflow.marketsim.shopify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Shopify Admin API version from the path ({@code 2026-01}: quarterly, January, April, July, October; or
 * {@code unstable}, which runs as the newest), ordered so that rules that changed with a version can ask for it.
 */
record ApiVersion(String name, int ordinal) {
    private static final Pattern STABLE = Pattern.compile("(\\d{4})-(01|04|07|10)");
    /** The version that adds changeFromQuantity and the optional @idempotent directive. */
    static final ApiVersion V2026_01 = parse("2026-01").orElseThrow();
    /** The version that makes both mandatory and drops compareQuantity / ignoreCompareQuantity. */
    static final ApiVersion V2026_04 = parse("2026-04").orElseThrow();

    static Optional<ApiVersion> parse(String text) {
        if ("unstable".equals(text)) return Optional.of(new ApiVersion(text, Integer.MAX_VALUE));
        Matcher m = STABLE.matcher(text);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new ApiVersion(text, Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2))));
    }

    boolean atLeast(ApiVersion other) {
        return ordinal >= other.ordinal;
    }
}

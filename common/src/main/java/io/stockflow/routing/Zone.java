package io.stockflow.routing;

import java.io.Serializable;
import java.util.List;

/** A destination zone: a country, optionally narrowed to regions and postcode prefixes; {@code center} may be null. */
public record Zone(String id, String country, List<String> regions, List<String> postcodePrefixes, Coordinates center)
        implements Serializable {

    public Zone {
        regions = List.copyOf(regions);
        postcodePrefixes = List.copyOf(postcodePrefixes);
    }

    /**
     * How specifically this zone matches an address: -1 when it does not; otherwise 0 for the country, +1 when a region
     * matched, +2 plus the prefix length when a postcode prefix matched (a longer prefix is more specific).
     */
    int specificity(String shipCountry, String shipRegion, String shipPostcode) {
        if (shipCountry == null || !country.equalsIgnoreCase(shipCountry)) return -1;
        int score = 0;
        if (!regions.isEmpty()) {
            if (shipRegion == null || regions.stream().noneMatch(r -> r.equalsIgnoreCase(shipRegion))) return -1;
            score += 1;
        }
        if (!postcodePrefixes.isEmpty()) {
            String postcode = normalizePostcode(shipPostcode);
            int longest = -1;
            for (String prefix : postcodePrefixes) {
                String p = normalizePostcode(prefix);
                if (postcode != null && postcode.startsWith(p)) longest = Math.max(longest, p.length());
            }
            if (longest < 0) return -1;
            score += 2 + longest;
        }
        return score;
    }

    /** Upper case, without spaces or dashes: {@code "sw1a 1aa"} → {@code "SW1A1AA"}. */
    static String normalizePostcode(String postcode) {
        if (postcode == null) return null;
        StringBuilder normalized = new StringBuilder(postcode.length());
        for (int i = 0; i < postcode.length(); i++) {
            char c = postcode.charAt(i);
            if (c != '-' && !Character.isWhitespace(c)) normalized.append(Character.toUpperCase(c));
        }
        return normalized.toString();
    }
}

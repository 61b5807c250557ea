package io.stockflow.ingest;

import java.util.Map;

/**
 * The time zone of a ship-to address, for the sender's quiet hours: the country's zone where it has one, the region's
 * in the countries with several (United States, Canada, Australia, Brazil, Mexico), else {@value #DEFAULT}. A zone
 * a few hours off in a large region only moves the quiet hours by as much.
 */
final class ShipToTimeZones {
    static final String DEFAULT = "UTC";

    private static final Map<String, String> BY_COUNTRY = Map.ofEntries(
            Map.entry("US", "America/New_York"),
            Map.entry("CA", "America/Toronto"),
            Map.entry("AU", "Australia/Sydney"),
            Map.entry("BR", "America/Sao_Paulo"),
            Map.entry("MX", "America/Mexico_City"),
            Map.entry("GB", "Europe/London"),
            Map.entry("IE", "Europe/Dublin"),
            Map.entry("DE", "Europe/Berlin"),
            Map.entry("AT", "Europe/Vienna"),
            Map.entry("CH", "Europe/Zurich"),
            Map.entry("FR", "Europe/Paris"),
            Map.entry("NL", "Europe/Amsterdam"),
            Map.entry("BE", "Europe/Brussels"),
            Map.entry("LU", "Europe/Luxembourg"),
            Map.entry("ES", "Europe/Madrid"),
            Map.entry("PT", "Europe/Lisbon"),
            Map.entry("IT", "Europe/Rome"),
            Map.entry("DK", "Europe/Copenhagen"),
            Map.entry("SE", "Europe/Stockholm"),
            Map.entry("NO", "Europe/Oslo"),
            Map.entry("FI", "Europe/Helsinki"),
            Map.entry("PL", "Europe/Warsaw"),
            Map.entry("CZ", "Europe/Prague"),
            Map.entry("JP", "Asia/Tokyo"),
            Map.entry("IN", "Asia/Kolkata"),
            Map.entry("SG", "Asia/Singapore"),
            Map.entry("NZ", "Pacific/Auckland"));

    /** Regions of the multi-zone countries, as {@code COUNTRY-REGION}, whose zone differs from the country's above. */
    private static final Map<String, String> BY_REGION = Map.ofEntries(
            Map.entry("US-IL", "America/Chicago"),
            Map.entry("US-TX", "America/Chicago"),
            Map.entry("US-MN", "America/Chicago"),
            Map.entry("US-WI", "America/Chicago"),
            Map.entry("US-MO", "America/Chicago"),
            Map.entry("US-LA", "America/Chicago"),
            Map.entry("US-CO", "America/Denver"),
            Map.entry("US-UT", "America/Denver"),
            Map.entry("US-NM", "America/Denver"),
            Map.entry("US-AZ", "America/Phoenix"),
            Map.entry("US-CA", "America/Los_Angeles"),
            Map.entry("US-WA", "America/Los_Angeles"),
            Map.entry("US-OR", "America/Los_Angeles"),
            Map.entry("US-NV", "America/Los_Angeles"),
            Map.entry("US-AK", "America/Anchorage"),
            Map.entry("US-HI", "Pacific/Honolulu"),
            Map.entry("CA-BC", "America/Vancouver"),
            Map.entry("CA-AB", "America/Edmonton"),
            Map.entry("CA-MB", "America/Winnipeg"),
            Map.entry("CA-SK", "America/Regina"),
            Map.entry("CA-NS", "America/Halifax"),
            Map.entry("AU-WA", "Australia/Perth"),
            Map.entry("AU-SA", "Australia/Adelaide"),
            Map.entry("AU-QLD", "Australia/Brisbane"),
            Map.entry("AU-NT", "Australia/Darwin"));

    private ShipToTimeZones() {}

    /** The zone of a ship-to country (ISO 3166-1 alpha-2) and region code, either may be null. */
    static String of(String country, String region) {
        if (country == null) return DEFAULT;
        String c = country.strip().toUpperCase(java.util.Locale.ROOT);
        if (region != null) {
            String zone = BY_REGION.get(c + "-" + region.strip().toUpperCase(java.util.Locale.ROOT));
            if (zone != null) return zone;
        }
        return BY_COUNTRY.getOrDefault(c, DEFAULT);
    }
}

package io.stockflow.ingest;

import java.util.Map;

/** The SP-API marketplace ids and the country each one sells into. */
final class AmazonMarketplaces {
    private static final Map<String, String> COUNTRIES = Map.ofEntries(
            Map.entry("ATVPDKIKX0DER", "US"),
            Map.entry("A2EUQ1WTGCTBG2", "CA"),
            Map.entry("A1AM78C64UM0Y8", "MX"),
            Map.entry("A2Q3Y263D00KWC", "BR"),
            Map.entry("A1F83G8C2ARO7P", "GB"),
            Map.entry("A1PA6795UKMFR9", "DE"),
            Map.entry("A13V1IB3VIYZZH", "FR"),
            Map.entry("APJ6JRA9NG5V4", "IT"),
            Map.entry("A1RKKUPIHCS9HS", "ES"),
            Map.entry("A1805IZSGTT6HS", "NL"),
            Map.entry("A2NODRKZP88ZB9", "SE"),
            Map.entry("A1C3SOZRARQ6R3", "PL"),
            Map.entry("A33AVAJ2PDY3EV", "TR"),
            Map.entry("A21TJRUUN4KGV", "IN"),
            Map.entry("A1VC38T7YXB528", "JP"),
            Map.entry("A39IBJ37TRP1C6", "AU"),
            Map.entry("A19VAU5U5O7RUS", "SG"),
            Map.entry("A2VIGQ35RCS4UG", "AE"),
            Map.entry("A17E79C6D8DWNP", "SA"),
            Map.entry("ARBP9OOSHTCHU", "EG"),
            Map.entry("AMEN7PMS3EDWL", "BE"));

    private AmazonMarketplaces() {}

    /** The ISO-3166 alpha-2 country, or null for a marketplace id not in the table. */
    static String country(String marketplaceId) {
        return COUNTRIES.get(marketplaceId);
    }
}

package io.stockflow.routing;

import java.io.Serializable;
import java.util.List;

/**
 * One version of the fulfilment rules: locations, destination zones, safety stock, ordered rules and the fallback.
 * Immutable; {@code effectiveFrom} is epoch millis. Built by {@link RuleSetParser}, which guarantees that every id a
 * rule or rate names exists.
 */
public record RuleSet(
        String version,
        long effectiveFrom,
        String description,
        Defaults defaults,
        List<Zone> zones,
        List<Location> locations,
        List<SafetyStockRule> safetyStock,
        List<Rule> rules,
        Rule fallback)
        implements Serializable {

    public RuleSet {
        zones = List.copyOf(zones);
        locations = List.copyOf(locations);
        safetyStock = List.copyOf(safetyStock);
        rules = List.copyOf(rules);
    }

    /** The location with this id, or null. */
    public Location location(String id) {
        for (Location l : locations) {
            if (l.id().equals(id)) return l;
        }
        return null;
    }

    /**
     * The most specific zone containing the address (a postcode prefix beats a region, a region the whole country;
     * among equals the first listed), or null when none does.
     */
    public Zone zoneOf(String country, String region, String postcode) {
        Zone best = null;
        int bestScore = -1;
        for (Zone z : zones) {
            int score = z.specificity(country, region, postcode);
            if (score > bestScore) {
                best = z;
                bestScore = score;
            }
        }
        return best;
    }

    /** Units kept back of {@code sku} at {@code location}: the most specific matching entry, else 0. */
    public long safetyStock(String location, String sku) {
        SafetyStockRule best = null;
        for (SafetyStockRule r : safetyStock) {
            if (r.applies(location, sku) && (best == null || r.specificity() > best.specificity())) best = r;
        }
        return best == null ? 0 : best.units();
    }

    /** The order's service level, or the default when it names none. */
    public String serviceLevelOf(RoutingRequest order) {
        return order.serviceLevel() != null ? order.serviceLevel() : defaults.serviceLevel();
    }
}

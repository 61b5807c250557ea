package io.stockflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The rule set the bench puts in force, so that the hot path does what it does for a shop that routes by rules:
 * every order is matched against rules, ranked by cost, transit and the capacity left at each location (so shipments
 * are counted per location and day), and multi-line orders may be split and then corrected towards complete shipments.
 * Its locations are the generated traffic's ({@code WH-01} ...); each serves every country the generator ships to.
 */
final class BenchRules {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String VERSION = "bench-1";
    /** The generator's ship-to countries, and a time zone for a location placed in each. */
    private static final List<String[]> COUNTRIES = List.of(
            new String[] {"US", "America/New_York"},
            new String[] {"DE", "Europe/Berlin"},
            new String[] {"GB", "Europe/London"},
            new String[] {"CA", "America/Toronto"},
            new String[] {"FR", "Europe/Paris"});

    private static final List<String> SERVICE_LEVELS = List.of("STANDARD", "EXPEDITED", "PRIORITY", "SCHEDULED");

    private BenchRules() {}

    /**
     * The rule set as a {@code routing.rules} document, in force from long before any generated order. Each location
     * may ship {@code dailyCapacity} orders a day: high enough that the bench's compressed days do not run out (no
     * alert storm), while every decision still claims capacity.
     */
    static String document(List<String> locations, int dailyCapacity) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("effective_from", "2000-01-01T00:00:00Z");
        root.put("description", "The bench's routing: rules by destination and service level, capacity ranked.");
        ArrayNode zones = root.putArray("zones");
        for (String[] c : COUNTRIES) {
            zones.addObject().put("id", "Z-" + c[0]).put("country", c[0]);
        }
        ArrayNode locs = root.putArray("locations");
        for (int i = 0; i < locations.size(); i++) {
            String[] home = COUNTRIES.get(i % COUNTRIES.size());
            ObjectNode l = locs.addObject();
            l.put("id", locations.get(i));
            l.put("type", "WAREHOUSE");
            l.put("country", home[0]);
            l.put("time_zone", home[1]);
            l.put("cutoff_local", "15:00");
            l.put("daily_capacity", dailyCapacity);
            ArrayNode rates = l.putArray("rates");
            for (int z = 0; z < COUNTRIES.size(); z++) {
                boolean domestic = COUNTRIES.get(z)[0].equals(home[0]);
                for (int s = 0; s < SERVICE_LEVELS.size(); s++) {
                    // Domestic is cheaper and faster; locations differ by a few cents so that ranks are not ties.
                    double cost = (domestic ? 4.0 : 9.0) + 2.5 * s + 0.1 * i;
                    rates.addObject()
                            .put("service_level", SERVICE_LEVELS.get(s))
                            .put("zone", "Z-" + COUNTRIES.get(z)[0])
                            .put("cost", String.format(java.util.Locale.ROOT, "%.2f", cost))
                            .put("transit_days", (domestic ? 1 : 4) + (s == 0 ? 1 : 0) + (s == 3 ? 2 : 0));
                }
            }
        }
        root.putArray("safety_stock")
                .addObject()
                .put("location", "*")
                .put("sku", "*")
                .put("units", 1);
        ArrayNode rules = root.putArray("rules");
        ObjectNode fast = rules.addObject();
        fast.put("id", "fast-by-transit");
        fast.put("description", "Expedited and priority orders: fastest first, then the most capacity left.");
        fast.putObject("conditions").putArray("service_levels").add("EXPEDITED").add("PRIORITY");
        fast.putObject("actions").putArray("rank_by").add("TRANSIT_DAYS").add("CAPACITY_LEFT");
        ObjectNode domestic = rules.addObject();
        domestic.put("id", "north-america-by-cost");
        domestic.put("description", "US and Canadian orders: cheapest first, whole where possible.");
        domestic.putObject("conditions")
                .putObject("ship_to")
                .putArray("countries")
                .add("US")
                .add("CA");
        domestic.putObject("actions").putArray("rank_by").add("COST").add("CAPACITY_LEFT");
        split(domestic.putObject("split"));
        ObjectNode fallback = root.putObject("fallback");
        fallback.put("id", "capacity-then-cost");
        fallback.put("description", "Everything else: the most capacity left, then the cheapest; up to two shipments.");
        fallback.putObject("actions").putArray("rank_by").add("CAPACITY_LEFT").add("COST");
        split(fallback.putObject("split"));
        return root.toString();
    }

    /**
     * A daily capacity no run of {@code orders} orders (and the latency probe's after them) uses up, whatever days
     * their event times fall on.
     */
    static int dailyCapacity(long orders) {
        return (int) Math.min(Integer.MAX_VALUE, 2 * orders + 1_000_000);
    }

    private static void split(ObjectNode split) {
        split.put("ship_complete_preferred", true).put("max_shipments", 2).put("allow_backorder", true);
    }
}

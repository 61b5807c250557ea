package io.stockflow.routing;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.json.YamlDocuments;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rule-set document into a {@link RuleSet}: first against the published JSON Schema, then the checks a schema
 * cannot express (unique ids, references to known locations and zones, a valid effective time, time zone and cut-off,
 * order-value bounds in order). A document that fails either is refused with an {@link InvalidRecordException} whose
 * message names the first {@value #MAX_PROBLEMS} problems with their JSON paths; it never yields a partial rule set.
 */
public final class RuleSetParser {
    static final int MAX_PROBLEMS = 5;

    private RuleSetParser() {}

    /** A rule set from a JSON document (as read from {@code routing.rules}). */
    public static RuleSet parse(byte[] json) throws InvalidRecordException {
        JsonFields root = JsonFields.parse(json);
        byte[] canonical = root.canonicalBytes();
        List<String> schemaProblems = RuleSchema.problems(new String(canonical, StandardCharsets.UTF_8));
        if (!schemaProblems.isEmpty()) throw refuse("does not match routing.rules.schema.json", schemaProblems);
        return new Reader().read(root);
    }

    /** A rule set from a YAML document with the same structure. */
    public static RuleSet parseYaml(byte[] yaml) throws InvalidRecordException {
        return parse(YamlDocuments.toJson(yaml, "rule set"));
    }

    /** A rule set from a file ({@code --rules FILE}): YAML when it ends in {@code .yaml} or {@code .yml}, else JSON. */
    public static RuleSet parseFile(Path file) throws IOException, InvalidRecordException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return YamlDocuments.isYaml(file) ? parseYaml(bytes) : parse(bytes);
        } catch (InvalidRecordException e) {
            throw new InvalidRecordException(file + ": " + e.getMessage());
        }
    }

    private static InvalidRecordException refuse(String what, List<String> problems) {
        StringBuilder reason = new StringBuilder("rule set ").append(what).append(": ");
        int shown = Math.min(problems.size(), MAX_PROBLEMS);
        reason.append(String.join("; ", problems.subList(0, shown)));
        if (problems.size() > shown)
            reason.append("; and ").append(problems.size() - shown).append(" more");
        return new InvalidRecordException(reason.toString());
    }

    /** Builds the model from a schema-valid document and collects the semantic problems. */
    private static final class Reader {
        private final List<String> problems = new ArrayList<>();
        private final Set<String> zoneIds = new HashSet<>();
        private final Set<String> locationIds = new HashSet<>();

        RuleSet read(JsonFields root) throws InvalidRecordException {
            String version = root.text("version");
            long effectiveFrom = 0;
            try {
                effectiveFrom = root.time("effective_from");
            } catch (InvalidRecordException e) {
                problems.add(e.getMessage());
            }
            Defaults defaults = defaults(root.optObject("defaults"));
            List<Zone> zones = zones(root.array("zones"));
            List<Location> locations = locations(root.array("locations"));
            List<SafetyStockRule> safety = safetyStock(root.optArray("safety_stock"));
            List<Rule> rules = new ArrayList<>();
            Set<String> ruleIds = new HashSet<>();
            for (JsonFields r : root.optArray("rules")) {
                Rule rule = rule(r, defaults);
                if (!ruleIds.add(rule.id())) problems.add(at(r, "id") + " '" + rule.id() + "' is not unique");
                rules.add(rule);
            }
            JsonFields f = root.object("fallback");
            Rule fallback = new Rule(
                    f.text("id"),
                    f.optText("description"),
                    Conditions.ANY,
                    actions(f.object("actions")),
                    split(f.optObject("split"), defaults.split()));
            if (ruleIds.contains(fallback.id()))
                problems.add(at(f, "id") + " '" + fallback.id() + "' is also a rule id");
            if (!problems.isEmpty()) throw refuse(version + " is invalid", problems);
            return new RuleSet(
                    version,
                    effectiveFrom,
                    root.optText("description"),
                    defaults,
                    zones,
                    locations,
                    safety,
                    rules,
                    fallback);
        }

        private Defaults defaults(JsonFields d) throws InvalidRecordException {
            if (d == null) return new Defaults("STANDARD", null, Defaults.PROMISE_DAYS, SplitPolicy.DEFAULT);
            Map<String, Integer> promise = new HashMap<>(Defaults.PROMISE_DAYS);
            JsonFields p = d.optObject("promise_days");
            if (p != null) {
                for (String level : Defaults.PROMISE_DAYS.keySet()) {
                    Long days = p.optInteger(level);
                    if (days != null) promise.put(level, days.intValue());
                }
            }
            String level = d.optText("service_level");
            return new Defaults(
                    level != null ? level : "STANDARD",
                    d.optText("currency"),
                    promise,
                    split(d.optObject("split"), SplitPolicy.DEFAULT));
        }

        private List<Zone> zones(List<JsonFields> array) throws InvalidRecordException {
            List<Zone> zones = new ArrayList<>();
            for (JsonFields z : array) {
                String id = z.text("id");
                if (!zoneIds.add(id)) problems.add(at(z, "id") + " '" + id + "' is not unique");
                zones.add(new Zone(
                        id,
                        z.text("country"),
                        z.optTextArray("regions"),
                        z.optTextArray("postcode_prefixes"),
                        coordinates(z.optObject("center"))));
            }
            return zones;
        }

        private List<Location> locations(List<JsonFields> array) throws InvalidRecordException {
            List<Location> locations = new ArrayList<>();
            for (JsonFields l : array) {
                String id = l.text("id");
                if (!locationIds.add(id)) problems.add(at(l, "id") + " '" + id + "' is not unique");
                ZoneId timeZone = null;
                try {
                    timeZone = ZoneId.of(l.text("time_zone"));
                } catch (DateTimeException e) {
                    problems.add(at(l, "time_zone") + " '" + l.text("time_zone") + "' is not an IANA time zone");
                }
                LocalTime cutoff = null;
                if (l.has("cutoff_local")) {
                    try {
                        cutoff = LocalTime.parse(l.text("cutoff_local"));
                    } catch (DateTimeException e) {
                        problems.add(at(l, "cutoff_local") + " '" + l.text("cutoff_local") + "' is not a time HH:mm");
                    }
                }
                Long capacity = l.optInteger("daily_capacity");
                if (capacity != null && capacity < 0) problems.add(at(l, "daily_capacity") + " must not be negative");
                List<Rate> rates = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (JsonFields r : l.optArray("rates")) {
                    Rate rate = new Rate(r.text("service_level"), r.text("zone"), r.decimal("cost"), (int)
                            r.integer("transit_days"));
                    if (!zoneIds.contains(rate.zone()))
                        problems.add(at(r, "zone") + " '" + rate.zone() + "' is not a zone");
                    if (rate.cost().signum() < 0) problems.add(at(r, "cost") + " must not be negative");
                    if (rate.transitDays() < 0) problems.add(at(r, "transit_days") + " must not be negative");
                    if (!seen.add(rate.serviceLevel() + "/" + rate.zone())) {
                        problems.add(
                                at(r, "zone") + ": a second rate for " + rate.serviceLevel() + " to " + rate.zone());
                    }
                    rates.add(rate);
                }
                boolean enabled = !l.has("enabled") || l.bool("enabled");
                locations.add(new Location(
                        id,
                        LocationType.fromJson(l.text("type")),
                        l.text("country"),
                        l.optText("region"),
                        coordinates(l.optObject("coordinates")),
                        timeZone,
                        cutoff,
                        capacity,
                        enabled,
                        rates));
            }
            return locations;
        }

        private List<SafetyStockRule> safetyStock(List<JsonFields> array) throws InvalidRecordException {
            List<SafetyStockRule> rules = new ArrayList<>();
            for (JsonFields s : array) {
                String location = s.text("location");
                if (!SafetyStockRule.ANY_LOCATION.equals(location)) knownLocation(s, "location", location);
                long units = s.integer("units");
                if (units < 0) problems.add(at(s, "units") + " must not be negative");
                rules.add(new SafetyStockRule(location, new Glob(s.text("sku")), units));
            }
            return rules;
        }

        private Rule rule(JsonFields r, Defaults defaults) throws InvalidRecordException {
            return new Rule(
                    r.text("id"),
                    r.optText("description"),
                    conditions(r.optObject("conditions"), defaults),
                    actions(r.object("actions")),
                    split(r.optObject("split"), defaults.split()));
        }

        private Conditions conditions(JsonFields c, Defaults defaults) throws InvalidRecordException {
            if (c == null) return Conditions.ANY;
            JsonFields shipTo = c.optObject("ship_to");
            List<String> countries = shipTo == null ? List.of() : shipTo.optTextArray("countries");
            List<String> regions = shipTo == null ? List.of() : upper(shipTo.optTextArray("regions"));
            List<String> postcodes = shipTo == null ? List.of() : shipTo.optTextArray("postcode_prefixes");
            BigDecimal min = null, max = null;
            String currency = null;
            JsonFields value = c.optObject("order_value");
            if (value != null) {
                min = value.optDecimal("min");
                max = value.optDecimal("max");
                currency = value.optText("currency") != null ? value.optText("currency") : defaults.currency();
                if (min != null && max != null && min.compareTo(max) > 0) {
                    problems.add(
                            value.pathOf("min") + " " + min.toPlainString() + " is above max " + max.toPlainString());
                }
            }
            List<Glob> skus = new ArrayList<>();
            for (String s : c.optTextArray("skus")) skus.add(new Glob(s));
            return new Conditions(
                    new LinkedHashSet<>(c.optTextArray("channels")),
                    new LinkedHashSet<>(countries),
                    new LinkedHashSet<>(regions),
                    postcodes,
                    new LinkedHashSet<>(c.optTextArray("service_levels")),
                    min,
                    max,
                    currency,
                    skus);
        }

        private Actions actions(JsonFields a) throws InvalidRecordException {
            List<String> only = a.optTextArray("only");
            List<String> never = a.optTextArray("never");
            List<String> prefer = a.optTextArray("prefer");
            for (int i = 0; i < only.size(); i++) knownLocation(a, "only", i, only.get(i));
            for (int i = 0; i < never.size(); i++) knownLocation(a, "never", i, never.get(i));
            for (int i = 0; i < prefer.size(); i++) knownLocation(a, "prefer", i, prefer.get(i));
            if (!only.isEmpty() && never.containsAll(only)) {
                problems.add(a.pathOf("never") + " excludes every location of 'only': the rule can never ship");
            }
            List<Criterion> rankBy = new ArrayList<>();
            for (String c : a.optTextArray("rank_by")) rankBy.add(Criterion.valueOf(c));
            return new Actions(new LinkedHashSet<>(only), new LinkedHashSet<>(never), prefer, rankBy);
        }

        private SplitPolicy split(JsonFields s, SplitPolicy base) throws InvalidRecordException {
            if (s == null) return base;
            boolean complete =
                    s.has("ship_complete_preferred") ? s.bool("ship_complete_preferred") : base.shipCompletePreferred();
            Long max = s.optInteger("max_shipments");
            boolean backorder = s.has("allow_backorder") ? s.bool("allow_backorder") : base.allowBackorder();
            if (max != null && max < 1) problems.add(s.pathOf("max_shipments") + " must be at least 1");
            return new SplitPolicy(complete, max != null ? (int) Math.max(1, max) : base.maxShipments(), backorder);
        }

        private Coordinates coordinates(JsonFields c) throws InvalidRecordException {
            if (c == null) return null;
            return new Coordinates(
                    c.decimal("lat").doubleValue(), c.decimal("lon").doubleValue());
        }

        private void knownLocation(JsonFields owner, String field, String id) {
            if (!locationIds.contains(id)) problems.add(at(owner, field) + " '" + id + "' is not a location");
        }

        private void knownLocation(JsonFields owner, String field, int index, String id) {
            if (!locationIds.contains(id)) {
                problems.add("field '" + owner.pathOf(field) + "[" + index + "]' '" + id + "' is not a location");
            }
        }

        private static String at(JsonFields owner, String field) {
            return "field '" + owner.pathOf(field) + "'";
        }

        private static List<String> upper(List<String> texts) {
            List<String> result = new ArrayList<>();
            for (String t : texts) result.add(t.toUpperCase(Locale.ROOT));
            return result;
        }
    }
}

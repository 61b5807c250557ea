package io.stockflow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.json.InvalidRecordException;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetParserTest {

    @Test
    void acceptsThePublishedExample() {
        RuleSet rules = RuleSets.exampleSet();

        assertThat(rules.version()).isEqualTo("2026-11-26.1");
        assertThat(rules.effectiveFrom())
                .isEqualTo(Instant.parse("2026-11-26T00:00:00Z").toEpochMilli());
        assertThat(rules.locations())
                .extracting(Location::id)
                .containsExactly("US-EWR", "US-RNO", "US-BKN-STORE", "DE-LEJ");
        assertThat(rules.location("US-RNO").type()).isEqualTo(LocationType.THREE_PL);
        assertThat(rules.location("US-RNO").enabled()).isTrue();
        assertThat(rules.location("US-EWR").cutoff()).isEqualTo(LocalTime.of(15, 0));
        assertThat(rules.location("US-EWR").rate("EXPEDITED", "US-WEST").cost()).isEqualByComparingTo("14.50");
        assertThat(rules.rules())
                .extracting(Rule::id)
                .containsExactly(
                        "batteries-from-dcs", "eu-from-leipzig", "nyc-priority-from-store", "high-value-us", "fast-us");
        assertThat(rules.rules().get(3).split()).isEqualTo(new SplitPolicy(true, 1, false));
        assertThat(rules.rules().get(4).split()).isEqualTo(rules.defaults().split());
        assertThat(rules.fallback().id()).isEqualTo("cheapest-dc");
        assertThat(rules.fallback().conditions()).isEqualTo(Conditions.ANY);
    }

    @Test
    void resolvesTheMostSpecificZoneAndSafetyStockEntry() {
        RuleSet rules = RuleSets.exampleSet();

        assertThat(rules.zoneOf("US", "NY", "10013").id()).isEqualTo("US-NYC");
        assertThat(rules.zoneOf("US", "NY", "14604").id()).isEqualTo("US-EAST");
        assertThat(rules.zoneOf("US", "TX", "73301").id()).isEqualTo("US-REST");
        assertThat(rules.zoneOf("GB", null, "SW1A 1AA")).isNull();
        assertThat(rules.safetyStock("US-EWR", "TEE-M")).isEqualTo(3);
        assertThat(rules.safetyStock("US-BKN-STORE", "TEE-M"))
                .as("exact location beats '*'")
                .isEqualTo(2);
        assertThat(rules.safetyStock("US-EWR", "MUG-1")).isZero();
    }

    @Test
    void readsTheSameRuleSetFromYaml(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("rules.yaml");
        com.fasterxml.jackson.dataformat.yaml.YAMLMapper mapper =
                new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
        Files.writeString(
                yaml,
                mapper.writeValueAsString(mapper.readTree(RuleSets.example().toString())));

        assertThat(RuleSetParser.parseFile(yaml)).isEqualTo(RuleSets.exampleSet());
    }

    @Test
    void aParsedRuleSetSurvivesJavaSerialization() throws Exception {
        RuleSet rules = RuleSets.exampleSet();
        var out = new java.io.ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(rules);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(rules);
        }
    }

    @Test
    void refusesADocumentThatIsNotJson() {
        assertThatThrownBy(() -> RuleSetParser.parse("{\"version\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith("record is not JSON");
    }

    @Test
    void refusesAYamlDocumentThatDoesNotParse() {
        assertThatThrownBy(() -> RuleSetParser.parseYaml("version: [1, 2\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith("rule set is not YAML");
    }

    @Test
    void refusesADocumentWithoutAFallback() {
        assertRefused(doc -> doc.remove("fallback"), "does not match routing.rules.schema.json", "fallback");
    }

    @Test
    void refusesAnUnknownField() {
        assertRefused(doc -> location(doc, 0).put("capacity", 5), "/locations/0", "capacity");
    }

    @Test
    void refusesANegativeCapacity() {
        assertRefused(doc -> location(doc, 1).put("daily_capacity", -1), "/locations/1/daily_capacity");
    }

    @Test
    void refusesAnUnknownRankingCriterion() {
        assertRefused(
                doc -> ((ObjectNode) doc.get("fallback").get("actions"))
                        .putArray("rank_by")
                        .add("CHEAPEST"),
                "/fallback/actions/rank_by/0");
    }

    @Test
    void refusesTwoLocationsWithTheSameId() {
        assertRefused(doc -> location(doc, 2).put("id", "A"), "field 'locations[2].id' 'A' is not unique");
    }

    @Test
    void refusesARuleThatNamesAnUnknownLocation() {
        assertRefused(
                doc -> ((ArrayNode) doc.get("rules"))
                        .add(RuleSets.tree("{\"id\": \"r1\", \"actions\": {\"only\": [\"A\", \"Z\"]}}")),
                "field 'rules[0].actions.only[1]' 'Z' is not a location");
    }

    @Test
    void refusesSafetyStockAtAnUnknownLocation() {
        assertRefused(
                doc -> ((ObjectNode) doc.get("safety_stock").get(1)).put("location", "Q"),
                "field 'safety_stock[1].location' 'Q' is not a location");
    }

    @Test
    void refusesARateToAnUnknownZone() {
        assertRefused(
                doc -> ((ObjectNode) location(doc, 0).get("rates").get(1)).put("zone", "MARS"),
                "field 'locations[0].rates[1].zone' 'MARS' is not a zone");
    }

    @Test
    void refusesAnEffectiveTimeThatDoesNotParse() {
        assertRefused(doc -> doc.put("effective_from", "next monday"), "'effective_from'", "ISO-8601");
    }

    @Test
    void refusesAnUnknownTimeZone() {
        assertRefused(
                doc -> location(doc, 0).put("time_zone", "Mars/Olympus"),
                "field 'locations[0].time_zone' 'Mars/Olympus' is not an IANA time zone");
    }

    @Test
    void refusesOrderValueBoundsTheWrongWayRound() {
        assertRefused(
                doc -> ((ArrayNode) doc.get("rules"))
                        .add(RuleSets.tree(
                                "{\"id\": \"r1\", \"conditions\": {\"order_value\": {\"min\": \"100\", \"max\": \"10\"}},"
                                        + " \"actions\": {}}")),
                "rules[0].conditions.order_value.min 100 is above max 10");
    }

    @Test
    void refusesTwoRulesWithTheSameId() {
        assertRefused(
                doc -> {
                    ((ArrayNode) doc.get("rules")).add(RuleSets.tree("{\"id\": \"r1\", \"actions\": {}}"));
                    ((ArrayNode) doc.get("rules")).add(RuleSets.tree("{\"id\": \"r1\", \"actions\": {}}"));
                },
                "field 'rules[1].id' 'r1' is not unique");
    }

    @Test
    void namesTheFirstFewProblemsAndCountsTheRest() {
        InvalidRecordException e = refused(doc -> {
            for (JsonNode l : doc.get("locations"))
                ((ObjectNode) l).put("time_zone", "Nowhere/" + l.get("id").asText());
            ((ArrayNode) doc.get("rules"))
                    .add(RuleSets.tree("{\"id\": \"r1\", \"actions\": {\"never\": [\"X1\", \"X2\", \"X3\"]}}"));
        });

        assertThat(e.getMessage())
                .startsWith("rule set t-1 is invalid: ")
                .contains(
                        "locations[0].time_zone",
                        "locations[1].time_zone",
                        "locations[2].time_zone",
                        "rules[0].actions.never[0]",
                        "rules[0].actions.never[1]")
                .endsWith("; and 1 more");
    }

    @Test
    void thePublishedSchemaDescribesEveryField() {
        JsonNode schema = RuleSets.tree(RuleSets.text(RuleSets.find("docs/schemas/routing.rules.schema.json")));
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(schema, "", undescribed);
        assertThat(undescribed).isEmpty();
    }

    /** Every property and every $defs entry has a description (directly; a bare $ref's target has its own). */
    private static void collectUndescribed(JsonNode node, String path, List<String> out) {
        for (String container : List.of("properties", "$defs")) {
            JsonNode fields = node.get(container);
            if (fields == null) continue;
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode field = e.getValue();
                boolean described = field.has("description")
                        || (container.equals("properties") && field.has("$ref") && field.size() == 1);
                if (!described) out.add(path + "/" + container + "/" + e.getKey());
                collectUndescribed(field, path + "/" + e.getKey(), out);
                if (field.has("items")) collectUndescribed(field.get("items"), path + "/" + e.getKey() + "[]", out);
            }
        }
    }

    @Test
    void enforcesThePublishedSchemaFile() {
        assertThat(RuleSchema.text()).isEqualTo(RuleSets.text(RuleSets.find("docs/schemas/routing.rules.schema.json")));
    }

    @Test
    void decimalsMayBeNumbersOrStrings() {
        RuleSet rules = RuleSets.smallSet(
                doc -> ((ObjectNode) location(doc, 0).get("rates").get(0)).put("cost", 5.25));
        assertThat(rules.location("A").rate("STANDARD", "US-EAST").cost()).isEqualTo(new BigDecimal("5.25"));
    }

    private static ObjectNode location(ObjectNode doc, int index) {
        return (ObjectNode) doc.get("locations").get(index);
    }

    private static void assertRefused(Consumer<ObjectNode> change, String... fragments) {
        assertThat(refused(change).getMessage()).contains(fragments);
    }

    private static InvalidRecordException refused(Consumer<ObjectNode> change) {
        byte[] doc = RuleSets.bytes(RuleSets.small(change));
        try {
            RuleSetParser.parse(doc);
        } catch (InvalidRecordException e) {
            return e;
        }
        throw new AssertionError("expected the rule set to be refused");
    }
}

package io.stockflow.routing;

import static io.stockflow.routing.RuleSets.NOON_NEW_YORK;
import static io.stockflow.routing.RuleSets.order;
import static io.stockflow.routing.RuleSets.orderTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {
    private static final StockSnapshot NO_SHIPMENTS_YET = new StockSnapshot(null);

    // ------------------------------------------------------------------ which rule decides

    @Test
    void theFirstRuleWhoseConditionsHoldDecidesAndEveryMatchIsReported() {
        RuleSet rules = RuleSets.exampleSet();
        RoutingRequest batteriesFast =
                orderTo("shopify:1", "shopify", "US", "CA", "94103", "EXPEDITED", "80.00", NOON_NEW_YORK, "BATT-AA", 2);

        Evaluation e = RuleEvaluator.evaluate(rules, batteriesFast, NO_SHIPMENTS_YET);

        assertThat(e.ruleId()).isEqualTo("batteries-from-dcs");
        assertThat(e.fallback()).isFalse();
        assertThat(e.matchedRuleIds()).containsExactly("batteries-from-dcs", "fast-us");
        assertThat(e.ruleSetVersion()).isEqualTo("2026-11-26.1");
        assertThat(e.zone()).isEqualTo("US-WEST");
    }

    @Test
    void theFallbackDecidesWhenNoRuleMatches() {
        Evaluation e = RuleEvaluator.evaluate(
                RuleSets.exampleSet(),
                orderTo("ebay:1", "ebay", "US", "TX", "73301", null, "20.00", NOON_NEW_YORK, "MUG-1", 1),
                NO_SHIPMENTS_YET);

        assertThat(e.ruleId()).isEqualTo("cheapest-dc");
        assertThat(e.fallback()).isTrue();
        assertThat(e.matchedRuleIds()).isEmpty();
        assertThat(e.serviceLevel()).as("the default level").isEqualTo("STANDARD");
    }

    @Test
    void conditionsOfDifferentKindsMustAllHoldAndOneValueWithinAKindSuffices() {
        RuleSet rules = withRule("""
                {"id": "r", "conditions": {"channels": ["amazon", "ebay"], "ship_to": {"regions": ["US-PA", "US-NJ"]},
                 "order_value": {"min": "50", "max": "200"}, "skus": ["TEE-*", "MUG-9"]}, "actions": {}}""");

        assertThat(decidingRule(
                        rules,
                        orderTo("amazon:1", "amazon", "US", "PA", "19103", null, "120.00", NOON_NEW_YORK, "TEE-M", 1)))
                .isEqualTo("r");
        assertThat(decidingRule(
                        rules,
                        orderTo(
                                "ebay:1",
                                "ebay",
                                "US",
                                "NJ",
                                "07102",
                                null,
                                "50",
                                NOON_NEW_YORK,
                                "CUP-1",
                                1,
                                "MUG-9",
                                1)))
                .as("bounds are inclusive; one matching line suffices")
                .isEqualTo("r");
        assertThat(decidingRule(
                        rules,
                        orderTo(
                                "shopify:1",
                                "shopify",
                                "US",
                                "PA",
                                "19103",
                                null,
                                "120.00",
                                NOON_NEW_YORK,
                                "TEE-M",
                                1)))
                .as("other channel")
                .isEqualTo("fb");
        assertThat(decidingRule(
                        rules,
                        orderTo("amazon:2", "amazon", "US", "NY", "10001", null, "120.00", NOON_NEW_YORK, "TEE-M", 1)))
                .as("other region")
                .isEqualTo("fb");
        assertThat(decidingRule(
                        rules,
                        orderTo("amazon:3", "amazon", "US", "PA", "19103", null, "200.01", NOON_NEW_YORK, "TEE-M", 1)))
                .as("above max")
                .isEqualTo("fb");
        assertThat(decidingRule(
                        rules,
                        orderTo("amazon:4", "amazon", "US", "PA", "19103", null, null, NOON_NEW_YORK, "TEE-M", 1)))
                .as("no total")
                .isEqualTo("fb");
        assertThat(decidingRule(
                        rules,
                        orderTo("amazon:5", "amazon", "US", "PA", "19103", null, "120.00", NOON_NEW_YORK, "CUP-1", 1)))
                .as("no matching sku")
                .isEqualTo("fb");
    }

    @Test
    void postcodePrefixesAndServiceLevelsSelectARule() {
        RuleSet rules = RuleSets.exampleSet();
        RoutingRequest manhattanPriority =
                orderTo("shopify:2", "shopify", "US", "NY", "10013", "PRIORITY", "60.00", NOON_NEW_YORK, "MUG-1", 1);
        RoutingRequest buffaloPriority =
                orderTo("shopify:3", "shopify", "US", "NY", "14201", "PRIORITY", "60.00", NOON_NEW_YORK, "MUG-1", 1);

        assertThat(decidingRule(rules, manhattanPriority)).isEqualTo("nyc-priority-from-store");
        assertThat(decidingRule(rules, buffaloPriority)).isEqualTo("fast-us");
    }

    @Test
    void anOrderValueInAnotherCurrencyDoesNotMatch() {
        RuleSet rules =
                withRule("{\"id\": \"r\", \"conditions\": {\"order_value\": {\"min\": \"10\"}}, \"actions\": {}}");
        RoutingRequest euros = new RoutingRequest(
                "shopify:9",
                "shopify",
                "US",
                "PA",
                "19103",
                null,
                new java.math.BigDecimal("500"),
                "EUR",
                java.util.Map.of("MUG-1", 1L),
                NOON_NEW_YORK);

        assertThat(decidingRule(rules, euros)).isEqualTo("fb");
    }

    // ------------------------------------------------------------------ which locations are candidates

    @Test
    void onlyAndNeverListsLeaveLocationsOutWithTheReason() {
        Evaluation only = evaluate(actions("{\"only\": [\"A\", \"B\"]}"));
        Evaluation never = evaluate(actions("{\"never\": [\"B\"]}"));

        assertThat(only.ranking()).extracting(Candidate::location).containsExactlyInAnyOrder("A", "B");
        assertThat(only.excluded()).containsExactly(new Exclusion("C", "not in the rule's only list"));
        assertThat(never.ranking()).extracting(Candidate::location).containsExactlyInAnyOrder("A", "C");
        assertThat(never.excluded()).containsExactly(new Exclusion("B", "in the rule's never list"));
    }

    @Test
    void aDisabledLocationIsNeverACandidate() {
        Evaluation e = evaluate(RuleSets.smallSet(doc -> location(doc, 1).put("enabled", false)));

        assertThat(e.ranking()).extracting(Candidate::location).doesNotContain("B");
        assertThat(e.excluded()).containsExactly(new Exclusion("B", "disabled"));
    }

    @Test
    void aLocationWithoutARateForTheZoneAndLevelIsNotACandidate() {
        Evaluation e = RuleEvaluator.evaluate(
                RuleSets.smallSet(doc -> {}),
                orderTo("shopify:1", "shopify", "US", "PA", "19103", "EXPEDITED", "10", NOON_NEW_YORK, "MUG-1", 1),
                NO_SHIPMENTS_YET);

        assertThat(e.excluded()).containsExactly(new Exclusion("C", "no EXPEDITED rate to zone US-EAST"));
    }

    @Test
    void anAddressInNoZoneHasNoCandidates() {
        Evaluation e = RuleEvaluator.evaluate(
                RuleSets.smallSet(doc -> {}),
                orderTo("shopify:1", "shopify", "CA", "ON", "M5V", null, "10", NOON_NEW_YORK, "MUG-1", 1),
                NO_SHIPMENTS_YET);

        assertThat(e.zone()).isNull();
        assertThat(e.ranking()).isEmpty();
        assertThat(e.excluded()).extracting(Exclusion::why).containsOnly("the ship-to address is in no zone");
    }

    @Test
    void aLocationWhoseDailyCapacityIsUsedUpFallsOutAndTheNextRanksFirst() {
        RuleSet rules = RuleSets.smallSet(doc -> {});
        StockSnapshot busy = new StockSnapshot(rules).planned("B", LocalDate.of(2026, 11, 26), 10);

        Evaluation e = RuleEvaluator.evaluate(rules, order("shopify:1", "MUG-1", 1), busy);

        assertThat(e.ranking()).extracting(Candidate::location).containsExactly("A", "C");
        assertThat(e.excluded()).containsExactly(new Exclusion("B", "daily capacity of 10 used up on 2026-11-26"));
    }

    @Test
    void anOrderAfterTheCutOffShipsNextDayTakesADayLongerAndUsesThatDaysCapacity() {
        RuleSet rules = RuleSets.smallSet(doc -> {});
        long fourPmNewYork = Instant.parse("2026-11-26T21:00:00Z").toEpochMilli();
        StockSnapshot stock = new StockSnapshot(rules)
                .planned("A", LocalDate.of(2026, 11, 26), 100)
                .planned("A", LocalDate.of(2026, 11, 27), 40);

        Evaluation e = RuleEvaluator.evaluate(
                rules,
                orderTo("shopify:1", "shopify", "US", "PA", "19103", null, "10", fourPmNewYork, "MUG-1", 1),
                stock);

        Candidate a = e.candidate("A");
        assertThat(a.afterCutoff()).isTrue();
        assertThat(a.shipDay()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(a.transitDays()).isEqualTo(4);
        assertThat(a.capacityLeft()).isEqualTo(60);
        assertThat(e.candidate("B").afterCutoff()).as("no cut-off").isFalse();
    }

    @Test
    void theShipDayIsTheLocationsLocalDayNotTheUtcDay() {
        RuleSet rules = RuleSets.smallSet(doc -> {});
        long lateEveningInTheUs = Instant.parse("2026-11-27T03:00:00Z").toEpochMilli();

        Evaluation e = RuleEvaluator.evaluate(
                rules,
                orderTo("shopify:1", "shopify", "US", "PA", "19103", null, "10", lateEveningInTheUs, "MUG-1", 1),
                NO_SHIPMENTS_YET);

        assertThat(e.candidate("A").shipDay())
                .as("22:00 in New York, after the cut-off")
                .isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(e.candidate("B").shipDay()).as("19:00 in Los Angeles").isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(e.candidate("C").shipDay()).as("UTC").isEqualTo(LocalDate.of(2026, 11, 27));
    }

    // ------------------------------------------------------------------ ranking

    @Test
    void rankingByCostPutsTheCheapestRateFirst() {
        Evaluation e = evaluate(actions("{\"rank_by\": [\"COST\"]}"));

        assertThat(e.ranking()).extracting(Candidate::location).containsExactly("B", "A", "C");
        assertThat(e.ranking()).extracting(Candidate::rank).containsExactly(1, 2, 3);
        assertThat(e.ranking().get(0).cost()).isEqualByComparingTo("4.00");
    }

    @Test
    void rankingByTransitDaysPutsTheFastestFirstAndDropsThoseThatMissThePromise() {
        Evaluation e = evaluate(actions("{\"rank_by\": [\"TRANSIT_DAYS\"]}"));

        assertThat(e.ranking()).extracting(Candidate::location).containsExactly("C", "A");
        assertThat(e.ranking()).extracting(Candidate::transitDays).containsExactly(1, 3);
        assertThat(e.excluded())
                .containsExactly(new Exclusion("B", "5 transit days miss the 4-day promise of STANDARD"));
    }

    @Test
    void rankingByDistancePutsTheNearestFirstAndUnknownDistancesLast() {
        Evaluation e = evaluate(actions("{\"rank_by\": [\"DISTANCE\"]}"));

        assertThat(e.ranking()).extracting(Candidate::location).containsExactly("A", "B", "C");
        assertThat(e.candidate("A").distanceKm()).isBetween(100.0, 110.0);
        assertThat(e.candidate("B").distanceKm()).isBetween(3800.0, 3900.0);
        assertThat(e.candidate("C").distanceKm()).isNull();
    }

    @Test
    void rankingByCapacityLeftPutsUnlimitedFirstThenTheMostLeft() {
        RuleSet rules = RuleSets.smallSet(doc ->
                ((ObjectNode) doc.get("fallback")).set("actions", RuleSets.tree("{\"rank_by\": [\"CAPACITY_LEFT\"]}")));
        StockSnapshot stock = new StockSnapshot(rules).planned("A", LocalDate.of(2026, 11, 26), 95);

        Evaluation e = RuleEvaluator.evaluate(rules, order("shopify:1", "MUG-1", 1), stock);

        assertThat(e.ranking()).extracting(Candidate::location).containsExactly("C", "B", "A");
        assertThat(e.ranking()).extracting(Candidate::capacityLeft).containsExactly(null, 10L, 5L);
    }

    @Test
    void laterCriteriaBreakTiesOfEarlierOnes() {
        RuleSet rules = RuleSets.smallSet(doc -> {
            ((ObjectNode) location(doc, 2).get("rates").get(0)).put("cost", "5.00");
            ((ObjectNode) doc.get("fallback"))
                    .set("actions", RuleSets.tree("{\"rank_by\": [\"COST\", \"TRANSIT_DAYS\"]}"));
            ((ObjectNode) doc.get("defaults").get("promise_days")).put("STANDARD", 9);
        });

        Evaluation e = RuleEvaluator.evaluate(rules, order("shopify:1", "MUG-1", 1), NO_SHIPMENTS_YET);

        assertThat(e.ranking()).extracting(Candidate::location).containsExactly("B", "C", "A");
    }

    @Test
    void preferredLocationsComeFirstInTheirOrderAndTheRestFollowByCriteria() {
        Evaluation e = evaluate(actions("{\"prefer\": [\"C\"], \"rank_by\": [\"COST\"]}"));

        assertThat(e.ranking()).extracting(Candidate::location).containsExactly("C", "B", "A");
        assertThat(e.candidate("C").preferred()).isZero();
        assertThat(e.candidate("B").preferred()).isEqualTo(-1);
    }

    @Test
    void withoutCriteriaTheLocationIdDecides() {
        Evaluation e = evaluate(actions("{}"));

        assertThat(e.ranking()).extracting(Candidate::location).containsExactly("A", "B", "C");
    }

    // ------------------------------------------------------------------ daily capacity, before and after

    @Test
    void aLocationThatMissesThePromiseIsLeftOutForThatEvenWhenItsDayIsFull() {
        RuleSet rules = actions("{\"rank_by\": [\"TRANSIT_DAYS\"]}");
        StockSnapshot busy = new StockSnapshot(rules).planned("B", LocalDate.of(2026, 11, 26), 10);

        Evaluation e = RuleEvaluator.evaluate(rules, order("shopify:1", "MUG-1", 1), busy);

        assertThat(e.excluded())
                .containsExactly(new Exclusion("B", "5 transit days miss the 4-day promise of STANDARD"));
    }

    @Test
    void locationsWithNoCapacityLeftAreListedAfterTheOtherExclusions() {
        RuleSet rules = RuleSets.smallSet(doc -> location(doc, 2).put("enabled", false));
        StockSnapshot busy = new StockSnapshot(rules).planned("B", LocalDate.of(2026, 11, 26), 10);

        Evaluation e = RuleEvaluator.evaluate(rules, order("shopify:1", "MUG-1", 1), busy);

        assertThat(e.ranking()).extracting(Candidate::location).containsExactly("A");
        assertThat(e.excluded())
                .containsExactly(
                        new Exclusion("C", "disabled"),
                        new Exclusion("B", "daily capacity of 10 used up on 2026-11-26"));
    }

    @Test
    void beforeCapacityALocationHasAllOfItsCapacityLeftAndOneWithNoneIsLeftOutOnlyWithCapacity() {
        RuleSet rules = RuleSets.smallSet(doc -> location(doc, 1).put("daily_capacity", 0));

        Evaluation before = RuleEvaluator.beforeCapacity(rules, order("shopify:1", "MUG-1", 1));
        Evaluation after = RuleEvaluator.withCapacity(before, NO_SHIPMENTS_YET);

        assertThat(before.ranking()).extracting(Candidate::location).containsExactly("B", "A", "C");
        assertThat(before.ranking()).extracting(Candidate::capacityLeft).containsExactly(0L, 100L, null);
        assertThat(before.excluded()).isEmpty();
        assertThat(after.ranking()).extracting(Candidate::location).containsExactly("A", "C");
        assertThat(after.ranking()).extracting(Candidate::rank).containsExactly(1, 2);
        assertThat(after.excluded()).containsExactly(new Exclusion("B", "daily capacity of 0 used up on 2026-11-26"));
    }

    /**
     * What a replay does (an evaluation made before capacity, carried in its binary form, finished with the shipments
     * counted at decision time) equals what live routing does with the same shipments, for every ranking and load.
     */
    @Test
    void capacityAddedToAnEvaluationMadeBeforeItEqualsEvaluatingWithIt() {
        LocalDate nov26 = LocalDate.of(2026, 11, 26);
        long fourPmNewYork = Instant.parse("2026-11-26T21:00:00Z").toEpochMilli();
        List<RoutingRequest> orders = List.of(
                order("shopify:1", "MUG-1", 1),
                orderTo("shopify:2", "shopify", "US", "PA", "19103", null, "10", fourPmNewYork, "MUG-1", 1));
        int compared = 0;
        for (String rankBy : List.of("[\"COST\"]", "[\"CAPACITY_LEFT\", \"COST\"]", "[\"TRANSIT_DAYS\"]")) {
            RuleSet rules = actions("{\"rank_by\": " + rankBy + "}");
            for (long a : new long[] {0, 60, 99, 100, 130}) {
                for (long b : new long[] {0, 9, 10}) {
                    StockSnapshot stock = new StockSnapshot(rules)
                            .planned("A", nov26, a)
                            .planned("A", nov26.plusDays(1), a / 2)
                            .planned("B", nov26, b);
                    for (RoutingRequest o : orders) {
                        Evaluation before =
                                EvaluationCodec.read(EvaluationCodec.write(RuleEvaluator.beforeCapacity(rules, o)));
                        assertThat(RuleEvaluator.withCapacity(before, stock))
                                .as("rank by %s, A %d, B %d, order %s", rankBy, a, b, o.orderId())
                                .isEqualTo(RuleEvaluator.evaluate(rules, o, stock));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(90);
    }

    // ------------------------------------------------------------------ helpers

    private static RuleSet withRule(String ruleJson) {
        return RuleSets.smallSet(doc -> ((ArrayNode) doc.get("rules")).add(RuleSets.tree(ruleJson)));
    }

    private static RuleSet actions(String actionsJson) {
        return RuleSets.smallSet(doc -> ((ObjectNode) doc.get("fallback")).set("actions", RuleSets.tree(actionsJson)));
    }

    private static Evaluation evaluate(RuleSet rules) {
        return RuleEvaluator.evaluate(rules, order("shopify:1", "MUG-1", 1), NO_SHIPMENTS_YET);
    }

    private static String decidingRule(RuleSet rules, RoutingRequest order) {
        return RuleEvaluator.evaluate(rules, order, NO_SHIPMENTS_YET).ruleId();
    }

    private static ObjectNode location(ObjectNode doc, int index) {
        return (ObjectNode) doc.get("locations").get(index);
    }
}

package io.stockflow.routing;

import static io.stockflow.routing.RuleSets.NOON_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.allocation.AllocatedUnits;
import io.stockflow.allocation.OrderAllocation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShipmentClaimsTest {
    @Test
    void aDecisionClaimsOneShipmentPerLocationOnItsCandidatesShipDay() {
        RuleSet rules = RuleSets.parse(RuleSets.small());
        RoutingRequest order = RuleSets.order("shopify:1", "TEE-M", 2, "MUG-1", 1);
        Evaluation e = RuleEvaluator.evaluate(rules, order, new StockSnapshot(null));
        RoutingDecision split = HeldDecision.of(
                "shopify:1",
                e,
                Map.of("TEE-M", 2L, "MUG-1", 1L),
                List.of(
                        new PlannedUnits("TEE-M", 1, "B"),
                        new PlannedUnits("TEE-M", 1, "A"),
                        new PlannedUnits("MUG-1", 1, "B")),
                List.of());
        OrderAllocation a = split.toOrderAllocation("shopify", NOON_NEW_YORK, NOON_NEW_YORK);

        List<ShipmentClaim> claims = ShipmentClaims.of(a);

        assertThat(claims)
                .extracting(ShipmentClaim::toString)
                .containsExactly("B 2026-11-26 shopify:1 (capacity 10)", "A 2026-11-26 shopify:1 (capacity 100)");
        assertThat(claims.get(0).day).isEqualTo(LocalDate.of(2026, 11, 26).toEpochDay());
        assertThat(claims).allSatisfy(c -> {
            assertThat(c.ruleSetVersion).isEqualTo("t-1");
            assertThat(c.eventTime).isEqualTo(NOON_NEW_YORK);
        });
    }

    @Test
    void anOrderAfterTheCutOffClaimsTheNextDayAndUnlimitedLocationsHaveNoCapacity() {
        RuleSet rules = RuleSets.parse(RuleSets.small());
        long evening = NOON_NEW_YORK + 4 * 3_600_000L; // 16:00 in New York: after A's 15:00 cut-off
        RoutingRequest order = RuleSets.orderTo(
                "shopify:2", "shopify", "US", "PA", "19103", "STANDARD", "100.00", evening, "MUG-1", 2);
        Evaluation e = RuleEvaluator.evaluate(rules, order, new StockSnapshot(null));
        OrderAllocation a = HeldDecision.of(
                        "shopify:2",
                        e,
                        Map.of("MUG-1", 2L),
                        List.of(new PlannedUnits("MUG-1", 1, "A"), new PlannedUnits("MUG-1", 1, "C")),
                        List.of())
                .toOrderAllocation("shopify", evening, evening);

        assertThat(ShipmentClaims.of(a))
                .extracting(ShipmentClaim::toString)
                .containsExactly("A 2026-11-27 shopify:2 (capacity 100)", "C 2026-11-26 shopify:2");
    }

    @Test
    void aLaterDecisionClaimsOnlyTheLocationsItsFillAdded() {
        RuleSet rules = RuleSets.parse(RuleSets.small());
        RoutingRequest order = RuleSets.order("shopify:3", "TEE-M", 3, "MUG-1", 1);
        Evaluation e = RuleEvaluator.evaluate(rules, order, new StockSnapshot(null));
        OrderAllocation filled = HeldDecision.of(
                        "shopify:3",
                        e,
                        Map.of("TEE-M", 3L, "MUG-1", 1L),
                        List.of(
                                new PlannedUnits("TEE-M", 2, "B"),
                                new PlannedUnits("TEE-M", 1, "A"),
                                new PlannedUnits("MUG-1", 1, "B")),
                        List.of())
                .toOrderAllocation("shopify", NOON_NEW_YORK, NOON_NEW_YORK);
        filled.revision = 2;
        // The fill put one more TEE-M at B, which already shipped MUG-1, and the only TEE-M at A.
        filled.filled.add(new AllocatedUnits("TEE-M", 1, "B"));
        filled.filled.add(new AllocatedUnits("TEE-M", 1, "A"));

        assertThat(ShipmentClaims.of(filled))
                .extracting(ShipmentClaim::toString)
                .containsExactly("A 2026-11-26 shopify:3 (capacity 100)");
    }

    @Test
    void theBuiltInAllocatorAndEmptyDecisionsClaimNothing() {
        OrderAllocation builtIn = new OrderAllocation();
        builtIn.allocations.add(new AllocatedUnits("SKU", 1, "WH-A"));
        assertThat(ShipmentClaims.of(builtIn)).isEmpty();

        OrderAllocation nothingShipped = new OrderAllocation();
        nothingShipped.explanationJson = "{\"ranking\":[]}";
        assertThat(ShipmentClaims.of(nothingShipped)).isEmpty();
    }
}

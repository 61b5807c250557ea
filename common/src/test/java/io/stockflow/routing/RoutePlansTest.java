package io.stockflow.routing;

import static io.stockflow.routing.RuleSets.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.ledger.RoutePlan;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RoutePlansTest {
    private static final LocalDate NOV_26 = LocalDate.of(2026, 11, 26);

    @Test
    void aPlanMadeBeforeCapacityAndFinishedWithItIsThePlanMadeWithIt() {
        RuleSet rules = RuleSets.smallSet(doc -> {});
        RoutingRequest order = order("shopify:1", "TEE-L", 1, "MUG-1", 2);
        StockSnapshot busy = new StockSnapshot(rules).planned("B", NOV_26, 10).planned("A", NOV_26, 40);

        RoutePlan before = RoutePlans.beforeCapacity(rules, order);
        RoutePlan finished = RoutePlans.withCapacity(before, busy);
        RoutePlan live = RoutePlans.of(rules, order, busy);

        assertThat(before.candidates).containsExactly("B", "A", "C");
        assertThat(before.safetyStock).containsKey("B|TEE-L");
        assertThat(finished.candidates).containsExactly("A", "C").isEqualTo(live.candidates);
        assertThat(finished.safetyStock)
                .as("the safety stock of the candidates left")
                .containsOnlyKeys("A|TEE-L", "C|TEE-L")
                .isEqualTo(live.safetyStock);
        assertThat(finished.ruleSetVersion).isEqualTo(live.ruleSetVersion);
        assertThat(finished.maxShipments).isEqualTo(live.maxShipments);
        assertThat(finished.allowBackorder).isEqualTo(live.allowBackorder);
        assertThat(RoutePlans.evaluation(finished)).isEqualTo(RoutePlans.evaluation(live));
        assertThat(RoutePlans.evaluation(finished).candidate("A").capacityLeft())
                .isEqualTo(60);
    }

    @Test
    void withNothingPlannedOnlyALocationWithoutCapacityIsLeftOut() {
        RuleSet rules =
                RuleSets.smallSet(doc -> ((ObjectNode) doc.get("locations").get(2)).put("daily_capacity", 0));

        RoutePlan finished = RoutePlans.withCapacity(
                RoutePlans.beforeCapacity(rules, order("shopify:1", "MUG-1", 1)), new StockSnapshot(null));

        assertThat(finished.candidates).containsExactly("B", "A");
        assertThat(RoutePlans.evaluation(finished).excluded())
                .containsExactly(new Exclusion("C", "daily capacity of 0 used up on 2026-11-26"));
    }
}

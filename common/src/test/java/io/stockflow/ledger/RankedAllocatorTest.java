package io.stockflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankedAllocatorTest {
    @Test
    void takesTheWholeLineAtTheBestRankedCandidateThatHasAllOfIt() {
        RoutePlan plan = plan(2, true, "B", "A", "C");

        assertThat(RankedAllocator.allocate("SKU", 4, plan, Map.of("A", 10L, "B", 3L, "C", 20L)))
                .extracting(a -> a.location + ":" + a.quantity)
                .containsExactly("A:4");
    }

    @Test
    void splitsInRankOrderWithinMaxShipmentsWhenNoneHasItAll() {
        RoutePlan plan = plan(2, true, "B", "A", "C");

        assertThat(RankedAllocator.allocate("SKU", 9, plan, Map.of("A", 4L, "B", 3L, "C", 5L)))
                .extracting(a -> a.location + ":" + a.quantity)
                .containsExactly("B:3", "A:4");
    }

    @Test
    void neverUsesALocationThatIsNoCandidateAndKeepsTheRuleSetsSafetyStock() {
        RoutePlan plan = plan(3, true, "A", "B");
        plan.safetyStock.put("A|SKU", 2L);

        assertThat(RankedAllocator.allocate("SKU", 5, plan, Map.of("A", 4L, "B", 1L, "Z", 100L)))
                .extracting(a -> a.location + ":" + a.quantity)
                .containsExactly("A:2", "B:1");
    }

    @Test
    void takesNothingWhenTheLineCannotBeCoveredAndTheRuleAllowsNoBackorder() {
        RoutePlan plan = plan(1, false, "A", "B");

        assertThat(RankedAllocator.allocate("SKU", 5, plan, Map.of("A", 4L, "B", 4L)))
                .isEmpty();
    }

    private static RoutePlan plan(int maxShipments, boolean backorder, String... ranked) {
        RoutePlan plan = new RoutePlan();
        plan.ruleSetVersion = "v1";
        plan.candidates.addAll(List.of(ranked));
        plan.maxShipments = maxShipments;
        plan.allowBackorder = backorder;
        return plan;
    }
}

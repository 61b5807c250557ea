package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Decisions of one order on its timeline: a repeat once, a later decision (a backorder filled) beside the first; the
 * reports count the order's first decision only.
 */
class MaterializerDecisionTest {
    private final OrderTimelines orders = new OrderTimelines(10);
    private final Materializer materializer = new Materializer(
            new AvailabilityView(),
            new RecentChanges(10),
            orders,
            new AlertLog(10),
            new ServeMetrics(),
            new ConsoleViews(10));

    private static String decision(String outcome, String revision) {
        return "{\"order_id\":\"shopify:1\",\"decision\":\"" + outcome + "\",\"allocations\":[],\"backordered\":[],"
                + "\"rule_set_version\":\"builtin-1\",\"rule_ids\":[],\"reason\":\"r\","
                + "\"decided_at\":\"2026-11-26T11:00:00Z\",\"event_time\":\"2026-11-26T11:00:00Z\"" + revision + "}";
    }

    @Test
    void laterDecisionsOfTheSameOutcomeAndTimeAreEachOnTheTimelineAndARepeatIsNot() {
        materializer.accept(ServedTopics.ALLOCATIONS, decision("PARTIAL", ""));
        materializer.accept(ServedTopics.ALLOCATIONS, decision("PARTIAL", ",\"revision\":2"));
        materializer.accept(ServedTopics.ALLOCATIONS, decision("PARTIAL", ",\"revision\":3"));
        materializer.accept(ServedTopics.ALLOCATIONS, decision("PARTIAL", ",\"revision\":3"));

        assertThat(orders.timeline("shopify:1"))
                .extracting(TimelineEntry::json)
                .hasSize(3)
                .anySatisfy(r -> assertThat(r).doesNotContain("revision"))
                .anySatisfy(r -> assertThat(r).contains("\"revision\":2"))
                .anySatisfy(r -> assertThat(r).contains("\"revision\":3"));
    }
}

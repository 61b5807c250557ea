package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderTimelinesTest {
    private static TimelineEntry entry(TimelineEntry.Kind kind, long at, String id) {
        return new TimelineEntry(kind, at, id, "{}");
    }

    @Test
    void listsRecordsInEventTimeOrderWithOrderEventsFirstOnATie() {
        OrderTimelines orders = new OrderTimelines(10);
        orders.add("o1", entry(TimelineEntry.Kind.NOTIFICATION, 20, "n1"));
        orders.add("o1", entry(TimelineEntry.Kind.DECISION, 10, "d1"));
        orders.add("o1", entry(TimelineEntry.Kind.ORDER_EVENT, 10, "e1"));

        assertThat(orders.timeline("o1"))
                .extracting(TimelineEntry::kind)
                .containsExactly(
                        TimelineEntry.Kind.ORDER_EVENT, TimelineEntry.Kind.DECISION, TimelineEntry.Kind.NOTIFICATION);
    }

    @Test
    void keepsARepeatedRecordOnce() {
        OrderTimelines orders = new OrderTimelines(10);

        assertThat(orders.add("o1", entry(TimelineEntry.Kind.ALERT, 1, "a1"))).isTrue();
        assertThat(orders.add("o1", entry(TimelineEntry.Kind.ALERT, 1, "a1"))).isFalse();
        assertThat(orders.timeline("o1")).hasSize(1);
    }

    @Test
    void dropsTheOrderSeenFirstBeyondItsBoundAndItsSearchEntry() {
        OrderTimelines orders = new OrderTimelines(2);
        for (String id : new String[] {"shopify:1", "amazon:1", "ebay:2"}) {
            orders.add(id, entry(TimelineEntry.Kind.ORDER_EVENT, 1, id));
            orders.describe(id, id.substring(0, id.indexOf(':')), id.substring(id.indexOf(':') + 1));
        }

        assertThat(orders.timeline("shopify:1")).isNull();
        assertThat(orders.size()).isEqualTo(2);
        assertThat(orders.withMarketplaceNumber("1")).containsExactly("amazon:1");
        assertThat(orders.withMarketplaceNumber("2")).containsExactly("ebay:2");
    }
}

package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.testing.Fixtures;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures the heap an order's timeline takes beyond the text of its records, for the memory budget in docs/serve.md:
 * orders made of the lifecycle fixture's records (a placement, its decision, two notifications), weighed on the heap.
 */
class OrderTimelinesFootprintTest {
    static final int ORDERS = 20_000;
    /** The overhead docs/serve.md states per order, beside the records' own length (one byte a character). */
    static final int BUDGET_OVERHEAD_PER_ORDER = 800;

    @Test
    void keepsAnOrderInTheLengthOfItsRecordsPlusASmallOverhead() {
        Path lifecycle = Fixtures.dir("lifecycle");
        String placed = Fixtures.lines(lifecycle.resolve("input/orders.canonical.jsonl"))
                .get(0);
        String decision = Fixtures.lines(lifecycle.resolve("input/orders.allocations.jsonl"))
                .get(0);
        List<String> notices = Fixtures.lines(lifecycle.resolve("expected/notifications.jsonl"))
                .subList(0, 2);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        long before = settledHeap(memory);
        OrderTimelines orders = new OrderTimelines(ORDERS);
        long characters = 0;
        for (int i = 0; i < ORDERS; i++) {
            String id = "shopify:" + (100_000 + i);
            String[] records = {
                placed.replace("woocommerce:501", id), decision.replace("woocommerce:501", id),
                notices.get(0).replace("amazon:902-1", id), notices.get(1).replace("amazon:902-1", id)
            };
            TimelineEntry.Kind[] kinds = {
                TimelineEntry.Kind.ORDER_EVENT,
                TimelineEntry.Kind.DECISION,
                TimelineEntry.Kind.NOTIFICATION,
                TimelineEntry.Kind.NOTIFICATION
            };
            for (int r = 0; r < records.length; r++) {
                orders.add(id, new TimelineEntry(kinds[r], 1_762_675_200_000L + r, id + "#" + r, records[r]));
                characters += records[r].length();
            }
            orders.describe(id, "shopify", String.valueOf(100_000 + i));
        }
        long after = settledHeap(memory);
        double perOrder = (after - before) / (double) ORDERS;
        double overhead = perOrder - characters / (double) ORDERS;

        System.out.printf(
                Locale.ROOT,
                "order timelines: %d orders of 4 records (%.0f characters each) take %.0f bytes per order,"
                        + " %.0f beyond the records' text%n",
                ORDERS,
                characters / (double) ORDERS,
                perOrder,
                overhead);
        assertThat(orders.size()).isEqualTo(ORDERS);
        assertThat(overhead).isLessThan(BUDGET_OVERHEAD_PER_ORDER);
    }

    private static long settledHeap(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

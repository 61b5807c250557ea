package io.stockflow.flink.inventory;

import static io.stockflow.flink.inventory.InventoryScenario.receipt;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.flink.job.AlertGrouping;
import io.stockflow.testing.ShopifyOrders;
import io.stockflow.testing.TestFlink;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The inventory topology, in memory: eight units of SKU-A arrive, six orders of one unit each (the first of eight) ask for
 * it, then a receipt of ten brings it back. The ledger backorders five lines; people get one OVERSELL episode.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OversellEpisodesTopologyITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    private static InventoryScenario soldOutThenRestocked() {
        InventoryScenario scenario = new InventoryScenario()
                .movements(
                        receipt("mv-1", "SKU-A", "WH-EAST", 8, "2026-11-26T08:00:00Z"),
                        receipt("mv-2", "SKU-A", "WH-EAST", 10, "2026-11-26T18:00:00Z"));
        for (int i = 0; i < 6; i++) {
            scenario.orders(ShopifyOrders.placed(
                    2000 + i, "2026-11-26T1" + i + ":00:00Z", "NY", "10001", "SKU-A", i == 0 ? 8 : 1, "10.00"));
        }
        return scenario;
    }

    @Test
    void aSoldOutSkuRaisesOneEpisodeCountingItsLinesAndUnitsResolvedWhenStockReturns() throws Exception {
        InventoryScenario.Results out = soldOutThenRestocked().run();

        List<Alert> oversells = out.alerts("OVERSELL").stream()
                .sorted(Comparator.comparingInt(a -> a.revision))
                .toList();
        assertThat(oversells).extracting(a -> a.alertId).containsOnly(oversells.get(0).alertId);
        assertThat(oversells)
                .as("revision 1 at the first line, updates when the count doubles (2, 4 lines), then resolved")
                .extracting(a -> a.revision + " " + a.status + " " + a.observed)
                .containsExactly("1 FIRING 1.0", "2 FIRING 2.0", "3 FIRING 4.0", "4 RESOLVED 5.0");
        Alert resolved = oversells.get(3);
        assertThat(resolved.sku).isEqualTo("SKU-A");
        assertThat(resolved.orderId).as("the order that opened the episode").isEqualTo("shopify:2001");
        assertThat(resolved.startedAt).isEqualTo(oversells.get(0).eventTime);
        assertThat(resolved.resolvedAt).isEqualTo(resolved.eventTime);
        // The receipt of ten fills the five backordered units first.
        assertThat(resolved.message).startsWith("SKU-A is available again (5 units over all locations");
        assertThat(resolved.evidenceJson).contains("\"lines\":5", "\"units\":5", "\"latest_order\":\"shopify:2005\"");
        assertThat(out.alerts())
                .as("the ledger's other alerts pass as they are")
                .anySatisfy(a -> assertThat(a.type).isEqualTo("LOW_STOCK"));
    }

    @Test
    void withoutGroupingEveryOversoldLineRaisesItsOwnAlert() throws Exception {
        InventoryScenario.Results out =
                soldOutThenRestocked().grouping(AlertGrouping.OFF).run();

        assertThat(out.alerts("OVERSELL"))
                .extracting(a -> a.orderId + " " + a.status)
                .containsExactlyInAnyOrder(
                        "shopify:2001 null",
                        "shopify:2002 null",
                        "shopify:2003 null",
                        "shopify:2004 null",
                        "shopify:2005 null");
    }
}

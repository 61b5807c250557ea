package io.stockflow.flink.lifecycle;

import static io.stockflow.flink.lifecycle.LifecycleEvents.allocation;
import static io.stockflow.flink.lifecycle.LifecycleEvents.placedOrder;
import static io.stockflow.flink.lifecycle.LifecycleScenario.easyPost;
import static io.stockflow.flink.lifecycle.LifecycleScenario.shipped;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.flink.io.Topics;
import io.stockflow.testing.TestFlink;
import java.util.concurrent.TimeUnit;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lifecycle topology on in-memory inputs, bounded and in replay mode, its typed outputs collected. Orders are placed
 * Tuesday 24 November 2026 10:00 UTC: with the fixture policy they must ship by Wednesday 25th 23:59 (at risk from
 * 17:59) and arrive by Saturday 28th 20:00.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LifecycleTopologyITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    private static final String PLACED = "2026-11-24T10:00:00Z";

    @Test
    void anOrderNotShippedByItsShipByDateRaisesTheBreachAndTheCustomerGetsAnApology() throws Exception {
        LifecycleScenario.Results out = new LifecycleScenario()
                .orders(placedOrder("shopify:7", PLACED))
                .allocations(allocation("shopify:7", PLACED))
                .runUntil("2026-11-26T12:00:00Z");

        assertThat(out.alerts())
                .extracting(a -> a.type + " " + a.orderId)
                .containsExactlyInAnyOrder("SHIP_SLA_AT_RISK shopify:7", "SHIP_SLA_BREACH shopify:7");
        assertThat(out.alerts("SHIP_SLA_BREACH")).singleElement().satisfies(a -> {
            assertThat(a.eventTime).isEqualTo(LifecycleEvents.at("2026-11-25T23:59:00Z"));
            assertThat(a.location).isEqualTo("WH-EAST");
        });
        assertThat(out.notifications())
                .extracting(n -> n.kind.name())
                .containsExactlyInAnyOrder("ORDER_CONFIRMED", "SLA_APOLOGY");
        assertThat(out.deadLetters()).isEmpty();
    }

    @Test
    void aShippedOrderIsFollowedThroughItsCarriersUpdatesToTheDoorstep() throws Exception {
        LifecycleScenario.Results out = new LifecycleScenario()
                .orders(placedOrder("shopify:8", PLACED))
                .allocations(allocation("shopify:8", PLACED))
                .fulfilments(shipped("shopify:8", "1Z 999 AA1", "2026-11-24T20:00:00Z"))
                .carrierUpdates(
                        easyPost("1z999aa1", "in_transit", "2026-11-25T06:00:00Z"),
                        easyPost("1z999aa1", "delivered", "2026-11-26T15:00:00Z"))
                .runUntil("2026-11-30T12:00:00Z");

        assertThat(out.alerts())
                .as("shipped and delivered in time: nothing to report")
                .isEmpty();
        assertThat(out.notifications())
                .extracting(n -> n.kind.name())
                .containsExactlyInAnyOrder("ORDER_CONFIRMED", "SHIPPED", "DELIVERED");
        assertThat(out.notifications()).allSatisfy(n -> assertThat(n.orderId).isEqualTo("shopify:8"));
        assertThat(out.deadLetters()).isEmpty();
    }

    @Test
    void carrierUpdatesNoShipmentClaimsAndUnreadableOnesAreDeadLetteredWithTheReason() throws Exception {
        String cutOff = "{\"source\":\"easypost\",\"payload\":{";
        LifecycleScenario.Results out = new LifecycleScenario()
                .carrierUpdates(easyPost("UNKNOWN-1", "in_transit", "2026-11-25T06:00:00Z"), cutOff)
                .runUntil("2026-11-30T12:00:00Z");

        assertThat(out.deadLetters())
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.sourceTopic).isEqualTo(Topics.CARRIER_TRACKING));
        assertThat(out.deadLetters()).anySatisfy(d -> {
            assertThat(d.error)
                    .isEqualTo("no order shipped with tracking code 'UNKNOWN-1' within PT72H of this update");
            assertThat(d.raw)
                    .as("the update as it was read")
                    .contains("\"tracking_code\":\"UNKNOWN-1\"")
                    .contains("\"status\":\"IN_TRANSIT\"");
        });
        assertThat(out.deadLetters()).anySatisfy(d -> {
            assertThat(d.error).startsWith("record is not JSON: Unexpected end-of-input");
            assertThat(d.raw).isEqualTo(cutOff);
        });
    }

    @Test
    void manyLateOrdersFromOneLocationRaiseTheBreachRate() throws Exception {
        LifecycleScenario.Results out = new LifecycleScenario()
                .orders(
                        placedOrder("shopify:1", PLACED),
                        placedOrder("shopify:2", PLACED),
                        placedOrder("shopify:3", PLACED))
                .allocations(
                        allocation("shopify:1", PLACED),
                        allocation("shopify:2", PLACED),
                        allocation("shopify:3", PLACED))
                .runUntil("2026-11-27T12:00:00Z");

        assertThat(out.alerts("SHIP_SLA_BREACH")).hasSize(3);
        assertThat(out.alerts("SLA_BREACH_RATE"))
                .extracting(a -> a.location + "/" + a.channel + " " + a.observed)
                .containsExactlyInAnyOrder("WH-EAST/null 1.0", "null/shopify 1.0");
    }
}

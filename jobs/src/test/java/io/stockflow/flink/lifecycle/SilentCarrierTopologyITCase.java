package io.stockflow.flink.lifecycle;

import static io.stockflow.flink.lifecycle.LifecycleEvents.allocation;
import static io.stockflow.flink.lifecycle.LifecycleEvents.placedOrder;
import static io.stockflow.flink.lifecycle.LifecycleScenario.easyPost;
import static io.stockflow.flink.lifecycle.LifecycleScenario.shipped;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.flink.job.AlertGrouping;
import io.stockflow.lifecycle.CarrierSilences;
import io.stockflow.lifecycle.LifecycleAlerts;
import io.stockflow.testing.TestFlink;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lifecycle topology, in memory, with parcels of a carrier that never reports (USPS) beside a tracked parcel (UPS)
 * that arrives late. Orders are placed Tuesday 24 November 2026 10:00 UTC and shipped at 20:00: with the fixture
 * policy a parcel is stuck after two days without a carrier update (26th 20:00) and late after Saturday 28th 20:00.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SilentCarrierTopologyITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    private static final String PLACED = "2026-11-24T10:00:00Z";
    private static final String SHIPPED = "2026-11-24T20:00:00Z";

    private static LifecycleScenario fourSilentParcelsAndOneLateTrackedParcel() {
        LifecycleScenario scenario = new LifecycleScenario();
        for (int i = 1; i <= 5; i++) {
            String order = "shopify:" + (20 + i);
            scenario.orders(placedOrder(order, PLACED)).allocations(allocation(order, PLACED));
        }
        for (int i = 1; i <= 4; i++) {
            scenario.fulfilments(shipped("shopify:" + (20 + i), "9400100" + i, SHIPPED, "USPS"));
        }
        return scenario.fulfilments(shipped("shopify:25", "1Z25", SHIPPED, "UPS"))
                .carrierUpdates(easyPost("1Z25", "in_transit", "2026-11-25T06:00:00Z"));
    }

    @Test
    void parcelsOfACarrierThatNeverReportsRaiseOneAlertCountingThemAndTheTrackedParcelKeepsItsOwnBreach()
            throws Exception {
        LifecycleScenario.Results out =
                fourSilentParcelsAndOneLateTrackedParcel().runUntil("2026-11-30T12:00:00Z");

        assertThat(out.alerts(CarrierSilences.CARRIER_SILENT))
                .as("one alert for the carrier, updated as its count grows: 1, 2, then 4 orders")
                .extracting(a -> a.alertId)
                .containsOnly(out.alerts(CarrierSilences.CARRIER_SILENT).get(0).alertId);
        Alert latest = out.alerts(CarrierSilences.CARRIER_SILENT).stream()
                .max(Comparator.comparingInt(a -> a.revision))
                .orElseThrow();
        assertThat(latest.revision).isEqualTo(3);
        assertThat(latest.status).isEqualTo(Alert.FIRING);
        assertThat(latest.observed).isEqualTo(4.0);
        assertThat(latest.startedAt).isEqualTo(LifecycleEvents.at(SHIPPED));
        assertThat(latest.message).startsWith("No tracking from USPS for 4 shipped orders since 2026-11-24T20:00:00Z");
        assertThat(latest.evidenceJson).contains("\"carrier\":\"USPS\"", "\"breaches\":4");

        assertThat(out.alerts())
                .filteredOn(a -> a.type.equals(LifecycleAlerts.STUCK_ORDER)
                        || a.type.equals(LifecycleAlerts.DELIVERY_SLA_BREACH))
                .as("the tracked parcel's own breaches, and none of the silent parcels'")
                .extracting(a -> a.type + " " + a.orderId)
                .containsExactlyInAnyOrder("DELIVERY_SLA_BREACH shopify:25", "STUCK_ORDER shopify:25");
    }

    @Test
    void withoutGroupingEverySilentParcelRaisesItsOwnBreaches() throws Exception {
        LifecycleScenario.Results out =
                fourSilentParcelsAndOneLateTrackedParcel().runUntil("2026-11-30T12:00:00Z", AlertGrouping.OFF);

        assertThat(out.alerts(CarrierSilences.CARRIER_SILENT)).isEmpty();
        assertThat(out.alerts(LifecycleAlerts.STUCK_ORDER)).hasSize(5);
        assertThat(out.alerts(LifecycleAlerts.DELIVERY_SLA_BREACH)).hasSize(5);
    }

    @Test
    void aParcelLostByACarrierThatReportsOnLaterParcelsKeepsItsOwnBreaches() throws Exception {
        LifecycleScenario.Results out = new LifecycleScenario()
                .orders(placedOrder("shopify:31", PLACED), placedOrder("shopify:32", PLACED))
                .allocations(allocation("shopify:31", PLACED), allocation("shopify:32", PLACED))
                .fulfilments(
                        shipped("shopify:31", "1Z31", SHIPPED, "UPS"),
                        shipped("shopify:32", "1Z32", "2026-11-25T09:00:00Z", "UPS"))
                .carrierUpdates(
                        easyPost("1Z32", "in_transit", "2026-11-25T12:00:00Z"),
                        easyPost("1Z32", "delivered", "2026-11-26T12:00:00Z"))
                .runUntil("2026-11-30T12:00:00Z");

        assertThat(out.alerts(CarrierSilences.CARRIER_SILENT)).isEmpty();
        assertThat(out.alerts())
                .extracting(a -> a.type + " " + a.orderId)
                .containsExactlyInAnyOrder("STUCK_ORDER shopify:31", "DELIVERY_SLA_BREACH shopify:31");
    }
}

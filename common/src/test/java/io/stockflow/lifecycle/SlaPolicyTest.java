package io.stockflow.lifecycle;

import static io.stockflow.lifecycle.TestConfig.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {
    private final SlaPolicy policy = TestConfig.policy();

    private static OrderTrack placed(String time, String channel, String serviceLevel, String location) {
        OrderTrack t = new OrderTrack();
        t.orderId = channel + ":1";
        t.channel = channel;
        t.known = true;
        t.placedAt = at(time);
        t.serviceLevel = serviceLevel;
        t.location = location;
        return t;
    }

    @Test
    void anOrderBeforeTheCutOffCountsFromTodayAndShipsByTheEndOfItsHandlingDay() {
        // Tuesday 10:00 UTC, one working day of handling: ship by Wednesday 23:59.
        Deadline shipBy = policy.shipBy(placed("2026-11-24T10:00:00Z", "shopify", "STANDARD", null));

        assertThat(shipBy.time).isEqualTo(at("2026-11-25T23:59:00Z"));
        assertThat(shipBy.source)
                .contains("policy test-1")
                .contains("1 working day(s)")
                .contains("cut-off 14:00 UTC");
    }

    @Test
    void anOrderAfterTheCutOffCountsFromTheNextWorkingDay() {
        assertThat(policy.shipBy(placed("2026-11-24T15:00:00Z", "shopify", "STANDARD", null)).time)
                .isEqualTo(at("2026-11-26T23:59:00Z"));
    }

    @Test
    void weekendsAndHolidaysAreNotWorkingDays() {
        // Friday after the cut-off: counts from Monday, ships by Tuesday.
        assertThat(policy.shipBy(placed("2026-11-27T16:00:00Z", "shopify", "STANDARD", null)).time)
                .isEqualTo(at("2026-12-01T23:59:00Z"));
        // Saturday, priority (no handling day): counts from Monday, ships Monday.
        assertThat(policy.shipBy(placed("2026-11-28T09:00:00Z", "shopify", "PRIORITY", null)).time)
                .isEqualTo(at("2026-11-30T23:59:00Z"));
        // Thursday 24 December after the cut-off: the 25th is a holiday, so from the 28th (Monday) plus one day.
        assertThat(policy.shipBy(placed("2026-12-24T15:00:00Z", "shopify", "STANDARD", null)).time)
                .isEqualTo(at("2026-12-29T23:59:00Z"));
    }

    @Test
    void theShippingLocationsTimeZoneCutOffAndShipTimeApply() {
        // 11:30 UTC is 12:30 in Berlin: after WH-EU's 12:00 cut-off; ships by Thursday 18:00 Berlin = 17:00 UTC.
        assertThat(policy.shipBy(placed("2026-11-24T11:30:00Z", "shopify", "STANDARD", "WH-EU")).time)
                .isEqualTo(at("2026-11-26T17:00:00Z"));
    }

    @Test
    void channelsOverrideHandlingDaysAndFallBackToTheDefaultForTheRest() {
        assertThat(policy.handlingDays("ebay", "STANDARD")).isEqualTo(2);
        assertThat(policy.handlingDays("ebay", "PRIORITY"))
                .as("from the default channel")
                .isEqualTo(0);
        assertThat(policy.handlingDays("amazon", "EXPEDITED"))
                .as("unknown level: the STANDARD days")
                .isEqualTo(1);
        assertThat(policy.transitDays("ebay", "STANDARD")).isEqualTo(3);
    }

    @Test
    void deliverByCountsTransitDeliveryDaysAfterTheShipByDay() {
        // Ship by Wednesday 25th; 3 delivery days (Mon-Sat): Thursday, Friday, Saturday 28th, by 20:00.
        assertThat(policy.deliverBy(placed("2026-11-24T10:00:00Z", "shopify", "STANDARD", null)).time)
                .isEqualTo(at("2026-11-28T20:00:00Z"));
    }

    @Test
    void theMarketplacesDatesWinOverThePolicy() {
        OrderTrack t = placed("2026-11-24T10:00:00Z", "amazon", "STANDARD", null);
        t.marketShipBy = at("2026-11-24T23:00:00Z");
        assertThat(policy.shipBy(t).source).isEqualTo("marketplace");
        assertThat(policy.shipBy(t).time).isEqualTo(at("2026-11-24T23:00:00Z"));
        assertThat(policy.deliverBy(t).time)
                .as("from the marketplace's ship-by, by policy transit")
                .isEqualTo(at("2026-11-27T20:00:00Z"));
        t.marketDeliverBy = at("2026-11-26T20:00:00Z");
        assertThat(policy.deliverBy(t).source).isEqualTo("marketplace");
    }

    @Test
    void anUnknownOrderHasNoDeadlines() {
        OrderTrack t = new OrderTrack();
        assertThat(policy.shipBy(t)).isNull();
        assertThat(policy.deliverBy(t)).isNull();
    }

    @Test
    void readsLimitsAndWindows() {
        assertThat(policy.stuckAfter(Stage.PACKED)).isEqualTo(Duration.ofHours(24));
        assertThat(policy.stuckAfter(Stage.PICKED)).isNull();
        assertThat(policy.breachRate.minOrders).isEqualTo(4);
        assertThat(policy.trackingLinkWait).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void aBadPolicyNamesTheField() {
        String bad = new String(TestConfig.bytes("test-policy.json"), StandardCharsets.UTF_8)
                .replace("\"cutoff\": \"12:00\"", "\"cutoff\": \"noon\"");
        assertThatThrownBy(() -> SlaPolicyReader.read(bad.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("locations.WH-EU.cutoff must be a time of day");
        String noStage = new String(TestConfig.bytes("test-policy.json"), StandardCharsets.UTF_8)
                .replace("\"PACKED\": \"PT24H\"", "\"BOXED\": \"PT24H\"");
        assertThatThrownBy(() -> SlaPolicyReader.read(noStage.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("stuck_after.BOXED: not a stage");
    }
}

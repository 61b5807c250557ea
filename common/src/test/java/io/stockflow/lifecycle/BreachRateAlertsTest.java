package io.stockflow.lifecycle;

import static io.stockflow.lifecycle.TestConfig.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BreachRateAlertsTest {
    private final BreachRatePolicy policy = new BreachRatePolicy(Duration.ofHours(4), Duration.ofHours(1), 0.25, 4);

    @Test
    void oneLateOrderOfTwoPagesNobodyButEnoughVolumeAboveTheThresholdDoes() {
        assertThat(BreachRateAlerts.breaching(policy, 1, 2))
                .as("below the minimum volume")
                .isFalse();
        assertThat(BreachRateAlerts.breaching(policy, 1, 4))
                .as("25% is not above 25%")
                .isFalse();
        assertThat(BreachRateAlerts.breaching(policy, 2, 5)).isTrue();
    }

    @Test
    void explainsTheShareTheVolumeAndTheWindow() {
        Alert a = BreachRateAlerts.of(
                policy,
                BreachRateAlerts.LOCATION,
                "WH-EAST",
                OrderLifecycle.SHIP,
                2,
                5,
                at("2026-11-24T00:00:00Z"),
                at("2026-11-24T04:00:00Z"),
                at("2026-11-24T04:00:00Z"));

        assertThat(a.location).isEqualTo("WH-EAST");
        assertThat(a.channel).isNull();
        assertThat(a.observed).isEqualTo(0.4);
        assertThat(a.expected).isEqualTo(0.25);
        assertThat(a.message)
                .isEqualTo("2 of 5 orders (40%) of location WH-EAST with a ship-by between"
                        + " 2026-11-24T00:00:00Z and 2026-11-24T04:00:00Z missed it, above the 25% threshold.");
        assertThat(a.alertId)
                .isEqualTo(BreachRateAlerts.of(
                                policy,
                                BreachRateAlerts.LOCATION,
                                "WH-EAST",
                                OrderLifecycle.SHIP,
                                3,
                                6,
                                at("2026-11-24T00:00:00Z"),
                                at("2026-11-24T04:00:00Z"),
                                0)
                        .alertId)
                .as("the same window of the same key is the same alert");
    }

    @Test
    void refusesAWindowThatIsNotAMultipleOfItsSlide() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new BreachRatePolicy(Duration.ofMinutes(90), Duration.ofHours(1), 0.2, 3))
                .hasMessageContaining("multiple of slide");
    }
}

package io.stockflow.ledger;

import static io.stockflow.ledger.LedgerHarness.DETECTED_AT;
import static io.stockflow.ledger.LedgerHarness.SKU;
import static io.stockflow.ledger.LedgerHarness.alertsOfType;
import static io.stockflow.ledger.SkuLedger.ALL_LOCATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.alert.AlertIds;
import io.stockflow.alert.Severity;
import io.stockflow.model.MovementType;
import java.util.List;
import org.junit.jupiter.api.Test;

class LowStockAlertTest {
    private static final long THRESHOLD = 5;

    private static LedgerHarness harness() {
        return new LedgerHarness(LedgerHarness.policy(THRESHOLD, 0));
    }

    private static Alert only(List<Alert> alerts, String location) {
        return alerts.stream()
                .filter(a -> location.equals(a.location))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no LOW_STOCK for " + location + " in " + alerts));
    }

    @Test
    void raisedAtTheLocationAndOverallWhenAvailableCrossesBelowTheThreshold() {
        LedgerHarness h = harness();
        h.receive("W1", 10);

        LedgerEffects effects = h.reserve("o1", 6);

        List<Alert> low = alertsOfType(effects, "LOW_STOCK");
        assertThat(low).extracting(a -> a.location).containsExactlyInAnyOrder("W1", ALL_LOCATIONS);

        Alert atW1 = only(low, "W1");
        assertThat(atW1.alertId)
                .isEqualTo(AlertIds.of("LOW_STOCK", SKU, "W1", h.version("W1")))
                .startsWith("low_stock-");
        assertThat(atW1.severity).isEqualTo(Severity.WARNING);
        assertThat(atW1.sku).isEqualTo(SKU);
        assertThat(atW1.orderId).isNull();
        assertThat(atW1.eventTime).isEqualTo(h.now());
        assertThat(atW1.detectedAt).isEqualTo(DETECTED_AT);
        assertThat(atW1.observed).isEqualTo(4.0);
        assertThat(atW1.expected).isEqualTo(5.0);
        assertThat(atW1.message)
                .isEqualTo("Available stock of SKU-1 at W1 fell from 10 to 4, below the low-stock threshold of 5.");
        assertThat(atW1.evidenceJson)
                .contains(
                        "\"available_before\":10",
                        "\"available\":4",
                        "\"on_hand\":10",
                        "\"reserved\":6",
                        "\"threshold\":5");

        Alert overall = only(low, ALL_LOCATIONS);
        assertThat(overall.message).contains("over all locations", "fell from 10 to 4");
        assertThat(overall.alertId).isNotEqualTo(atW1.alertId);
    }

    @Test
    void notRaisedAgainWhileAvailableStaysBelow() {
        LedgerHarness h = harness();
        h.receive("W1", 10);
        h.reserve("o1", 6);

        assertThat(alertsOfType(h.reserve("o2", 2), "LOW_STOCK")).isEmpty();
        assertThat(alertsOfType(h.receive("W1", 1), "LOW_STOCK")).isEmpty();
        assertThat(alertsOfType(h.move("W1", MovementType.DAMAGED, 1), "LOW_STOCK"))
                .isEmpty();
    }

    @Test
    void raisedAgainAfterAvailableRecoversAndFallsAgain() {
        LedgerHarness h = harness();
        h.receive("W1", 10);
        String first = only(alertsOfType(h.reserve("o1", 6), "LOW_STOCK"), "W1").alertId;

        assertThat(alertsOfType(h.receive("W1", 10), "LOW_STOCK")).isEmpty(); // available 14
        List<Alert> again = alertsOfType(h.reserve("o2", 12), "LOW_STOCK"); // available 2

        assertThat(again).extracting(a -> a.location).containsExactlyInAnyOrder("W1", ALL_LOCATIONS);
        assertThat(only(again, "W1").alertId).isNotEqualTo(first);
        assertThat(only(again, "W1").message).contains("fell from 14 to 2");
    }

    @Test
    void landingExactlyOnTheThresholdIsNotBelowIt() {
        LedgerHarness h = harness();
        h.receive("W1", 10);

        assertThat(alertsOfType(h.reserve("o1", 5), "LOW_STOCK")).isEmpty();
        assertThat(alertsOfType(h.reserve("o2", 1), "LOW_STOCK")).hasSize(2);
    }

    @Test
    void criticalWhenNothingIsLeft() {
        LedgerHarness h = harness();
        h.receive("W1", 10);

        List<Alert> low = alertsOfType(h.move("W1", MovementType.COUNT, 0), "LOW_STOCK");

        assertThat(low).hasSize(2).allSatisfy(a -> {
            assertThat(a.severity).isEqualTo(Severity.CRITICAL);
            assertThat(a.observed).isEqualTo(0.0);
        });
    }

    @Test
    void theTotalCrossesOnItsOwnThreshold() {
        LedgerHarness h = harness();
        h.receive("W1", 8);
        h.receive("W2", 8);

        List<Alert> first = alertsOfType(h.reserve("o1", 4), "LOW_STOCK"); // W1 4, total 12
        assertThat(first).extracting(a -> a.location).containsExactly("W1");

        List<Alert> second = alertsOfType(h.reserve("o2", 4), "LOW_STOCK"); // W2 4, total 8
        assertThat(second).extracting(a -> a.location).containsExactly("W2");

        List<Alert> third = alertsOfType(h.move("W2", MovementType.DAMAGED, 4), "LOW_STOCK"); // W2 0, total 4
        assertThat(third).extracting(a -> a.location).containsExactly(ALL_LOCATIONS);
    }

    @Test
    void aNewLocationThatStartsBelowTheThresholdHasNotFallen() {
        LedgerHarness h = harness();

        assertThat(alertsOfType(h.receive("W1", 3), "LOW_STOCK")).isEmpty();
    }

    @Test
    void safetyStockCountsAgainstTheThreshold() {
        LedgerHarness h = new LedgerHarness(LedgerHarness.policy(THRESHOLD, 3));
        h.receive("W1", 10); // available 7

        List<Alert> low = alertsOfType(h.reserve("o1", 3), "LOW_STOCK"); // available 4

        assertThat(low).extracting(a -> a.location).containsExactlyInAnyOrder("W1", ALL_LOCATIONS);
        assertThat(only(low, "W1").evidenceJson).contains("\"safety_stock\":3");
    }

    @Test
    void theSameHistoryRaisesTheSameAlertIds() {
        List<String> first = lowStockIdsOfAHistory();
        List<String> second = lowStockIdsOfAHistory();

        assertThat(first).hasSize(4).doesNotHaveDuplicates();
        assertThat(second).isEqualTo(first);
    }

    private static List<String> lowStockIdsOfAHistory() {
        LedgerHarness h = harness();
        List<String> ids = new java.util.ArrayList<>();
        h.receive("W1", 10);
        alertsOfType(h.reserve("o1", 8), "LOW_STOCK").forEach(a -> ids.add(a.alertId));
        h.cancel("o1");
        alertsOfType(h.reserve("o2", 8), "LOW_STOCK").forEach(a -> ids.add(a.alertId));
        return ids;
    }
}

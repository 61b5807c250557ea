package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertLogTest {
    private static StoredAlert alert(String id, Severity severity, String sku, long at) {
        return new StoredAlert(id, "LOW_STOCK", severity, null, sku, "WH-EAST", null, at, "{}");
    }

    private static AlertQuery all(int offset, int limit) {
        return new AlertQuery(null, null, null, null, null, null, offset, limit);
    }

    @Test
    void answersNewestFirstAndKeepsTheNewestWithinItsBound() {
        AlertLog log = new AlertLog(3);
        for (int i = 1; i <= 5; i++) log.add(alert("a" + i, Severity.WARNING, "SKU-A", i * 1000L));

        assertThat(log.query(all(0, 10)).alerts())
                .extracting(StoredAlert::alertId)
                .containsExactly("a5", "a4", "a3");
        assertThat(log.add(alert("a5", Severity.WARNING, "SKU-A", 5000L))).isFalse();
    }

    @Test
    void filtersBySeverityAtLeastSkuAndSinceAndPages() {
        AlertLog log = new AlertLog(100);
        log.add(alert("i", Severity.INFO, "SKU-A", 1000));
        log.add(alert("w", Severity.WARNING, "SKU-B", 2000));
        log.add(alert("c", Severity.CRITICAL, "SKU-A", 3000));

        assertThat(log.query(new AlertQuery(null, Severity.WARNING, null, null, null, null, 0, 10))
                        .alerts())
                .extracting(StoredAlert::alertId)
                .containsExactly("c", "w");
        assertThat(log.query(new AlertQuery(null, null, null, "SKU-A", null, 1500L, 0, 10))
                        .alerts())
                .extracting(StoredAlert::alertId)
                .containsExactly("c");
        AlertLog.Page second = log.query(all(1, 1));
        assertThat(second.alerts()).extracting(StoredAlert::alertId).containsExactly("w");
        assertThat(second.matched()).isEqualTo(3);
    }

    @Test
    void anUpdatedAlertIsShownOnceInItsLatestRevision() {
        AlertLog log = new AlertLog(10);
        log.add(alert("other", Severity.WARNING, "SKU-B", 1500L));
        assertThat(log.add(episode(1, 1000L))).isTrue();
        assertThat(log.add(episode(3, 3000L))).isTrue();
        assertThat(log.add(episode(2, 2000L)))
                .as("an older revision arriving late")
                .isFalse();
        assertThat(log.add(episode(3, 3000L))).as("a repeat").isFalse();

        assertThat(log.query(all(0, 10)).alerts())
                .extracting(a -> a.alertId() + " r" + a.revision())
                .containsExactly("oversell-x r3", "other r0");
        assertThat(log.size()).isEqualTo(2);
    }

    private static StoredAlert episode(int revision, long at) {
        return new StoredAlert(
                "oversell-x", "OVERSELL", Severity.CRITICAL, null, "SKU-A", null, null, at, "{}", "FIRING", revision);
    }
}

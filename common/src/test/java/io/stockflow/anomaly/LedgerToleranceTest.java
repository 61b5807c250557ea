package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedgerToleranceTest {
    @Test
    void unitsForSmallLedgersAShareForLargeOnes() {
        LedgerTolerance t = new LedgerTolerance(2, 0.05);
        assertThat(t.allowed(10)).isEqualTo(2);
        assertThat(t.allowed(100)).isEqualTo(5);
        assertThat(t.allowed(101)).as("rounded up").isEqualTo(6);
        assertThat(t.mismatch(12, 10)).isFalse();
        assertThat(t.mismatch(7, 10)).isTrue();
        assertThat(t.mismatch(95, 100)).isFalse();
        assertThat(t.mismatch(94, 100)).isTrue();
    }
}

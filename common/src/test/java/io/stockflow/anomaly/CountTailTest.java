package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CountTailTest {
    @Test
    void poissonTailsMatchTheirClosedForms() {
        // P(X >= 1) = 1 - e^-m; P(X <= 1) = e^-m (1 + m).
        assertThat(CountTail.upper(1, 2.5, 0)).isCloseTo(1 - Math.exp(-2.5), within(1e-12));
        assertThat(CountTail.lower(1, 2.5, 0)).isCloseTo(Math.exp(-2.5) * 3.5, within(1e-12));
        // P(X >= 10 | 0.6) is about 1.0e-9: far tails stay accurate.
        double tail = 0;
        double term = Math.exp(-0.6);
        for (int k = 1; k < 60; k++) {
            term *= 0.6 / k;
            if (k >= 10) tail += term;
        }
        assertThat(CountTail.upper(10, 0.6, 0)).isCloseTo(tail, within(tail * 1e-9));
    }

    @Test
    void theNegativeBinomialIsWiderAndHasItsClosedFormAtZero() {
        assertThat(CountTail.zero(10, 0.5)).isCloseTo(Math.pow(6, -2), within(1e-12));
        assertThat(CountTail.upper(1, 10, 0.5)).isCloseTo(1 - Math.pow(6, -2), within(1e-10));
        assertThat(CountTail.upper(30, 10, 0.2)).isGreaterThan(CountTail.upper(30, 10, 0) * 100);
        assertThat(CountTail.lower(1e9, 10, 0.2)).isCloseTo(1, within(1e-9));
    }

    @Test
    void logGammaIsExactAtIntegers() {
        assertThat(CountTail.logGamma(1)).isCloseTo(0, within(1e-12));
        assertThat(CountTail.logGamma(11)).isCloseTo(Math.log(3_628_800), within(1e-10));
        assertThat(CountTail.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-12));
    }
}

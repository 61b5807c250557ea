package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CountTestTest {
    private static final long HOUR = 3_600_000L;
    private final CountTest test = CountTest.DEMAND;

    @Test
    void aSpikeNeedsVolumeRatioAndAProbabilityBelowTheThreshold() {
        assertThat(test.spike(30, 5, HOUR, 0, 1e-7).significant()).isTrue();
        assertThat(test.spike(9, 0.5, HOUR, 0, 1e-7))
                .as("below the minimum count")
                .isNull();
        assertThat(test.spike(60, 25, HOUR, 0, 1e-7))
                .as("2.4 times: not a one-hour spike")
                .isNull();
        assertThat(test.spike(60, 25, 24 * HOUR, 0, 1e-7).significant())
                .as("2.4 times over a day is one")
                .isTrue();
        assertThat(test.spike(12, 3.9, HOUR, 0, 1e-7).significant())
                .as("3.1 times, but chance 7e-4")
                .isFalse();
    }

    @Test
    void overDispersionWidensWhatChanceExplains() {
        CountVerdict poisson = test.spike(300, 100, 24 * HOUR, 0, 1e-7);
        CountVerdict wide = test.spike(300, 100, 24 * HOUR, 0.3, 1e-7);
        assertThat(poisson.significant()).isTrue();
        assertThat(wide.significant())
                .as("a rate that varies by 55% explains a tripling")
                .isFalse();
        assertThat(wide.pValue).isGreaterThan(poisson.pValue * 1e6);
    }

    @Test
    void theGateTailIsTheChanceOfACountTheTestCouldReport() {
        // One hour of a SKU expecting 0.5 lines: only ten or more pass the gates (ratio 3 and three deviations ask
        // less).
        assertThat(test.gateTail(0.5, HOUR, 0, 1)).isCloseTo(CountTail.upper(10, 0.5, 0), within(1e-18));
        // A day expecting 40: twice the expected is the gate (three deviations are 65.5).
        assertThat(test.gateTail(40, 24 * HOUR, 0.02, 1)).isCloseTo(CountTail.upper(80, 40, 0.02), within(1e-15));
        // With a wider range, three deviations are the gate: 40 + 3 x sqrt(40 + 0.1 x 1600) = 82.4.
        assertThat(test.gateTail(40, 24 * HOUR, 0.1, 1)).isCloseTo(CountTail.upper(83, 40, 0.1), within(1e-15));
        // Counts in clumps of 2: a gate of ten units is five clumps.
        assertThat(test.gateTail(0.5, HOUR, 0, 2)).isCloseTo(CountTail.upper(5, 0.25, 0), within(1e-15));
        assertThat(test.gateTail(0, HOUR, 0.1, 1)).isZero();
        assertThat(test.gateTail(0.01, HOUR, 0.1, 1))
                .as("a SKU of a line a week cannot spend the budget")
                .isLessThan(1e-15);
    }

    @Test
    void aDropNeedsEnoughExpected() {
        assertThat(test.drop(2, 30, HOUR, 0, 1e-6).significant()).isTrue();
        assertThat(test.drop(0, 15, HOUR, 0, 1e-6))
                .as("too little expected to tell")
                .isNull();
        assertThat(test.drop(12, 30, HOUR, 0, 1e-6)).as("40% of expected").isNull();
    }

    @Test
    void refundsHaveNoDrop() {
        assertThat(CountTest.REFUNDS.drop(0, 1000, HOUR, 0, 1)).isNull();
    }
}

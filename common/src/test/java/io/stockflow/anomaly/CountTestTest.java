package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CountTestTest {
    private final CountTest test = new CountTest(10, 3.0, 5.0, 20, 0.35, 3.5, 1.2);

    @Test
    void scoreIsTheDistanceInPoissonStandardDeviations() {
        assertThat(test.score(30, 10)).isCloseTo(20 / Math.sqrt(12), within(1e-12));
        assertThat(test.score(3, 0.2))
                .as("expected below 1 counts as 1")
                .isCloseTo(2.8 / Math.sqrt(1.2), within(1e-12));
    }

    @Test
    void aSpikeNeedsVolumeRatioAndScore() {
        assertThat(test.spike(30, 5)).isTrue();
        assertThat(test.spike(9, 0.5)).as("below the minimum count").isFalse();
        assertThat(test.spike(60, 25)).as("score 6.2 but only 2.4 times").isFalse();
        assertThat(test.spike(12, 3.9)).as("3.1 times but score 3.7").isFalse();
    }

    @Test
    void aDropNeedsEnoughExpected() {
        assertThat(test.drop(2, 30)).isTrue();
        assertThat(test.drop(0, 15)).as("too little expected to tell").isFalse();
        assertThat(test.drop(12, 30)).as("40% of expected").isFalse();
    }

    @Test
    void refundsHaveNoDrop() {
        assertThat(CountTest.REFUNDS.drop(0, 1000)).isFalse();
    }
}

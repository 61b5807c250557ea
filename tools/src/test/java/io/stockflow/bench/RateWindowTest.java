package io.stockflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateWindowTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void takesTheSlopeOfTheWarmHalfFromTheLastSampleBelowFiftyPercentToTheFirstAtNinetyPercent() {
        RateWindow w = new RateWindow();
        w.add(0, 0);
        w.add(SECOND, 5); // start-up: slow
        w.add(3 * SECOND, 200); // still warming up
        w.add(4 * SECOND, 450); // last below 50% of 1000
        w.add(5 * SECOND, 700);
        w.add(6 * SECOND, 950); // first at 90%
        w.add(9 * SECOND, 1000); // the drain: slow

        assertThat(w.perSecond(1000)).isCloseTo(250.0, within(1e-9));
    }

    @Test
    void aRunWithinOneSamplingPeriodStillGetsARate() {
        RateWindow w = new RateWindow();
        w.add(0, 0);
        w.add(SECOND / 4, 3000);

        assertThat(w.perSecond(3000)).isCloseTo(12_000.0, within(1e-9));
    }

    @Test
    void hasNoRateBeforeNinetyPercent() {
        RateWindow w = new RateWindow();
        w.add(0, 0);
        w.add(SECOND, 100);

        assertThat(w.perSecond(1000)).isNaN();
    }

    @Test
    void startsNoEarlierThanTheMarkedCount() {
        RateWindow w = new RateWindow();
        w.add(0, 0);
        w.add(SECOND, 500);
        w.add(2 * SECOND, 600); // still loading state: slow
        w.startHere();
        w.add(3 * SECOND, 750);
        w.add(4 * SECOND, 950);

        assertThat(w.perSecond(1000)).isCloseTo(175.0, within(1e-9));
    }
}

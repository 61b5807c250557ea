package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SalesVelocityTest {
    static final long BIN = RhythmModel.BIN_MILLIS;

    @Test
    void firstBinSetsTheVelocityThenItAveragesExponentially() {
        SalesVelocity v = new SalesVelocity();
        v.add(0, 5);
        assertThat(v.perHour).isEqualTo(20.0);
        v.add(BIN, 13);
        assertThat(v.perHour).isCloseTo(20 + (52 - 20) / SalesVelocity.MEMORY_BINS, within(1e-9));
        assertThat(v.binsSeen).isEqualTo(2);
    }

    @Test
    void binsWithoutSalesCountAsZero() {
        SalesVelocity v = new SalesVelocity();
        v.add(0, 10);
        v.add(4 * BIN, 10);
        double keep = 1 - 1 / SalesVelocity.MEMORY_BINS;
        double afterGap = 40 * keep * keep * keep;
        assertThat(v.perHour).isCloseTo(afterGap + (40 - afterGap) / SalesVelocity.MEMORY_BINS, within(1e-9));
        assertThat(v.binsSeen).isEqualTo(5);
    }

    @Test
    void aBinOlderThanTheLastIsIgnored() {
        SalesVelocity v = new SalesVelocity();
        v.add(2 * BIN, 10);
        v.add(BIN, 100);
        assertThat(v.perHour).isEqualTo(40.0);
    }

    @Test
    void hoursLeftAtTheVelocity() {
        SalesVelocity v = new SalesVelocity();
        assertThat(v.hoursLeft(10)).isInfinite();
        v.add(0, 5);
        assertThat(v.hoursLeft(30)).isEqualTo(1.5);
        assertThat(v.hoursLeft(-3)).isZero();
    }
}

package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeriesLevelTest {
    /** A series' hours: each a bin that ends its hour, {@code observed} where {@code expected} was expected. */
    static SeriesHours hours(double[] observed, double[] expected) {
        SeriesHours h = new SeriesHours();
        for (int i = 0; i < observed.length; i++) h.add(observed[i], expected[i], true);
        return h;
    }

    static double[] constant(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    @Test
    void aBestSellerRunningAtHalfItsBaselineIsExpectedAtAboutHalfWithANarrowerRange() {
        SeriesLevel level = SeriesLevel.of(hours(constant(24, 10), constant(24, 20)), 0, 0.2);
        // 120 lines seen where 240 were expected, and a prior worth 5 expected lines at factor 1.
        assertThat(level.factor).isCloseTo((120 + 5) / (240 + 5.0), within(1e-9));
        assertThat(level.dispersion).isCloseTo(1 / 245.0 + SeriesLevel.DRIFT_SHARE * 0.2, within(1e-9));
        assertThat(level.expectedSeen).isEqualTo(240);
    }

    @Test
    void aSlowSellerKeepsAboutTheBaselineAndThePooledRange() {
        double[] observed = constant(24, 0);
        observed[20] = 1;
        SeriesLevel level = SeriesLevel.of(hours(observed, constant(24, 0.05)), 0, 0.2);
        assertThat(level.factor).isBetween(0.95, 1.2);
        assertThat(level.dispersion).isCloseTo(0.2, within(0.03));
    }

    @Test
    void theHoursSkippedNeverMoveTheLevel() {
        double[] observed = constant(24, 20);
        for (int i = 18; i < 24; i++) observed[i] = 0; // the last six hours: empty
        SeriesHours h = hours(observed, constant(24, 20));
        assertThat(SeriesLevel.of(h, 6, 0.2).factor).isCloseTo(1, within(1e-9));
        assertThat(SeriesLevel.of(h, 0, 0.2).factor).isLessThan(0.6);
    }

    @Test
    void anOddHourCountsAtMostThreeTimesItsExpectedPlusThree() {
        double[] observed = constant(24, 2);
        observed[23] = 200;
        SeriesLevel level = SeriesLevel.of(hours(observed, constant(24, 2)), 0, 0.2);
        assertThat(level.factor).isCloseTo((11 * 2 + 9 + 5) / (24 + 5.0), within(1e-9));
    }

    @Test
    void hoursMarkedAnomalousAreLeftOutAndTheSpanReachesFurtherBack() {
        double[] observed = constant(24, 20);
        observed[22] = 0; // the last two hours: an earlier drop, already judged
        observed[23] = 2;
        SeriesHours h = hours(observed, constant(24, 20));
        long lastHourEnd = 24 * SeriesHours.HOUR_MILLIS;
        h.markAnomalous(lastHourEnd - 2 * SeriesHours.HOUR_MILLIS + 1, lastHourEnd);
        assertThat(h.anomalous(0)).isTrue();
        assertThat(h.anomalous(1)).isTrue();
        assertThat(h.anomalous(2)).isFalse();
        assertThat(h.hourAnomalous).as("the window ends with the last hour").isFalse();
        SeriesLevel level = SeriesLevel.of(h, 0, 0.2);
        assertThat(level.factor).isCloseTo(1, within(1e-9));
        assertThat(level.expectedSeen).as("twelve hours, not the two marked").isEqualTo(240);
    }

    @Test
    void theMarksMoveWithTheHours() {
        SeriesHours h = hours(constant(13, 20), constant(13, 20));
        long now = 13 * SeriesHours.HOUR_MILLIS + 15 * 60_000L;
        h.add(0, 5, false);
        h.markAnomalous(now - 10 * 60_000L, now);
        assertThat(h.hourAnomalous).as("the hour in progress").isTrue();
        assertThat(h.anomalous(0)).as("no whole hour overlaps the window").isFalse();
        h.add(0, 15, true);
        assertThat(h.anomalous(0)).isTrue();
        assertThat(h.hourAnomalous).isFalse();
    }

    @Test
    void stateKeptBeforeTheMarksHasNone() {
        SeriesHours h = hours(constant(24, 20), constant(24, 20));
        h.anomalous = null;
        assertThat(h.anomalous(0)).isFalse();
        h.add(20, 20, true);
        assertThat(SeriesLevel.of(h, 0, 0.2).expectedSeen).isEqualTo(240);
    }

    @Test
    void tooShortAHistoryIsThePooledLevel() {
        SeriesLevel level = SeriesLevel.of(hours(constant(8, 40), constant(8, 20)), 0, 0.2);
        assertThat(level.factor).isEqualTo(1);
        assertThat(level.dispersion).isEqualTo(0.2);
    }
}

package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeasonalProfileTest {
    static final long HOUR = 3_600_000L;
    static final long BIN = RhythmModel.BIN_MILLIS;
    /** Monday 2 November 2026, 00:00 UTC. */
    static final long MONDAY = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();

    /** Lines per hour: 40 at night (0-6h), 160 by day (6-18h), 100 in the evening; Saturday and Sunday 1.5 times. */
    static double rate(long t) {
        int hour = (int) ((t / HOUR) % 24);
        double byHour = hour < 6 ? 40 : hour < 18 ? 160 : 100;
        long day = Math.floorMod((t - MONDAY) / (24 * HOUR), 7);
        return byHour * (day >= 5 ? 1.5 : 1.0);
    }

    static SeasonalProfile learned(long from, long to) {
        SeasonalProfile p = new SeasonalProfile();
        for (long t = from; t < to; t += BIN) p.observe(t, BIN, rate(t) * BIN / HOUR);
        return p;
    }

    @Test
    void oneDayGivesTheHourOfDayFactors() {
        SeasonalProfile p = learned(MONDAY, MONDAY + 24 * HOUR);
        double mean = (6 * 40 + 12 * 160 + 6 * 100) / 24.0;
        assertThat(p.hourFactor(3)).isCloseTo(40 / mean, within(1e-9));
        assertThat(p.hourFactor(12)).isCloseTo(160 / mean, within(1e-9));
        assertThat(p.expectedRate(MONDAY + 24 * HOUR + 3 * HOUR))
                .as("Tuesday 3:00")
                .isCloseTo(40, within(1e-6));
        assertThat(p.warm(24)).isTrue();
        assertThat(p.warm(25)).isFalse();
    }

    @Test
    void twoWeeksGiveTheWeekendFactor() {
        SeasonalProfile p = learned(MONDAY, MONDAY + 14 * 24 * HOUR);
        double saturday = p.dayFactor(5);
        double tuesday = p.dayFactor(1);
        // Not quite 1.5: the prior holds a day back, and the hour means mix weekdays and weekends.
        assertThat(saturday / tuesday).isCloseTo(1.5, within(0.15));
        // Saturday noon: the hour's mean (weekdays and weekends mixed) times the day factor, close to the truth.
        long saturdayNoon = MONDAY + 19 * 24 * HOUR + 12 * HOUR;
        assertThat(p.expectedRate(saturdayNoon)).isCloseTo(240, within(240 * 0.15));
    }

    @Test
    void anOddBinMovesTheHourLittle() {
        SeasonalProfile p = learned(MONDAY, MONDAY + 7 * 24 * HOUR);
        long next = MONDAY + 7 * 24 * HOUR + 12 * HOUR;
        double before = p.expectedRate(next);
        p.observe(next, BIN, 10 * rate(next) * BIN / HOUR);
        double after = p.expectedRate(next + 24 * HOUR);
        assertThat(after / before)
                .as("one bin at ten times the rate, in a slot of many")
                .isLessThan(1.15);
    }

    @Test
    void hoursNotSeenYetTakeTheMeanOfThoseSeen() {
        SeasonalProfile p = learned(MONDAY, MONDAY + 6 * HOUR);
        assertThat(p.expectedRate(MONDAY + 12 * HOUR)).isCloseTo(40, within(1e-6));
        assertThat(new SeasonalProfile().factor(MONDAY)).isEqualTo(1.0);
    }
}

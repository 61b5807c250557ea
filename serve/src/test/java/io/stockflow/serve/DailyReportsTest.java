package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyReportsTest {
    private static final long DAY = 86_400_000L;
    private static final long START = Instant.parse("2026-11-01T12:00:00Z").toEpochMilli();

    @Test
    void keepsTheLastDaysAndDropsOlderOnes() {
        DailyReports r = new DailyReports();
        for (int d = 0; d < DailyReports.DAYS_KEPT + 10; d++)
            r.add(START + d * DAY, DailyReports.Counter.ALERTS, 1, "X");
        assertThat(r.days()).hasSize(DailyReports.DAYS_KEPT);
        assertThat(r.days().get(0)).isEqualTo(LocalDate.parse("2026-11-11"));
        // A record for a day already dropped changes nothing.
        r.add(START, DailyReports.Counter.ALERTS, 1, "X");
        assertThat(r.days()).hasSize(DailyReports.DAYS_KEPT);
    }

    @Test
    void countsAtMostSoManySkusADayAndTheRestTogether() {
        DailyReports r = new DailyReports();
        for (int i = 0; i < DailyReports.SKUS_PER_DAY + 5; i++)
            r.add(START, DailyReports.Counter.STOCKOUTS, 1, "SKU-" + i);
        Map<List<String>, Long> counts = r.counts(LocalDate.parse("2026-11-01"), DailyReports.Counter.STOCKOUTS);
        assertThat(counts).hasSize(DailyReports.SKUS_PER_DAY + 1);
        assertThat(counts.get(List.of(DailyReports.OTHER_SKUS))).isEqualTo(5);
        // A SKU counted before the day filled keeps counting on its own.
        r.add(START, DailyReports.Counter.STOCKOUTS, 1, "SKU-0");
        assertThat(r.counts(LocalDate.parse("2026-11-01"), DailyReports.Counter.STOCKOUTS)
                        .get(List.of("SKU-0")))
                .isEqualTo(2);
    }

    @Test
    void weeksAreTheSumsOfTheirIsoWeeksDays() {
        DailyReports counters = new DailyReports();
        long monday = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();
        counters.add(monday - DAY, DailyReports.Counter.ALERTS, 1, "LOW_STOCK"); // Sunday: the week before
        counters.add(monday, DailyReports.Counter.ALERTS, 2, "LOW_STOCK");
        counters.add(monday + 6 * DAY, DailyReports.Counter.ALERTS, 3, "LOW_STOCK");
        ReportTable weeks = new Reports(counters).table("alerts", Reports.Period.WEEK, 5);
        assertThat(weeks.rows())
                .containsExactly(List.of("2026-W48", "LOW_STOCK", "5"), List.of("2026-W47", "LOW_STOCK", "1"));
        assertThat(new Reports(counters).table("alerts", Reports.Period.WEEK, 1).rows())
                .hasSize(1);
    }
}

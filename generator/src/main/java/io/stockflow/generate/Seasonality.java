package io.stockflow.generate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

/**
 * The order rate over time: quiet nights, a morning rise, a lunch bump and an evening peak, busier weekends. The
 * multiplier averages 1 over a week, so {@code ordersPerHour} is the weekly average. Arrivals are a Poisson process
 * with that rate, drawn by thinning.
 */
final class Seasonality {
    /** Relative orders per hour of the day, 0h to 23h; normalized below. */
    private static final double[] HOURLY = {
        0.45, 0.30, 0.22, 0.18, 0.18, 0.25, 0.45, 0.70, 0.90, 1.00, 1.10, 1.15, 1.25, 1.20, 1.10, 1.05, 1.10, 1.20,
        1.40, 1.60, 1.70, 1.55, 1.20, 0.75
    };

    private final boolean enabled;
    private final ZoneId zone;
    private final double[] hourly = new double[24];
    private final double weekday;
    private final double weekend;
    private final double max;
    /** Orders per millisecond at multiplier 1. */
    private final double baseRate;

    private final double dayVariation;
    private final long seed;
    private final java.util.Set<java.time.LocalDate> holidays;
    private final double holidayBoost;

    Seasonality(GeneratorSettings s) {
        enabled = s.seasonality;
        zone = s.seasonalityZone;
        double mean = 0;
        for (double h : HOURLY) mean += h / HOURLY.length;
        double peak = 0;
        for (int h = 0; h < 24; h++) {
            hourly[h] = HOURLY[h] / mean;
            peak = Math.max(peak, hourly[h]);
        }
        weekday = 7.0 / (5.0 + 2.0 * s.weekendBoost);
        weekend = weekday * s.weekendBoost;
        dayVariation = s.dayToDayVariation;
        seed = s.seed;
        holidays = new java.util.HashSet<>(s.holidays);
        holidayBoost = s.holidayBoost;
        double busiest = (holidays.isEmpty() ? 1 : Math.max(1, holidayBoost)) * (dayVariation > 0 ? MAX_DAY_FACTOR : 1);
        max = (enabled ? peak * Math.max(weekday, weekend) : 1.0) * busiest;
        baseRate = s.ordersPerHour / 3_600_000.0;
    }

    /** A day's factor never exceeds this, so that arrivals can be drawn by thinning. */
    static final double MAX_DAY_FACTOR = 2.5;

    /** How busy the moment is: the hour's and weekday's rhythm, times the day's own factor and a holiday's boost. */
    double multiplier(long millis) {
        double day = 1;
        if (dayVariation > 0 || !holidays.isEmpty()) {
            java.time.LocalDate date = Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
            if (dayVariation > 0) day *= logNormal(seed * 31 + date.toEpochDay(), dayVariation, MAX_DAY_FACTOR);
            if (holidays.contains(date)) day *= holidayBoost;
        }
        return rhythm(millis) * day;
    }

    /** A factor of mean 1 and coefficient of variation {@code cv}, the same for the same key, at most {@code cap}. */
    static double logNormal(long key, double cv, double cap) {
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        double z = new SplittableRandom(key * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L).nextGaussian();
        return Math.min(cap, Math.exp(sigma * z - sigma * sigma / 2));
    }

    private double rhythm(long millis) {
        if (!enabled) return 1.0;
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(zone);
        double hour = t.getHour() + t.getMinute() / 60.0 + t.getSecond() / 3600.0;
        int h = (int) hour;
        double f = hour - h;
        double byHour = hourly[h] * (1 - f) + hourly[(h + 1) % 24] * f;
        DayOfWeek day = t.getDayOfWeek();
        return byHour * (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? weekend : weekday);
    }

    /** Draws arrival times one after another. */
    final class Arrivals {
        private final SplittableRandom random;
        private double cursor;

        Arrivals(long start, SplittableRandom random) {
            this.random = random;
            this.cursor = start;
        }

        /** The next arrival after the previous one, or {@code Long.MAX_VALUE} when there is none before {@code end}. */
        long next(long end) {
            if (baseRate <= 0) return Long.MAX_VALUE;
            double peakRate = baseRate * max;
            while (true) {
                cursor += -Math.log(1.0 - random.nextDouble()) / peakRate;
                if (cursor >= end) {
                    cursor = end;
                    return Long.MAX_VALUE;
                }
                long at = (long) cursor;
                if (random.nextDouble() * max < multiplier(at)) return at;
            }
        }
    }
}

package io.stockflow.anomaly;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The shared rhythm of the shop, learned online from the total of placed order lines per bin: a decaying mean rate
 * per hour of day and per day of week (UTC clock), each turned into a factor around 1. Every SKU and channel shares
 * it: a best seller and a long-tail SKU follow the same day, and only the shop's total has the volume to learn the
 * hours of a week. A slot's mean is exact after its first observations and forgets slowly (a memory of about
 * {@link #HOUR_MEMORY_DAYS} days for hours, {@link #DAY_MEMORY_WEEKS} weeks for days), so a few odd hours move it
 * little. A day of week not seen yet has factor 1. A Flink POJO.
 */
public class SeasonalProfile {
    public static final double HOUR_MEMORY_DAYS = 7;
    public static final double DAY_MEMORY_WEEKS = 4;
    public static final double DAY_PRIOR_BINS = 24;

    /** Decayed sums of rates (lines per hour) and of weights, per hour of day and per day of week. */
    public double[] hourRate = new double[24];

    public double[] hourWeight = new double[24];
    public double[] dayRate = new double[7];
    public double[] dayWeight = new double[7];
    public double hoursSeen;

    public SeasonalProfile() {}

    public boolean warm(double minHours) {
        return hoursSeen >= minHours && mean(hourRate, hourWeight) > 0;
    }

    /** The multiplier of the moment: hour-of-day factor times day-of-week factor, 1 where nothing is known yet. */
    public double factor(long millis) {
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC);
        return hourFactor(t.getHour()) * dayFactor(dayIndex(t.getDayOfWeek()));
    }

    public double hourFactor(int hour) {
        double mean = mean(hourRate, hourWeight);
        if (hourWeight[hour] <= 0 || mean <= 0) return 1.0;
        return (hourRate[hour] / hourWeight[hour]) / mean;
    }

    /**
     * A day's factor, its mean shrunk towards 1 by a prior of {@link #DAY_PRIOR_BINS} bins: the first hours of a day
     * of the week not seen before say little about the whole day.
     */
    public double dayFactor(int day) {
        if (dayWeight[day] <= 0) return 1.0;
        double total = 0;
        int n = 0;
        for (int d = 0; d < 7; d++) {
            if (dayWeight[d] <= 0) continue;
            total += dayMean(d);
            n++;
        }
        return dayMean(day) / (total / n);
    }

    private double dayMean(int d) {
        return (dayRate[d] + DAY_PRIOR_BINS) / (dayWeight[d] + DAY_PRIOR_BINS);
    }

    /**
     * The shop's expected rate at a moment, in lines per hour: the mean of its hour of day, times its day-of-week
     * factor; the mean of the hours seen where this hour has not been seen yet.
     */
    public double expectedRate(long millis) {
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC);
        int h = t.getHour();
        double hourMean = hourWeight[h] > 0 ? hourRate[h] / hourWeight[h] : mean(hourRate, hourWeight);
        return hourMean * dayFactor(dayIndex(t.getDayOfWeek()));
    }

    /**
     * Learns from one bin: {@code total} lines placed in {@code [binStart, binStart + binMillis)}; the caller leaves out series in an anomaly.
     */
    public void observe(long binStart, long binMillis, double total) {
        double binHours = binMillis / 3_600_000.0;
        double rate = total / binHours;
        ZonedDateTime t = Instant.ofEpochMilli(binStart).atZone(ZoneOffset.UTC);
        int h = t.getHour();
        int d = dayIndex(t.getDayOfWeek());
        hoursSeen += binHours;
        // Once a slot knows its level, a bin counts at most three times it: one odd bin moves the slot little.
        if (hourWeight[h] >= 4) rate = Math.min(rate, 3 * hourRate[h] / hourWeight[h]);
        // An hour slot sees 1/binHours bins a day; a day slot 24/binHours bins a week.
        double hourKeep = 1 - binHours / HOUR_MEMORY_DAYS;
        hourRate[h] = hourRate[h] * hourKeep + rate;
        hourWeight[h] = hourWeight[h] * hourKeep + 1;
        // The day's level is judged against the hour's, so the day factor is free of the hour of day.
        double hourMean = hourWeight[h] > 0 ? hourRate[h] / hourWeight[h] : rate;
        double relative = hourMean > 0 ? Math.min(5, rate / hourMean) : 1;
        double dayKeep = 1 - binHours / (24 * 7 * DAY_MEMORY_WEEKS) * 7;
        dayRate[d] = dayRate[d] * dayKeep + relative;
        dayWeight[d] = dayWeight[d] * dayKeep + 1;
    }

    private static double mean(double[] sums, double[] weights) {
        double total = 0;
        int n = 0;
        for (int i = 0; i < sums.length; i++) {
            if (weights[i] <= 0) continue;
            total += sums[i] / weights[i];
            n++;
        }
        return n == 0 ? 0 : total / n;
    }

    private static int dayIndex(DayOfWeek d) {
        return d.getValue() - 1;
    }
}

package io.stockflow.anomaly;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The shared rhythm of the shop, learned online from the total of placed order lines per bin: a level (lines per
 * hour), a factor per hour of day and a factor per day of week (each averaging 1, UTC clock). Every SKU and channel
 * shares it: a best seller and a long-tail SKU follow the same day, and only the shop's total has the volume to learn
 * 168 hours of a week. Updates are clipped, so one burst moves the profile little. A Flink POJO.
 */
public class SeasonalProfile {
    public double level;
    public double[] hourly = ones(24);
    public double[] daily = ones(7);
    public double hoursSeen;

    public SeasonalProfile() {}

    private static double[] ones(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1.0);
        return a;
    }

    /** The multiplier of the moment: hour-of-day factor times day-of-week factor. */
    public double factor(long millis) {
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC);
        return hourly[t.getHour()] * daily[dayIndex(t.getDayOfWeek())];
    }

    public boolean warm(double minHours) {
        return hoursSeen >= minHours && level > 0;
    }

    /** Learns from one bin: {@code total} lines placed in {@code [binStart, binStart + binMillis)}. */
    public void observe(long binStart, long binMillis, double total) {
        double binHours = binMillis / 3_600_000.0;
        double rate = total / binHours;
        ZonedDateTime t = Instant.ofEpochMilli(binStart).atZone(ZoneOffset.UTC);
        int h = t.getHour();
        int d = dayIndex(t.getDayOfWeek());
        hoursSeen += binHours;
        if (level <= 0) {
            level = Math.max(rate, 1e-6);
            return;
        }
        // A level with a memory of about a day, hour factors of a few days, day factors of a few weeks.
        double deseasonal = clip(rate / (hourly[h] * daily[d]), level / 3, level * 3);
        level += Math.min(1, binHours / 24) * (deseasonal - level);
        double hourRatio = clip(rate / (level * daily[d]), 0.05, 10);
        hourly[h] += Math.min(1, 0.35 * binHours * 4) * (hourRatio - hourly[h]) / 4;
        double dayRatio = clip(rate / (level * hourly[h]), 0.2, 5);
        daily[d] += Math.min(1, binHours / 24) * (dayRatio - daily[d]) / 3;
        normalize(hourly);
        normalize(daily);
    }

    private static void normalize(double[] a) {
        double mean = 0;
        for (double v : a) mean += v / a.length;
        if (mean <= 0) return;
        for (int i = 0; i < a.length; i++) a[i] /= mean;
    }

    static double clip(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static int dayIndex(DayOfWeek d) {
        return d.getValue() - 1;
    }
}

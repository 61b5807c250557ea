package io.stockflow.anomaly;

import io.stockflow.alert.Alert;
import java.io.Serializable;

/**
 * Judges counted series bin by bin against a baseline learned online: DEMAND_SPIKE and DEMAND_DROP on a SKU's order
 * lines in the last hour (expected: the SKU's share of the shop's lines times the shop's seasonal rate), REFUND_SPIKE
 * on its refunds and returns (expected: its level, no season), FEED_SILENT when a channel has sent nothing for longer than its
 * rate makes plausible. Pure arithmetic; the Flink function keeps the state and the clock.
 */
public final class RhythmModel implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final long BIN_MILLIS = 15 * 60_000L;
    public static final int BINS_PER_WINDOW = 4;
    public static final long WINDOW_MILLIS = BIN_MILLIS * BINS_PER_WINDOW;

    /** Hours of shop history before any demand is judged. */
    public double profileWarmUpHours = 24;
    /** Bins of a series' own history before it is judged (a day). */
    public long seriesWarmUpBins = 96;
    /** Bins of a refund series' history before it is judged: refunds are rare, so the level starts from a prior. */
    public long refundWarmUpBins = 96;
    /** A channel is silent when no order came for longer than a gap this improbable at its rate. */
    public double silenceProbability = 1e-4;

    public long minSilenceMillis = 20 * 60_000L;
    public long maxSilenceMillis = 6 * 3_600_000L;
    /** Channels expected to send fewer orders per hour than this are not judged. */
    public double minChannelRatePerHour = 3;

    public CountTest demand = CountTest.DEMAND;
    public CountTest refunds = CountTest.REFUNDS;

    /**
     * Closes the bin {@code [binStart, binStart + BIN_MILLIS)} of a series with its count: judges, then learns.
     * Returns an alert or null.
     */
    public Alert close(RhythmSeries s, SeasonalProfile profile, long binStart, double shopTotal, long detectedAt) {
        double count = s.pending;
        s.pending = 0;
        System.arraycopy(s.recent, 1, s.recent, 0, s.recent.length - 1);
        s.recent[s.recent.length - 1] = count;
        long binEnd = binStart + BIN_MILLIS;
        Alert alert;
        boolean anomalous;
        switch (s.kind) {
            case RhythmSeries.CHANNEL: {
                if (count > 0) s.alerting = false;
                alert = silence(s, profile, binEnd, detectedAt);
                anomalous = s.alerting;
                break;
            }
            default: {
                boolean refund = RhythmSeries.REFUNDS.equals(s.kind);
                CountTest test = refund ? refunds : demand;
                double expected = expectedInWindow(s, profile, binEnd, refund);
                double observed = s.windowCount();
                boolean warm = s.binsSeen >= (refund ? refundWarmUpBins : seriesWarmUpBins)
                        && (refund || profile.warm(profileWarmUpHours));
                boolean spike = warm && test.spike(observed, expected);
                boolean drop = warm && !refund && test.drop(observed, expected);
                anomalous = spike || drop;
                alert = null;
                if (anomalous && !s.alerting) {
                    String type = refund
                            ? AnomalyAlerts.REFUND_SPIKE
                            : spike ? AnomalyAlerts.DEMAND_SPIKE : AnomalyAlerts.DEMAND_DROP;
                    double baseline = refund ? s.level : s.share() * profile.expectedRate(binStart);
                    alert = AnomalyAlerts.countAlert(
                            type,
                            s.subject,
                            binEnd - WINDOW_MILLIS,
                            binEnd,
                            observed,
                            expected,
                            test.score(observed, expected),
                            baseline,
                            test,
                            detectedAt);
                }
                s.alerting = anomalous;
                break;
            }
        }
        if (!anomalous) learn(s, profile, binStart, count, shopTotal);
        s.binsSeen++;
        return alert;
    }

    /**
     * The shop's lines of a closed bin for the profile to learn: those of the SKUs not in an anomaly, so that a
     * spike, once recognised, does not teach the shop a new rhythm.
     */
    public static double normalTotal(Iterable<RhythmSeries> closed) {
        double total = 0;
        for (RhythmSeries s : closed) {
            if (RhythmSeries.DEMAND.equals(s.kind) && !s.alerting) total += s.recent[s.recent.length - 1];
        }
        return total;
    }

    /** Expected count in the window that ends at {@code windowEnd}. */
    public double expectedInWindow(RhythmSeries s, SeasonalProfile profile, long windowEnd, boolean flat) {
        double binHours = BIN_MILLIS / 3_600_000.0;
        double sum = 0;
        for (int i = 0; i < BINS_PER_WINDOW; i++) {
            long binStart = windowEnd - (long) (BINS_PER_WINDOW - i) * BIN_MILLIS;
            sum += (flat ? s.level : s.share() * profile.expectedRate(binStart)) * binHours;
        }
        return sum;
    }

    /**
     * Orders the channel was expected to send in {@code (from, to]}: its share of the shop's expected rate, bin by
     * bin, so that a gap reaching from a quiet hour into a busy one is weighed hour by hour.
     */
    public double expectedOrders(RhythmSeries s, SeasonalProfile profile, long from, long to) {
        double sum = 0;
        for (long t = from; t < to; ) {
            long next = Math.min(to, (t / BIN_MILLIS + 1) * BIN_MILLIS);
            sum += s.share() * profile.expectedRate(t) * (next - t) / 3_600_000.0;
            t = next;
        }
        return sum;
    }

    /**
     * A channel is silent when no order came while it was expected to send so many that getting none has a
     * probability below {@link #silenceProbability} (Poisson: {@code exp(-expected)}), and for at least
     * {@link #minSilenceMillis}.
     */
    private Alert silence(RhythmSeries s, SeasonalProfile profile, long now, long detectedAt) {
        if (s.alerting || s.lastEventTime == Long.MIN_VALUE) return null;
        if (s.binsSeen < seriesWarmUpBins || !profile.warm(profileWarmUpHours)) return null;
        long silentFor = now - s.lastEventTime;
        if (silentFor < minSilenceMillis) return null;
        long from = Math.max(s.lastEventTime, now - maxSilenceMillis);
        double expected = expectedOrders(s, profile, from, now);
        double perHour = expected / ((now - from) / 3_600_000.0);
        if (perHour < minChannelRatePerHour) return null;
        double needed = Math.log(1 / silenceProbability);
        if (expected < needed && silentFor < maxSilenceMillis) return null;
        s.alerting = true;
        return AnomalyAlerts.feedSilent(
                s.subject, s.lastEventTime, now, silentFor, expected, needed, perHour, silenceProbability, detectedAt);
    }

    private void learn(RhythmSeries s, SeasonalProfile profile, long binStart, double count, double shopTotal) {
        if (RhythmSeries.REFUNDS.equals(s.kind)) {
            // A running mean over the first day, then an exponential memory of about three days; clipped, so that
            // one odd bin moves the level little.
            double rate = count / (BIN_MILLIS / 3_600_000.0);
            double alpha = s.binsSeen < 96 ? 1.0 / (s.binsSeen + 1) : 1.0 / 288;
            if (s.binsSeen >= 96) rate = Math.min(rate, 4 * s.level + 4);
            s.level += alpha * (rate - s.level);
            return;
        }
        // The share of the shop over the same bins, with a memory of about three days; a bin far above the share
        // counts only up to four times it (plus a few), so one odd bin moves the share little.
        double keep = 1 - 1.0 / 288;
        double expected = s.share() * shopTotal;
        double c = s.binsSeen >= 96 ? Math.min(count, 4 * expected + 4) : count;
        s.shareCount = s.shareCount * keep + c;
        s.shareTotal = s.shareTotal * keep + shopTotal;
    }
}

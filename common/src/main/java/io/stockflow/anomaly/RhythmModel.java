package io.stockflow.anomaly;

import io.stockflow.alert.Alert;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges counted series bin by bin against a baseline learned online: DEMAND_SPIKE and DEMAND_DROP on a SKU's order
 * lines (expected: the SKU's share of the shop's lines times the shop's seasonal rate), REFUND_SPIKE on its refunds
 * and returns (expected: its own level, or its share of the shop's refunds, whichever is larger), FEED_SILENT when a
 * channel has sent nothing for longer than its rate makes plausible.
 *
 * <p>Spikes are tested over windows of 1, 3, 6, 12, 24 and 48 hours: a fast anomaly shows within its first hour, a slow one
 * of a low-volume series once its evidence adds up over a day or two. Counts are judged by their negative binomial
 * tail (Poisson widened by the dispersion the shop's own series show, and by the uncertainty of a baseline learned
 * from few events), against a threshold the alert budget sets from the number of series tested ({@link AlertBudget}).
 * Pure arithmetic; the Flink function keeps the state and the clock.
 */
public final class RhythmModel implements Serializable {
    private static final long serialVersionUID = 2L;
    public static final long BIN_MILLIS = 15 * 60_000L;
    public static final int BINS_PER_WINDOW = 4;
    public static final long WINDOW_MILLIS = BIN_MILLIS * BINS_PER_WINDOW;
    static final long HOUR_MILLIS = 3_600_000L;
    /** How long after an alert a spike of the last hour counts as a new episode though longer windows still see the last. */
    static final long FRESH_EPISODE_MILLIS = 6 * HOUR_MILLIS;

    static final double BINS_PER_WEEK = 7 * 24 * HOUR_MILLIS / (double) BIN_MILLIS;
    /** The windows spikes are tested over, in hours; the first is the bin-by-bin window. */
    public static final int[] SCALE_HOURS = {1, 3, 6, 12, 24, SeriesHours.HOURS};

    /** Hours of shop history before any demand is judged. */
    public double profileWarmUpHours = 24;
    /** Bins of a series' own history before it is judged (a day). */
    public long seriesWarmUpBins = 96;
    /** Bins of a refund series' history before it is judged. */
    public long refundWarmUpBins = 96;

    public long minSilenceMillis = 20 * 60_000L;
    public long maxSilenceMillis = 6 * 3_600_000L;
    /** Channels expected to send fewer orders per hour than this are not judged. */
    public double minChannelRatePerHour = 3;
    /** SKUs expected to sell fewer lines per hour than this are not judged for a gap in their sales. */
    public double minGapRatePerHour = 3;
    /** False alarms per alert type and week the operator accepts (see {@link AlertBudget}). */
    public double alertsPerWeek = 1;

    public CountTest demand = CountTest.DEMAND;
    public CountTest refunds = CountTest.REFUNDS;

    /** The thresholds of one bin, from the number of series judged in the bin before. */
    private final class Thresholds {
        final double spike;
        final double drop;
        /** Per series and sale: divided by the sales a week of the series judged. */
        final double gap;

        final double refund;
        final double silence;

        final int demandSeries;
        final int dropSeries;
        final int refundSeries;

        Thresholds(ShopStats shop) {
            double scales = AlertBudget.looksPerWeek(SCALE_HOURS);
            demandSeries = shop.demandSeries;
            dropSeries = shop.dropSeries;
            refundSeries = shop.refundSeries;
            // Bonferroni's share, or what the tests that can pass their gates leave each (never less).
            spike = Math.max(AlertBudget.alpha(alertsPerWeek, shop.demandSeries, scales), shop.spikeAlpha);
            // A SKU judged for drops is looked at through its hourly window and through the gaps between its sales:
            // each test has half the type's budget.
            drop = AlertBudget.alpha(alertsPerWeek / 2, shop.dropSeries, AlertBudget.looksPerWeek(1));
            gap = AlertBudget.alpha(alertsPerWeek / 2, shop.dropSeries, 1);
            refund = Math.max(AlertBudget.alpha(alertsPerWeek, shop.refundSeries, scales), shop.refundAlpha);
            // A gap is looked at every bin.
            silence = AlertBudget.alpha(alertsPerWeek, shop.channelSeries, BINS_PER_WEEK);
        }
    }

    /**
     * Closes the bin {@code [binStart, binStart + BIN_MILLIS)} of every series (sorted by key, each with its hours,
     * created here when absent): judges each against the shop as it was, then learns the bin into the series, the
     * shop's statistics and its rhythm. Returns the alerts of the bin.
     */
    public List<Alert> closeBin(
            List<RhythmSeries> all,
            Map<String, SeriesHours> hours,
            SeasonalProfile profile,
            ShopStats shop,
            long binStart,
            long detectedAt) {
        double total = 0;
        double refundsInBin = 0;
        Map<String, RhythmSeries> demandBySku = new HashMap<>();
        for (RhythmSeries s : all) {
            if (RhythmSeries.DEMAND.equals(s.kind)) {
                total += s.pending;
                demandBySku.put(s.subject, s);
            }
        }
        Thresholds alpha = new Thresholds(shop);
        // The shop's expected lines per hour in each bin of the hour that ends with this bin: the same for every SKU.
        long binEnd = binStart + BIN_MILLIS;
        double[] shopRates = new double[BINS_PER_WINDOW];
        for (int i = 0; i < BINS_PER_WINDOW; i++) {
            shopRates[i] = profile.expectedRate(binEnd - (long) (BINS_PER_WINDOW - i) * BIN_MILLIS);
        }
        shop.decay();
        shop.demandSeries = 0;
        shop.dropSeries = 0;
        shop.refundSeries = 0;
        shop.channelSeries = 0;
        List<Alert> alerts = new ArrayList<>();
        double[] normal = new double[1];
        boolean hourEnds = binEnd % HOUR_MILLIS == 0;
        BudgetSpending spikeSpending = hourEnds ? new BudgetSpending() : null;
        BudgetSpending refundSpending = hourEnds ? new BudgetSpending() : null;
        for (RhythmSeries s : all) {
            SeriesHours h = hours.computeIfAbsent(RhythmSeries.key(s.kind, s.subject), k -> new SeriesHours());
            if (RhythmSeries.REFUNDS.equals(s.kind) && !s.alerting) refundsInBin += s.pending;
            Alert a = close(
                    s,
                    h,
                    demandBySku.get(s.subject),
                    profile,
                    shopRates,
                    shop,
                    alpha,
                    binStart,
                    total,
                    normal,
                    RhythmSeries.REFUNDS.equals(s.kind) ? refundSpending : spikeSpending,
                    detectedAt);
            if (a != null) alerts.add(a);
        }
        if (hourEnds) {
            shop.spikeAlpha = spikeSpending.size() > 0 ? spikeSpending.alpha(alertsPerWeek) : 0;
            shop.refundAlpha = refundSpending.size() > 0 ? refundSpending.alpha(alertsPerWeek) : 0;
        }
        // Refunds of series in an episode are left out, as the rhythm leaves out spikes.
        for (RhythmSeries s : all) {
            if (RhythmSeries.REFUNDS.equals(s.kind) && s.alerting) refundsInBin -= s.recent[s.recent.length - 1];
        }
        shop.learnRefunds(Math.max(0, refundsInBin) / (BIN_MILLIS / (double) HOUR_MILLIS));
        shop.bins++;
        // The shop's rhythm learns the lines of the SKUs not in a young anomaly: a spike, once recognised, does not
        // teach the shop a new rhythm.
        profile.observe(binStart, BIN_MILLIS, normal[0]);
        return alerts;
    }

    private Alert close(
            RhythmSeries s,
            SeriesHours h,
            RhythmSeries demandOfSku,
            SeasonalProfile profile,
            double[] shopRates,
            ShopStats shop,
            Thresholds alpha,
            long binStart,
            double shopTotal,
            double[] normalTotal,
            BudgetSpending spending,
            long detectedAt) {
        double count = s.pending;
        s.pending = 0;
        System.arraycopy(s.recent, 1, s.recent, 0, s.recent.length - 1);
        s.recent[s.recent.length - 1] = count;
        long binEnd = binStart + BIN_MILLIS;
        boolean hourEnds = binEnd % HOUR_MILLIS == 0;
        if (RhythmSeries.CHANNEL.equals(s.kind)) {
            if (count > 0) s.alerting = false;
            double expectedInBin = s.share() * shopRates[BINS_PER_WINDOW - 1] * BIN_MILLIS / HOUR_MILLIS;
            h.add(count, expectedInBin, hourEnds);
            boolean warm = s.binsSeen >= seriesWarmUpBins && profile.warm(profileWarmUpHours);
            if (warm) {
                shop.channelSeries++;
                learnDispersion(s, shopRates, shop, false);
            }
            double phi = shop.channelDispersion() + 1 / Math.max(1, s.shareCount);
            Alert alert = warm ? silence(s, profile, binEnd, phi, alpha.silence, detectedAt) : null;
            if (!s.alerting) learn(s, profile, binStart, count, shopTotal);
            s.binsSeen++;
            return alert;
        }
        boolean refund = RhythmSeries.REFUNDS.equals(s.kind);
        CountTest test = refund ? refunds : demand;
        double ratePerHour = refund ? refundRate(s, demandOfSku, shop) : s.share() * shopRates[BINS_PER_WINDOW - 1];
        double evicted = h.add(count, ratePerHour * BIN_MILLIS / HOUR_MILLIS, hourEnds);
        if (refund && evicted >= 0) learnRefundLevel(s, h, evicted);
        boolean warm = s.binsSeen >= (refund ? refundWarmUpBins : seriesWarmUpBins)
                && (refund || profile.warm(profileWarmUpHours));
        double effectiveCount = refund ? (demandOfSku == null ? 0 : demandOfSku.shareCount) : s.shareCount;
        double phi = Math.min(ShopStats.MAX_DISPERSION, shop.demandDispersion() + 1 / Math.max(1, effectiveCount));
        double spikeAlpha = refund ? alpha.refund : alpha.spike;
        double kappa = refund ? shop.refundClumping() : shop.demandClumping();
        CountVerdict spike = null;
        CountVerdict hourSpike = null;
        CountVerdict drop = null;
        boolean shortAnomaly = false;
        boolean continues = false;
        if (warm) {
            if (refund) shop.refundSeries++;
            else shop.demandSeries++;
            double expectedHour = expectedInWindow(s, shopRates, refund, demandOfSku, shop);
            double observedHour = s.windowCount();
            // A SKU's hour is judged against its own level of the hours before the window (refunds, rare as they
            // are, against their baseline alone).
            SeriesLevel hourLevel = refund ? SeriesLevel.pooled(phi) : SeriesLevel.of(h, 1, phi);
            double levelledHour = hourLevel.factor * expectedHour;
            CountVerdict hour =
                    test.spike(observedHour, levelledHour, WINDOW_MILLIS, hourLevel.dispersion, kappa, spikeAlpha);
            if (hour != null && hour.significant()) spike = hour;
            hourSpike = spike;
            if (!refund) {
                boolean gapJudged = s.share() * shopRates[BINS_PER_WINDOW - 1] >= minGapRatePerHour;
                if (expectedHour >= test.minExpectedForDrop || gapJudged) shop.dropSeries++;
                CountVerdict d =
                        test.drop(observedHour, levelledHour, WINDOW_MILLIS, hourLevel.dispersion, kappa, alpha.drop);
                if (d != null && d.significant()) drop = d;
                CountVerdict g = gapJudged ? salesGap(s, h, profile, binEnd, phi, kappa, alpha.gap) : null;
                if (g != null && g.significant()) drop = CountVerdict.stronger(drop, g);
                if (!s.alerting) learnDispersion(s, shopRates, shop, true);
            }
            // An hour judged a spike teaches the clumping nothing: refund waves not yet recognised would otherwise
            // widen every refund series' range until the next wave no longer shows.
            if (!s.alerting && spike == null) learnClumping(refund, observedHour, expectedHour, shop);
            shortAnomaly = spike != null || drop != null;
            if (hourEnds) {
                spending.add(
                        test.gateTail(levelledHour, WINDOW_MILLIS, hourLevel.dispersion, kappa),
                        AlertBudget.looksPerWeek(1));
                h.longAnomaly = false;
                for (int i = 1; i < SCALE_HOURS.length; i++) {
                    int w = SCALE_HOURS[i];
                    if (h.hoursSeen < w) break;
                    // Up to six hours, against the SKU's own level of the hours before the window; a day or two
                    // against the baseline alone, which a slow build-up does not move.
                    SeriesLevel level = refund || w > 6 ? SeriesLevel.pooled(phi) : SeriesLevel.of(h, w, phi);
                    double expected = level.factor * h.expectedOver(w);
                    spending.add(
                            test.gateTail(expected, w * HOUR_MILLIS, level.dispersion, kappa),
                            AlertBudget.looksPerWeek(w));
                    CountVerdict v = test.spike(
                            h.observedOver(w), expected, w * HOUR_MILLIS, level.dispersion, kappa, spikeAlpha);
                    if (v == null || !v.significant()) continue;
                    h.longAnomaly = true;
                    spike = CountVerdict.stronger(spike, v);
                    // A six-hour anomaly is still young enough not to be learned as the new normal.
                    if (w <= 6) shortAnomaly = true;
                }
            }
            // Between hour ends, an episode seen over a long window lasts as long as that window still sees it.
            continues = h.longAnomaly;
        }
        boolean anomalous = spike != null || drop != null || continues;
        Alert alert = null;
        CountVerdict v = spike != null ? spike : drop;
        CountVerdict judged = v;
        long sinceAlert = h.lastAlertAt == Long.MIN_VALUE ? Long.MAX_VALUE : binEnd - h.lastAlertAt;
        // A long window holds an anomaly for up to two days after it: what it sees then was reported already, and
        // only the last hour can tell of a new one.
        if (spike != null && v.windowMillis > WINDOW_MILLIS && sinceAlert < SeriesHours.HOURS * HOUR_MILLIS) {
            v = hourSpike != null ? hourSpike : drop;
        }
        // The long windows keep a series in its episode for up to two days: a new spike of the last hour, well after
        // the last alert, is a new episode (a second refund wave a day after the first).
        boolean fresh = hourSpike != null && sinceAlert >= FRESH_EPISODE_MILLIS;
        if (v != null && (!s.alerting || fresh)) {
            h.lastAlertAt = binEnd;
            String type = refund
                    ? AnomalyAlerts.REFUND_SPIKE
                    : spike != null ? AnomalyAlerts.DEMAND_SPIKE : AnomalyAlerts.DEMAND_DROP;
            int series = refund ? alpha.refundSeries : spike != null ? alpha.demandSeries : alpha.dropSeries;
            alert = AnomalyAlerts.countAlert(
                    type, s.subject, binEnd, v, ratePerHour, test, series, alertsPerWeek, detectedAt);
        }
        // The hours of a young episode are left out of the SKU's own level (up to six hours back): a drop does not
        // lower, nor a spike raise, what the SKU's next window of the day is judged against.
        if (!refund
                && judged != null
                && h.lastAlertAt != Long.MIN_VALUE
                && binEnd - h.lastAlertAt < FRESH_EPISODE_MILLIS) {
            h.markAnomalous(binEnd - Math.min(judged.windowMillis, FRESH_EPISODE_MILLIS), binEnd);
        }
        s.alerting = anomalous;
        if (!shortAnomaly) {
            learn(s, profile, binStart, count, shopTotal);
            if (!refund) normalTotal[0] += count;
        }
        s.binsSeen++;
        return alert;
    }

    /**
     * A SKU's expected refunds and returns per hour: its own level, or its share of the shop's sales times the shop's
     * refunds, whichever is larger. The shop's part gives a SKU with little history of its own a baseline that is
     * not zero; its own level gives a SKU that is often returned its usual rate.
     */
    static double refundRate(RhythmSeries s, RhythmSeries demandOfSku, ShopStats shop) {
        double pooled = demandOfSku == null ? 0 : demandOfSku.share() * shop.refundsPerHour;
        return Math.max(s.level, pooled);
    }

    /** Expected count in the hour that ends with this bin. */
    static double expectedInWindow(
            RhythmSeries s, double[] shopRates, boolean refund, RhythmSeries demandOfSku, ShopStats shop) {
        double binHours = BIN_MILLIS / (double) HOUR_MILLIS;
        if (refund) return refundRate(s, demandOfSku, shop) * binHours * BINS_PER_WINDOW;
        double sum = 0;
        for (double rate : shopRates) sum += s.share() * rate * binHours;
        return sum;
    }

    /** Adds the last hour of a series expecting less than two to the shop's pooled clumping of its kind. */
    private static void learnClumping(boolean refund, double observed, double expected, ShopStats shop) {
        if (expected <= 0 || expected >= 2) return;
        double d = observed - expected;
        // One odd hour counts at most as a deviation of four units: a wave that builds below the threshold, hour
        // after hour, moves the clumping little.
        double squares = Math.min(d * d, 16);
        if (refund) {
            shop.refundClumpSquares += squares;
            shop.refundClumpExpected += expected;
        } else {
            shop.demandClumpSquares += squares;
            shop.demandClumpExpected += expected;
        }
    }

    /**
     * Adds the last hour of a series to the shop's pooled over-dispersion: {@code (O - E)^2 - E} against {@code E^2},
     * from series expecting two or more in the hour (below that, the Poisson noise drowns the excess).
     */
    private static void learnDispersion(RhythmSeries s, double[] shopRates, ShopStats shop, boolean sku) {
        double expected = expectedInWindow(s, shopRates, false, null, shop);
        if (expected < 2) return;
        double d = s.windowCount() - expected;
        // One odd hour (a spike not yet recognised) counts at most as a deviation of four times the expected.
        double excess = Math.min(d * d, 16 * expected * expected) - (sku ? shop.demandClumping() : 1) * expected;
        if (sku) {
            shop.demandExcess += excess;
            shop.demandWeight += expected * expected;
        } else {
            shop.channelExcess += excess;
            shop.channelWeight += expected * expected;
        }
    }

    /**
     * Orders the channel was expected to send in {@code (from, to]}: its share of the shop's expected rate, bin by
     * bin, so that a gap reaching from a quiet hour into a busy one is weighed hour by hour.
     */
    public double expectedOrders(RhythmSeries s, SeasonalProfile profile, long from, long to) {
        double sum = 0;
        for (long t = from; t < to; ) {
            long next = Math.min(to, (t / BIN_MILLIS + 1) * BIN_MILLIS);
            sum += s.share() * profile.expectedRate(t) * (next - t) / (double) HOUR_MILLIS;
            t = next;
        }
        return sum;
    }

    /** Orders expected over a gap at which seeing none has probability {@code alpha} (negative binomial). */
    static double neededOrders(double alpha, double phi) {
        return phi <= 1e-9 ? Math.log(1 / alpha) : (Math.pow(alpha, -phi) - 1) / phi;
    }

    /**
     * A channel is silent when no order came while it was expected to send so many that getting none has a
     * probability below the budget's threshold (negative binomial: {@code (1 + phi E)^(-1/phi)}), and for at least
     * {@link #minSilenceMillis}.
     */
    private Alert silence(
            RhythmSeries s, SeasonalProfile profile, long now, double phi, double alpha, long detectedAt) {
        if (s.alerting || s.lastEventTime == Long.MIN_VALUE) return null;
        long silentFor = now - s.lastEventTime;
        if (silentFor < minSilenceMillis) return null;
        long from = Math.max(s.lastEventTime, now - maxSilenceMillis);
        double expected = expectedOrders(s, profile, from, now);
        double perHour = expected / ((now - from) / (double) HOUR_MILLIS);
        if (perHour < minChannelRatePerHour) return null;
        double probability = CountTail.zero(expected, phi);
        if (probability > alpha && silentFor < maxSilenceMillis) return null;
        s.alerting = true;
        return AnomalyAlerts.feedSilent(
                s.subject,
                s.lastEventTime,
                now,
                silentFor,
                expected,
                neededOrders(alpha, phi),
                perHour,
                probability,
                alpha,
                phi,
                detectedAt);
    }

    /**
     * The verdict on a SKU's sales gap: no line since its last sale, while the lines expected over the gap (its share
     * of the shop's rhythm, bin by bin, over at most {@link #maxSilenceMillis}, times its own level of the hours before
     * the gap: {@link SeriesLevel}) make a gap that long improbable
     * (negative binomial, clumps of mean size {@code kappa}: {@code P(0)}). A drop of a best seller to nothing shows
     * here once the lines it misses are enough, whatever the hourly windows' alignment; a gap of a SKU selling fewer
     * than {@link #minGapRatePerHour} lines an hour over the gap is not judged. Each sale starts a new gap, so the
     * threshold shares the budget among the lines the SKU sells in a week. Null when the gap is too short.
     */
    private CountVerdict salesGap(
            RhythmSeries s, SeriesHours h, SeasonalProfile profile, long now, double phi, double kappa, double alpha) {
        if (s.lastEventTime == Long.MIN_VALUE || now - s.lastEventTime < minSilenceMillis) return null;
        long from = Math.max(s.lastEventTime, now - maxSilenceMillis);
        double baseline = expectedOrders(s, profile, from, now);
        if (baseline / ((now - from) / (double) HOUR_MILLIS) < minGapRatePerHour) return null;
        // The SKU's own level of the hours before the gap: the hours of the gap itself, empty, never lower it.
        long lastHourEnd = now - Math.floorMod(now, HOUR_MILLIS);
        int gapHours = (int) Math.max(0, (lastHourEnd - s.lastEventTime + HOUR_MILLIS - 1) / HOUR_MILLIS);
        SeriesLevel level = SeriesLevel.of(h, gapHours, phi);
        double expected = level.factor * baseline;
        // Every sale starts a new gap: a series has as many looks a week as the lines it sells in one.
        double looks = Math.max(1, s.share() * profile.expectedRate(now) * 168);
        double p = CountTail.zero(expected / Math.max(1, kappa), level.dispersion);
        return new CountVerdict(0, expected, now - from, p, alpha / looks, level.dispersion);
    }

    /**
     * A SKU's own refund level: the mean rate of its first day (a day with nothing to judge yet), then it learns
     * only from the hours that leave the longest window, never from the hours being judged: a refund wave that builds
     * over a day and a half would otherwise raise its own baseline as it builds. About a week of memory; an hour
     * counts at most four times the level (plus a few), so one odd hour moves it little.
     */
    private static void learnRefundLevel(RhythmSeries s, SeriesHours h, double hourCount) {
        long hourIndex = h.hoursSeen - 1 - SeriesHours.HOURS;
        if (hourIndex < 24) return; // learned in the first day already
        s.level += (Math.min(hourCount, 4 * s.level + 4) - s.level) / 168;
    }

    private void learn(RhythmSeries s, SeasonalProfile profile, long binStart, double count, double shopTotal) {
        if (RhythmSeries.REFUNDS.equals(s.kind)) {
            if (s.binsSeen < 96) s.level += (count / (BIN_MILLIS / (double) HOUR_MILLIS) - s.level) / (s.binsSeen + 1);
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

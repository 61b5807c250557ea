package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.alert.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The model on crafted series: a shop of 400 lines an hour (100 a bin, flat; the SKUs other than SKU-1 are one series
 * here), a SKU with a tenth of them, a channel with a quarter, refunds of a SKU at about one every four hours.
 */
class RhythmModelTest {
    static final long BIN = RhythmModel.BIN_MILLIS;
    static final long DAY = 24 * 3_600_000L;
    static final long START = SeasonalProfileTest.MONDAY;

    final RhythmModel model = new RhythmModel();
    final SeasonalProfile profile = new SeasonalProfile();
    final RhythmSeries sku = new RhythmSeries(RhythmSeries.DEMAND, "SKU-1");
    final RhythmSeries channel = new RhythmSeries(RhythmSeries.CHANNEL, "ebay");
    final RhythmSeries refunds = new RhythmSeries(RhythmSeries.REFUNDS, "SKU-1");
    final RhythmSeries rest = new RhythmSeries(RhythmSeries.DEMAND, "REST");
    final Map<String, SeriesHours> hours = new HashMap<>();
    final ShopStats shop = new ShopStats();
    final List<Alert> alerts = new ArrayList<>();
    final SplittableRandom random = new SplittableRandom(1);
    long t = START;

    /** Poisson draw, so the normal series has the noise of real counts. */
    int poisson(double mean) {
        int k = 0;
        double p = Math.exp(-mean);
        double u = random.nextDouble();
        double cumulative = p;
        while (u > cumulative && k < 1000) {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }

    /** One bin: the SKU's lines, the channel's orders, the refunds; then every series is closed. */
    void bin(double skuLines, double channelOrders, double refundCount, long channelLast) {
        sku.pending = skuLines;
        channel.pending = channelOrders;
        if (channelOrders > 0) channel.lastEventTime = channelLast;
        refunds.pending = refundCount;
        rest.pending = poisson(90);
        closeBin(List.of(channel, rest, refunds, sku));
    }

    void closeBin(List<RhythmSeries> series) {
        alerts.addAll(model.closeBin(series, hours, profile, shop, t, t + BIN));
        t += BIN;
    }

    void normal(long duration) {
        for (long end = t + duration; t < end; ) bin(poisson(10), poisson(25), poisson(1.0 / 16), t + BIN - 1);
    }

    @Test
    void aWeekOfNormalNoiseRaisesNothing() {
        normal(7 * DAY);
        assertThat(alerts).isEmpty();
        assertThat(sku.share()).isBetween(0.095, 0.105);
    }

    @Test
    void aSpikeIsReportedOnceWithItsFigures() {
        normal(2 * DAY);
        long spikeStart = t;
        for (int i = 0; i < 8; i++) bin(80, 25, 0, t + BIN - 1);
        normal(DAY);
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.type).isEqualTo("DEMAND_SPIKE");
        assertThat(a.sku).isEqualTo("SKU-1");
        assertThat(a.eventTime).as("within two bins of its start").isBetween(spikeStart + BIN, spikeStart + 2 * BIN);
        assertThat(a.windowEnd - a.windowStart).isEqualTo(RhythmModel.WINDOW_MILLIS);
        assertThat(a.observed).isGreaterThanOrEqualTo(a.expected * 3);
        // The first spiking bin, not yet known as a spike, is learned into the shop's rhythm; later ones are not.
        assertThat(a.expected).isBetween(38.0, 46.0);
        assertThat(a.message).contains("SKU-1").contains("order lines").contains("expected");
        assertThat(a.evidenceJson).contains("\"score\"").contains("\"model\"").contains("spike_ratio=3.0");
        assertThat(sku.share()).as("the spike was not learned").isLessThan(0.11);
    }

    @Test
    void aDropIsReportedWhenTheWindowIsEmptyEnough() {
        normal(2 * DAY);
        long dropStart = t;
        for (int i = 0; i < 8; i++) bin(0, 25, 0, t + BIN - 1);
        assertThat(alerts).extracting(a -> a.type).containsExactly("DEMAND_DROP");
        assertThat(alerts.get(0).eventTime - dropStart).isBetween(2 * BIN, 4 * BIN);
    }

    /** A bin in which SKU-1 sells {@code lines} (its last line at the bin's end when it sells any). */
    void sales(int lines) {
        if (lines > 0) sku.lastEventTime = t + BIN - 1;
        bin(lines, poisson(25), poisson(1.0 / 16), t + BIN - 1);
    }

    @Test
    void aSellerOfThirteenLinesAnHourThatStopsSellingIsReportedOnceFromItsGap() {
        // 13 lines an hour: too few for the hourly drop (20 expected), enough for a gap of about an hour and a half.
        for (long end = t + 3 * DAY; t < end; ) sales(poisson(13 / 4.0));
        assertThat(alerts).as("no gap of a steady seller is implausible").isEmpty();
        long lastSale = sku.lastEventTime;
        for (int i = 0; i < 12; i++) sales(0);
        assertThat(alerts).extracting(a -> a.type).containsExactly("DEMAND_DROP");
        Alert a = alerts.get(0);
        assertThat(a.eventTime - lastSale).isBetween(45 * 60_000L, 2 * 3_600_000L);
        assertThat(a.observed).isZero();
        assertThat(a.windowStart).isEqualTo(lastSale);
        for (int i = 0; i < 8; i++) sales(poisson(13 / 4.0));
        assertThat(alerts).as("once per gap").hasSize(1);
        assertThat(sku.share()).as("the gap was not learned").isGreaterThan(0.025);
    }

    @Test
    void nothingIsJudgedBeforeTheWarmUp() {
        for (int i = 0; i < 40; i++) bin(i < 20 ? 10 : 60, 25, 0, t + BIN - 1);
        assertThat(alerts).isEmpty();
    }

    @Test
    void aSilentChannelIsReportedOnceWhenNoOrderIsImplausible() {
        normal(2 * DAY);
        long lastOrder = t - 1;
        for (int i = 0; i < 8; i++) bin(poisson(10), 0, 0, 0);
        assertThat(alerts).extracting(a -> a.type).containsExactly("FEED_SILENT");
        Alert a = alerts.get(0);
        // 100 orders an hour, one channel: a budget of one a week allows 1/672 a bin; about 7 orders expected (within
        // 5 minutes) make silence that improbable, but a silence takes at least 20 minutes.
        assertThat(a.eventTime - lastOrder).isBetween(20 * 60_000L, 20 * 60_000L + BIN);
        assertThat(a.severity).isEqualTo(Severity.CRITICAL);
        assertThat(a.channel).isEqualTo("ebay");
        assertThat(a.windowStart).isEqualTo(lastOrder);
        normal(BIN);
        assertThat(alerts).as("the channel sends again: the episode ends").hasSize(1);
    }

    @Test
    void aRefundWaveIsReported() {
        normal(2 * DAY);
        for (int i = 0; i < 4; i++) bin(10, 25, 3, t + BIN - 1);
        assertThat(alerts).extracting(a -> a.type).containsExactly("REFUND_SPIKE");
        assertThat(alerts.get(0).expected).isLessThan(1.0);
        normal(3 * DAY);
        assertThat(alerts)
                .as("one episode while the longer windows still hold the wave")
                .hasSize(1);
    }

    @Test
    void aRefundWaveTeachesTheRefundClumpingLittle() {
        normal(2 * DAY);
        double before = shop.refundClumping();
        for (int i = 0; i < 4; i++) bin(10, 25, 3, t + BIN - 1);
        assertThat(shop.refundClumping())
                .as("the wave's hours, once judged a spike, widen no refund series' range")
                .isLessThan(before + 0.3);
    }

    @Test
    void aSecondRefundWaveADayAfterTheFirstIsANewEpisode() {
        normal(2 * DAY);
        for (int i = 0; i < 4; i++) bin(10, 25, 3, t + BIN - 1);
        normal(DAY);
        long second = t;
        for (int i = 0; i < 4; i++) bin(10, 25, 3, t + BIN - 1);
        normal(DAY);
        assertThat(alerts).extracting(a -> a.type).containsExactly("REFUND_SPIKE", "REFUND_SPIKE");
        assertThat(alerts.get(1).eventTime).isBetween(second, second + 4 * BIN);
        assertThat(alerts.get(1).windowEnd - alerts.get(1).windowStart).isEqualTo(RhythmModel.WINDOW_MILLIS);
    }

    @Test
    void aQuietChannelIsNotJudged() {
        RhythmSeries quiet = new RhythmSeries(RhythmSeries.CHANNEL, "tiny");
        for (int i = 0; i < 4 * 96; i++) {
            quiet.pending = i % 40 == 0 ? 1 : 0;
            if (quiet.pending > 0) quiet.lastEventTime = t;
            rest.pending = 100;
            closeBin(List.of(quiet, rest));
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void aRefundWaveThatBuildsOverADayAndAHalfIsCaughtOverTheLongerWindows() {
        // A slow SKU (about one line every two hours) among the shop's others, which refund about one line an hour.
        RhythmSeries slow = new RhythmSeries(RhythmSeries.DEMAND, "SKU-SLOW");
        RhythmSeries slowRefunds = new RhythmSeries(RhythmSeries.REFUNDS, "SKU-SLOW");
        RhythmSeries others = new RhythmSeries(RhythmSeries.REFUNDS, "REST");
        for (int i = 0; i < 5 * 96; i++) slowBin(slow, slowRefunds, others, 0);
        assertThat(alerts).isEmpty();
        // Ten refunds over 36 hours, ever closer together, where the SKU's share of the shop's refunds is 0.1 a day.
        long start = t;
        int[] at = {40, 62, 80, 96, 108, 118, 126, 132, 137, 141};
        for (int i = 0, next = 0; i < 144; i++) {
            int n = 0;
            while (next < at.length && at[next] == i) {
                n++;
                next++;
            }
            slowBin(slow, slowRefunds, others, n);
        }
        assertThat(alerts).extracting(a -> a.type).containsExactly("REFUND_SPIKE");
        Alert a = alerts.get(0);
        assertThat(a.sku).isEqualTo("SKU-SLOW");
        assertThat(a.windowEnd - a.windowStart)
                .as("a window longer than an hour")
                .isGreaterThan(3_600_000L);
        assertThat(a.eventTime - start).as("before the wave ends").isLessThanOrEqualTo(36 * 3_600_000L);
        assertThat(a.evidenceJson)
                .contains("\"p_value\"")
                .contains("\"threshold\"")
                .contains("\"window_minutes\"");
    }

    private void slowBin(RhythmSeries slow, RhythmSeries slowRefunds, RhythmSeries others, int refundsOfSlow) {
        slow.pending = random.nextDouble() < 0.125 ? 1 : 0;
        if (slow.pending > 0) slow.lastEventTime = t;
        slowRefunds.pending = refundsOfSlow;
        others.pending = poisson(0.25);
        rest.pending = poisson(99.875);
        closeBin(List.of(others, rest, slowRefunds, slow));
    }

    @Test
    void twoThousandNormalSeriesStayWithinTheBudget() {
        int n = 2_000;
        List<RhythmSeries> skus = new ArrayList<>();
        double[] rates = new double[n];
        for (int i = 0; i < n; i++) {
            skus.add(new RhythmSeries(RhythmSeries.DEMAND, String.format("SKU-%05d", i)));
            skus.add(new RhythmSeries(RhythmSeries.REFUNDS, String.format("SKU-%05d", i)));
            // Long-tailed: the best seller 20 lines a bin, the slowest one a day.
            rates[i] = Math.max(0.01, 20.0 / (i + 1));
        }
        for (int bin = 0; bin < 8 * 96; bin++) {
            for (int i = 0; i < n; i++) {
                RhythmSeries s = skus.get(2 * i);
                s.pending = poisson(rates[i]);
                // The last of k events spread evenly over the bin.
                if (s.pending > 0) s.lastEventTime = t + (long) (BIN * Math.pow(random.nextDouble(), 1 / s.pending));
                skus.get(2 * i + 1).pending = poisson(rates[i] * 0.03);
            }
            closeBin(skus);
        }
        assertThat(alerts)
                .as("a budget of one alert per type and week, over eight days")
                .hasSizeLessThanOrEqualTo(4);
    }
}

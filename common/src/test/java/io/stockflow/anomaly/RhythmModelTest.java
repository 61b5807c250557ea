package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.alert.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The model on crafted series: a shop of 400 lines an hour (100 a bin, flat), a SKU with a tenth of them, a channel
 * with a quarter, refunds of a SKU at about one every four hours.
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
        double total = 90 + skuLines;
        for (RhythmSeries s : List.of(sku, channel, refunds)) {
            Alert a = model.close(s, profile, t, total, t + BIN);
            if (a != null) alerts.add(a);
        }
        profile.observe(t, BIN, 90 + RhythmModel.normalTotal(List.of(sku, channel, refunds)));
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
        // 100 orders an hour: 9.2 expected (probability 1e-4) after about 6 minutes, but at least 20 minutes.
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
    }

    @Test
    void aQuietChannelIsNotJudged() {
        RhythmSeries quiet = new RhythmSeries(RhythmSeries.CHANNEL, "tiny");
        for (int i = 0; i < 4 * 96; i++) {
            quiet.pending = i % 40 == 0 ? 1 : 0;
            if (quiet.pending > 0) quiet.lastEventTime = t;
            assertThat(model.close(quiet, profile, t, 100, t + BIN)).isNull();
            profile.observe(t, BIN, 100);
            t += BIN;
        }
    }
}

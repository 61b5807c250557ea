package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StockoutRiskTest {
    static final long BIN = RhythmModel.BIN_MILLIS;

    @Test
    void nothingAvailableOfASkuThatSellsIsACertainStockOut() {
        assertThat(StockoutRisk.probability(0, 2.3, 2, 3, SalesVelocity.EFFECTIVE_HOURS))
                .isEqualTo(1.0);
    }

    @Test
    void aFewUnitsNearThePointForecastAreNotALikelyStockOut() {
        // 4 units at 3.5 an hour: the point forecast says 1.1 hours, but a noisy seller often lasts two.
        assertThat(StockoutRisk.probability(4, 3.5, 2, 2, SalesVelocity.EFFECTIVE_HOURS))
                .isLessThan(StockoutRisk.CONFIDENCE);
        // A fast seller with a quarter of its lead-time demand left is.
        assertThat(StockoutRisk.probability(7, 12, 2, 2, SalesVelocity.EFFECTIVE_HOURS))
                .isGreaterThan(0.99);
    }

    @Test
    void aWiderSpreadMakesAStockOutLessCertain() {
        double steady = StockoutRisk.probability(20, 15, 2, 1, SalesVelocity.EFFECTIVE_HOURS);
        double uneven = StockoutRisk.probability(20, 15, 2, 4, SalesVelocity.EFFECTIVE_HOURS);
        assertThat(uneven).isLessThan(steady);
    }

    @Test
    void theSpreadIsLearnedFromTheSkusOwnBinsWithQuietBinsAsZero() {
        SalesSpread steady = new SalesSpread();
        for (int i = 0; i < 200; i++) steady.add(i * BIN, 3);
        assertThat(steady.dispersion()).as("no variance is still Poisson").isEqualTo(1.0);
        SalesSpread lumpy = new SalesSpread();
        // 12 units every fourth bin: mean 3, variance 27, an index of 9.
        for (int i = 0; i < 400; i += 4) lumpy.add(i * BIN, 12);
        assertThat(lumpy.dispersion()).isBetween(8.0, 10.0);
        SalesSpread young = new SalesSpread();
        young.add(0, 5);
        assertThat(young.dispersion()).isEqualTo(SalesSpread.PRIOR_DISPERSION);
    }
}

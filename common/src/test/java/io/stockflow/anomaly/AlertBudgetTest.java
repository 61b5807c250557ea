package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AlertBudgetTest {
    @Test
    void theBudgetIsSharedAmongTheSeriesAndTheirLooks() {
        double looks = AlertBudget.looksPerWeek(RhythmModel.SCALE_HOURS);
        assertThat(looks).isCloseTo(336 + 112 + 56 + 28 + 14 + 7, within(1e-9));
        assertThat(AlertBudget.alpha(1, 5_000, looks)).isCloseTo(1 / (5_000 * looks), within(1e-18));
        assertThat(AlertBudget.alpha(2, 100, looks))
                .as("twice the budget, a fiftieth of the series")
                .isCloseTo(100 * AlertBudget.alpha(1, 5_000, looks), within(1e-15));
        assertThat(AlertBudget.alpha(1, 0, 1)).as("no series yet counts as one").isEqualTo(1.0);
    }
}

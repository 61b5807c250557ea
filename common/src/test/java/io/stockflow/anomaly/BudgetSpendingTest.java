package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BudgetSpendingTest {
    @Test
    void testsThatCanPassTheirGatesShareTheBudgetAndTheOthersSpendWhatTheyCan() {
        BudgetSpending tests = new BudgetSpending();
        for (int i = 0; i < 10; i++) tests.add(0.5, 1_000);
        for (int i = 0; i < 4_990; i++) tests.add(1e-12, 1_000);
        double alpha = tests.alpha(1);
        double spentByTheTail = 4_990 * 1_000 * 1e-12;
        assertThat(alpha).isCloseTo((1 - spentByTheTail) / (10 * 1_000), within(1e-15));
        assertThat(alpha)
                .as("about 500 times Bonferroni's over 5,000 tests: what the tail cannot spend")
                .isGreaterThan(490 * AlertBudget.alpha(1, 5_000, 1_000));
    }

    @Test
    void theFalseAlarmsTheThresholdAllowsAddUpToTheBudget() {
        BudgetSpending tests = new BudgetSpending();
        double[] tails = {0.3, 1e-3, 2e-5, 7e-6, 3e-6, 1e-7, 1e-9, 0};
        double[] looks = {336, 112, 56, 28, 336, 14, 7, 336};
        for (int i = 0; i < tails.length; i++) tests.add(tails[i], looks[i]);
        double alpha = tests.alpha(0.01);
        double spent = 0;
        for (int i = 0; i < tails.length; i++) spent += looks[i] * Math.min(tails[i], alpha);
        assertThat(spent).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void neverStricterThanBonferroniNorAboveTheCap() {
        BudgetSpending every = new BudgetSpending();
        for (int i = 0; i < 1_000; i++) every.add(1, 553);
        assertThat(every.alpha(1)).isCloseTo(AlertBudget.alpha(1, 1_000, 553), within(1e-15));
        BudgetSpending few = new BudgetSpending();
        few.add(1e-6, 336);
        assertThat(few.alpha(1)).isEqualTo(BudgetSpending.MAX_ALPHA);
        assertThat(new BudgetSpending().alpha(1)).isEqualTo(BudgetSpending.MAX_ALPHA);
    }
}

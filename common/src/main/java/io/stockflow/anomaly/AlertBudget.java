package io.stockflow.anomaly;

/**
 * Multiplicity control: a shop with thousands of series tests thousands of times a bin, and a threshold fit for one
 * series raises alarms by chance every day. The operator sets how many false alarms per alert type and week are
 * acceptable; the per-test threshold is that budget shared among the tests of a week (Bonferroni): {@code alpha =
 * budget / (series x looks per series and week)}. Windows that slide bin by bin overlap, so a series is not tested
 * independently every bin: a window of {@code w} hours is counted as {@code 2 x 168 / w} independent looks a week.
 * With a baseline model that is right, false alarms per type and week then stay at or below the budget.
 */
public final class AlertBudget {
    private AlertBudget() {}

    /** Independent looks a week at one series through a sliding window of {@code hours}. */
    public static double looksPerWeek(double hours) {
        return 2 * 168 / hours;
    }

    /** Looks a week over every time scale of {@code scaleHours}. */
    public static double looksPerWeek(int[] scaleHours) {
        double looks = 0;
        for (int h : scaleHours) looks += looksPerWeek(h);
        return looks;
    }

    /** The threshold of one test: the week's budget shared among {@code series} series of {@code looks} each. */
    public static double alpha(double budgetPerWeek, int series, double looks) {
        return budgetPerWeek / (Math.max(1, series) * looks);
    }
}

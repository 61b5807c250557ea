package io.stockflow.anomaly;

import java.util.Arrays;

/**
 * Shares an alert budget among tests by what each can spend. A test raises an alarm only when its count passes the
 * test's gates (a minimum count, a ratio to the expected, three deviations) and its tail probability is at most the
 * threshold {@code alpha}; under the baseline, that happens in a look with probability at most {@code min(g, alpha)},
 * where {@code g} is the chance that the count passes the gates at all. A SKU expecting one line a week can pass a
 * gate of ten lines in an hour only by a chance far below any threshold: counting it as a full test (Bonferroni)
 * spends budget it can never use, and the series that can show a spike get a threshold thousands of times stricter
 * than the budget asks.
 *
 * <p>Here the threshold is the largest {@code alpha} whose expected false alarms a week, {@code sum(looks x min(g,
 * alpha))} over the tests of an hour, stay within the budget. It is never stricter than Bonferroni's (which takes
 * every {@code g} as 1) and never above {@link #MAX_ALPHA}.
 */
public final class BudgetSpending {
    /**
     * The largest threshold: the gates' tails are the baseline model's probabilities, and beyond one in a thousand
     * the model's own error (a rate that moves in ways it does not know) outweighs what they say.
     */
    public static final double MAX_ALPHA = 1e-3;

    private double[] gateTails = new double[256];
    private double[] looks = new double[256];
    private int size;

    /** Adds a test that passes its gates with probability {@code gateTail} in each of {@code looksPerWeek} looks. */
    public void add(double gateTail, double looksPerWeek) {
        if (size == gateTails.length) {
            gateTails = Arrays.copyOf(gateTails, size * 2);
            looks = Arrays.copyOf(looks, size * 2);
        }
        gateTails[size] = Math.max(0, Math.min(1, gateTail));
        looks[size] = looksPerWeek;
        size++;
    }

    public int size() {
        return size;
    }

    /**
     * The threshold that spends {@code budgetPerWeek} false alarms a week over the tests added: the {@code alpha}
     * with {@code sum(looks x min(g, alpha)) = budget}, or {@link #MAX_ALPHA} when even that spends less.
     */
    public double alpha(double budgetPerWeek) {
        if (size == 0) return MAX_ALPHA;
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(gateTails[b], gateTails[a]));
        // With the tests sorted by g, largest first, and alpha between the j-th and the (j+1)-th g, the spending is
        // alpha x (looks of the first j) + (looks x g of the rest). The rest is summed from the smallest up, so
        // that a long tail of tiny tails is not lost to rounding.
        double[] rest = new double[size + 1];
        for (int j = size - 1; j >= 0; j--) rest[j] = rest[j + 1] + looks[order[j]] * gateTails[order[j]];
        if (rest[0] <= budgetPerWeek) return MAX_ALPHA;
        double capped = 0;
        for (int j = 1; j <= size; j++) {
            capped += looks[order[j - 1]];
            double lower = j == size ? 0 : gateTails[order[j]];
            double alpha = (budgetPerWeek - rest[j]) / capped;
            if (alpha >= lower && alpha <= gateTails[order[j - 1]]) return Math.min(MAX_ALPHA, alpha);
        }
        return MAX_ALPHA;
    }
}

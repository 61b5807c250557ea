package io.stockflow.anomaly;

/**
 * Tail probabilities of counts. A count whose rate is known is Poisson; a rate that is itself uncertain (learned from
 * a few days, or moving with promotions, weather and weekdays the model does not know) makes the count negative
 * binomial with mean {@code m} and variance {@code m + phi * m^2}, wider than Poisson. {@code phi = 0} is Poisson.
 * Exact sums of the probability mass in log space, so tails far beyond five deviations stay accurate.
 */
public final class CountTail {
    private CountTail() {}

    /** {@code P(X >= k)}. */
    public static double upper(double k, double mean, double phi) {
        if (k <= 0) return 1;
        if (mean <= 0) return 0;
        long n = (long) Math.ceil(k);
        double term = Math.exp(logPmf(n, mean, phi));
        double sum = 0;
        // The mass beyond k falls off at least geometrically past the mode: sum until the terms no longer count.
        for (long j = n; j < n + 100_000; j++) {
            sum += term;
            if (term < sum * 1e-12 && j > mean) break;
            term *= ratio(j, mean, phi);
            if (term == 0) break;
        }
        return Math.min(1, sum);
    }

    /** {@code P(X <= k)}. */
    public static double lower(double k, double mean, double phi) {
        if (k < 0) return 0;
        if (mean <= 0) return 1;
        long n = (long) Math.floor(k);
        double sum = 0;
        for (long j = 0; j <= n; j++) sum += Math.exp(logPmf(j, mean, phi));
        return Math.min(1, sum);
    }

    /** {@code P(X = 0)}: Poisson {@code exp(-m)}, negative binomial {@code (1 + phi m)^(-1/phi)}. */
    public static double zero(double mean, double phi) {
        if (mean <= 0) return 1;
        return phi <= 1e-9 ? Math.exp(-mean) : Math.exp(-Math.log1p(phi * mean) / phi);
    }

    /** {@code P(X = j + 1) / P(X = j)}. */
    private static double ratio(long j, double mean, double phi) {
        if (phi <= 1e-9) return mean / (j + 1);
        double r = 1 / phi;
        return (j + r) / (j + 1) * (mean / (r + mean));
    }

    static double logPmf(long j, double mean, double phi) {
        if (phi <= 1e-9) return j * Math.log(mean) - mean - logGamma(j + 1.0);
        double r = 1 / phi;
        return logGamma(j + r)
                - logGamma(r)
                - logGamma(j + 1.0)
                + r * Math.log(r / (r + mean))
                + j * Math.log(mean / (r + mean));
    }

    private static final double[] LANCZOS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };

    /** {@code ln Γ(x)} for {@code x > 0} (Lanczos, g = 7): about 15 significant digits. */
    static double logGamma(double x) {
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        x -= 1;
        double a = LANCZOS[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}

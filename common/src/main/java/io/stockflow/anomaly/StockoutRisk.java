package io.stockflow.anomaly;

/**
 * The probability that a SKU runs out before its replenishment arrives: that its demand over the lead time reaches
 * what is available. The demand is a negative binomial count with mean {@code velocity x lead time} and variance
 * {@code D x mean x (1 + lead / worth)}: {@code D} the SKU's own index of dispersion ({@link SalesSpread}), and the
 * second term the uncertainty of a velocity worth {@code worth} hours of sales ({@link SalesVelocity#EFFECTIVE_HOURS}). A stock-out is predicted
 * only when it is likely ({@link #CONFIDENCE}), not when the stock merely sits near the velocity's point forecast:
 * a slow seller with a few units left and a noisy velocity often lasts until the truck.
 */
public final class StockoutRisk {
    /** How likely a stock-out within the lead time must be before it is predicted. */
    public static final double CONFIDENCE = 0.9;

    private StockoutRisk() {}

    /** {@code P(demand over the lead time >= available)}; 1 when nothing is available and the SKU sells. */
    public static double probability(
            long available, double perHour, double leadHours, double dispersion, double worthHours) {
        double mean = perHour * leadHours;
        if (mean <= 0) return 0;
        double variance = Math.max(1, dispersion) * mean * (1 + leadHours / worthHours);
        double phi = Math.max(0, (variance - mean) / (mean * mean));
        return CountTail.upper(Math.max(0, available), mean, phi);
    }
}

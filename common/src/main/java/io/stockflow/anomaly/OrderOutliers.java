package io.stockflow.anomaly;

import io.stockflow.alert.Evidence;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an ordinary order of a channel looks like, learned online: decaying histograms of the order value (log scale,
 * in USD at fixed rates), the largest quantity of one SKU and the number of distinct SKUs. An order is an outlier on a
 * feature when it is more than {@link #multiplier} times the channel's 99.9th percentile and above a floor. Histograms
 * give exact, robust quantiles in bounded state; a Flink POJO.
 */
public class OrderOutliers {
    static final int VALUE_BINS = 140;
    static final double VALUE_BIN_WIDTH = 0.05;
    static final int COUNT_BINS = 64;

    public double[] value = new double[VALUE_BINS];
    public double[] quantity = new double[COUNT_BINS];
    public double[] distinct = new double[COUNT_BINS];
    public double orders;

    /** Not state: the rules. */
    public static final double multiplier = 2.0;

    public static final double warmUpOrders = 300;
    public static final double quantile = 0.999;
    /** Memory of the histograms: about this many orders. */
    public static final double memory = 20_000;

    public OrderOutliers() {}

    /** One order's features. */
    public static final class Features {
        public final double valueUsd;
        public final long maxQuantity;
        public final String maxQuantitySku;
        public final int distinctSkus;

        Features(double valueUsd, long maxQuantity, String maxQuantitySku, int distinctSkus) {
            this.valueUsd = valueUsd;
            this.maxQuantity = maxQuantity;
            this.maxQuantitySku = maxQuantitySku;
            this.distinctSkus = distinctSkus;
        }
    }

    public static Features features(OrderEvent e) {
        Set<String> skus = new HashSet<>();
        long maxQ = 0;
        String maxSku = null;
        double sum = 0;
        for (OrderLine line : e.lines) {
            skus.add(line.sku);
            if (line.quantity > maxQ) {
                maxQ = line.quantity;
                maxSku = line.sku;
            }
            if (line.unitPrice != null) sum += parse(line.unitPrice) * line.quantity;
        }
        double total = e.total != null ? parse(e.total) : sum;
        return new Features(total * usdPer(e.currency), maxQ, maxSku, skus.size());
    }

    private static double parse(String decimal) {
        try {
            return new BigDecimal(decimal).doubleValue();
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Rough, fixed rates: enough to put orders of one channel on one scale. */
    static double usdPer(String currency) {
        if (currency == null) return 1.0;
        switch (currency) {
            case "CAD":
                return 0.73;
            case "GBP":
                return 1.27;
            case "EUR":
                return 1.08;
            default:
                return 1.0;
        }
    }

    /** The reasons the order is an outlier (empty when it is not), judged before it is learned. */
    public List<String> judge(Features f, Evidence figures) {
        List<String> reasons = new ArrayList<>();
        if (orders < warmUpOrders) return reasons;
        double qValue = Math.pow(10, quantileOf(value, quantile) * VALUE_BIN_WIDTH + VALUE_BIN_WIDTH);
        double qQuantity = quantileOf(quantity, quantile);
        double qDistinct = quantileOf(distinct, quantile);
        figures.and("value_usd", Math.round(f.valueUsd * 100) / 100.0)
                .and("value_p999_usd", Math.round(qValue))
                .and("max_quantity", f.maxQuantity)
                .and("quantity_p999", qQuantity)
                .and("distinct_skus", f.distinctSkus)
                .and("distinct_skus_p999", qDistinct)
                .and("multiplier", multiplier)
                .and("orders_learned", Math.round(orders));
        if (f.valueUsd > multiplier * qValue && f.valueUsd >= 100) {
            reasons.add(String.format(
                    java.util.Locale.ROOT,
                    "value %.0f USD is over %.0fx the channel's 99.9th " + "percentile (%.0f USD)",
                    f.valueUsd,
                    multiplier,
                    qValue));
        }
        if (f.maxQuantity > multiplier * qQuantity && f.maxQuantity >= 10) {
            reasons.add(f.maxQuantity + " units of " + f.maxQuantitySku + " where the channel's 99.9th percentile is "
                    + (long) qQuantity);
        }
        if (f.distinctSkus > multiplier * qDistinct && f.distinctSkus >= 6) {
            reasons.add(f.distinctSkus + " distinct SKUs where the channel's 99.9th percentile is " + (long) qDistinct);
        }
        return reasons;
    }

    public void learn(Features f) {
        double keep = 1 - 1 / memory;
        decay(value, keep);
        decay(quantity, keep);
        decay(distinct, keep);
        orders = orders * keep + 1;
        int v = f.valueUsd <= 1 ? 0 : (int) Math.min(VALUE_BINS - 1, Math.log10(f.valueUsd) / VALUE_BIN_WIDTH);
        value[v] += 1;
        quantity[(int) Math.min(COUNT_BINS - 1, Math.max(0, f.maxQuantity))] += 1;
        distinct[Math.min(COUNT_BINS - 1, Math.max(0, f.distinctSkus))] += 1;
    }

    private static void decay(double[] h, double keep) {
        for (int i = 0; i < h.length; i++) h[i] *= keep;
    }

    /** The bin index below which a share {@code q} of the mass lies. */
    static int quantileOf(double[] h, double q) {
        double total = 0;
        for (double c : h) total += c;
        double running = 0;
        for (int i = 0; i < h.length; i++) {
            running += h[i];
            if (running >= q * total) return i;
        }
        return h.length - 1;
    }
}

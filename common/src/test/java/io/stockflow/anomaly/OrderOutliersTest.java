package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Evidence;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderLine;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderOutliersTest {
    static OrderEvent order(String currency, String total, OrderLine... lines) {
        OrderEvent e = new OrderEvent();
        e.orderId = "shopify:1";
        e.channel = "shopify";
        e.currency = currency;
        e.total = total;
        e.lines = List.of(lines);
        return e;
    }

    /** 2 000 ordinary orders: one to four lines of one to three units at 5 to 60 USD. */
    static OrderOutliers learnedChannel() {
        OrderOutliers o = new OrderOutliers();
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 2_000; i++) {
            int n = 1 + r.nextInt(4);
            OrderLine[] lines = new OrderLine[n];
            double total = 0;
            for (int k = 0; k < n; k++) {
                int q = 1 + r.nextInt(3);
                int price = 5 + r.nextInt(56);
                lines[k] = new OrderLine("SKU-" + k, q, price + ".00");
                total += q * price;
            }
            o.learn(OrderOutliers.features(order("USD", String.format("%.2f", total), lines)));
        }
        return o;
    }

    @Test
    void featuresReadValueInUsdLargestQuantityAndDistinctSkus() {
        OrderOutliers.Features f = OrderOutliers.features(order(
                "GBP",
                "100.00",
                new OrderLine("A", 2, "10.00"),
                new OrderLine("B", 5, "16.00"),
                new OrderLine("A", 1, "10.00")));
        assertThat(f.valueUsd).isEqualTo(127.0);
        assertThat(f.maxQuantity).isEqualTo(5);
        assertThat(f.maxQuantitySku).isEqualTo("B");
        assertThat(f.distinctSkus).isEqualTo(2);
    }

    @Test
    void anOrdinaryOrderHasNoReason() {
        OrderOutliers o = learnedChannel();
        assertThat(o.judge(
                        OrderOutliers.features(order("USD", "40.00", new OrderLine("A", 2, "20.00"))), new Evidence()))
                .isEmpty();
    }

    @Test
    void eachOutlyingFeatureGivesItsReason() {
        OrderOutliers o = learnedChannel();
        Evidence figures = new Evidence();
        List<String> reasons =
                o.judge(OrderOutliers.features(order("USD", "1500.00", new OrderLine("BIG", 50, "30.00"))), figures);
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0)).startsWith("value 1500 USD");
        assertThat(reasons.get(1)).isEqualTo("50 units of BIG where the channel's 99.9th percentile is 3");
        assertThat(figures.toJson()).contains("\"quantity_p999\":3.0").contains("\"distinct_skus_p999\":4.0");

        OrderLine[] many = new OrderLine[9];
        for (int k = 0; k < many.length; k++) many[k] = new OrderLine("S" + k, 1, "5.00");
        assertThat(o.judge(OrderOutliers.features(order("USD", "45.00", many)), new Evidence()))
                .containsExactly("9 distinct SKUs where the channel's 99.9th percentile is 4");
    }

    @Test
    void nothingIsJudgedBeforeTheWarmUp() {
        OrderOutliers o = new OrderOutliers();
        assertThat(o.judge(
                        OrderOutliers.features(order("USD", "9000.00", new OrderLine("BIG", 500, "18.00"))),
                        new Evidence()))
                .isEmpty();
    }
}

package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StockoutOutcomesTest {
    static final String TYPE = AnomalyAlerts.STOCKOUT_PREDICTED;
    static final long HOUR = 3_600_000L;

    static Evaluation.Item item(String sku, long start, long end) {
        return new Evaluation.Item(TYPE, "sku=" + sku, start, end);
    }

    @Test
    void anUnlabelledPredictionCameTrueWhenNothingWasAvailableWithinItsLeadTime() {
        List<Evaluation.Item> labels = List.of(item("SKU-1", 0, HOUR));
        List<Evaluation.Item> predictions = List.of(
                item("SKU-1", HOUR / 2, HOUR / 2 + 2 * HOUR), // labelled: not counted
                item("SKU-2", 10 * HOUR, 12 * HOUR), // ran out at 11:00
                item("SKU-3", 10 * HOUR, 12 * HOUR), // ran out at 13:00, after the lead time
                item("SKU-4", 10 * HOUR, 12 * HOUR)); // never ran out
        List<Evaluation.Item> stockouts = List.of(
                item("SKU-1", HOUR, HOUR), item("SKU-2", 11 * HOUR, 11 * HOUR), item("SKU-3", 13 * HOUR, 13 * HOUR));
        assertThat(StockoutOutcomes.unlabelledThatCameTrue(labels, predictions, stockouts, HOUR))
                .extracting(p -> p.subject)
                .containsExactly("sku=SKU-2");
    }
}

package io.stockflow.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    static final long MIN = 60_000L;

    static Evaluation.Item label(String type, String subject, long start, long end) {
        return new Evaluation.Item(type, subject, start, end);
    }

    static Evaluation.Item alert(String type, String subject, long at) {
        return new Evaluation.Item(type, subject, at, at);
    }

    @Test
    void anAlertMatchesALabelOfItsTypeAndSubjectWithinTheLabelAndTheTolerance() {
        List<Evaluation.Item> labels = List.of(label("DEMAND_SPIKE", "sku=A", 0, 60 * MIN));
        long tolerance = 30 * MIN;
        assertThat(Evaluation.matches(labels.get(0), alert("DEMAND_SPIKE", "sku=A", 0), tolerance))
                .isTrue();
        assertThat(Evaluation.matches(labels.get(0), alert("DEMAND_SPIKE", "sku=A", 90 * MIN), tolerance))
                .isTrue();
        assertThat(Evaluation.matches(labels.get(0), alert("DEMAND_SPIKE", "sku=A", 91 * MIN), tolerance))
                .isFalse();
        assertThat(Evaluation.matches(labels.get(0), alert("DEMAND_SPIKE", "sku=A", -1), tolerance))
                .isFalse();
        assertThat(Evaluation.matches(labels.get(0), alert("DEMAND_SPIKE", "sku=B", 10 * MIN), tolerance))
                .isFalse();
        assertThat(Evaluation.matches(labels.get(0), alert("DEMAND_DROP", "sku=A", 10 * MIN), tolerance))
                .isFalse();
    }

    @Test
    void precisionRecallAndMedianDelayPerType() {
        List<Evaluation.Item> labels = List.of(
                label("FEED_SILENT", "channel=ebay", 0, 120 * MIN),
                label("FEED_SILENT", "channel=amazon", 1000 * MIN, 1120 * MIN),
                label("FEED_SILENT", "channel=shopify", 2000 * MIN, 2120 * MIN));
        List<Evaluation.Item> alerts = List.of(
                alert("FEED_SILENT", "channel=ebay", 20 * MIN),
                alert("FEED_SILENT", "channel=ebay", 40 * MIN),
                alert("FEED_SILENT", "channel=amazon", 1030 * MIN),
                alert("FEED_SILENT", "channel=woocommerce", 1500 * MIN),
                alert("LOW_STOCK", "sku=A", 0));
        Map<String, Evaluation.Score> scores = Evaluation.score(labels, alerts, 60 * MIN);
        Evaluation.Score s = scores.get("FEED_SILENT");
        assertThat(s.alerts).isEqualTo(4);
        assertThat(s.precision()).isEqualTo(0.75);
        assertThat(s.recall()).isEqualTo(2 / 3.0);
        assertThat(s.delays).containsExactly(20 * MIN, 30 * MIN);
        assertThat(s.medianDelay()).isEqualTo(25 * MIN);
        assertThat(scores).as("only the anomaly types").doesNotContainKey("LOW_STOCK");
        assertThat(scores.get("DEMAND_DROP").precision())
                .as("no labels, no alerts")
                .isEqualTo(1.0);
        assertThat(scores.get("DEMAND_DROP").medianDelay()).isEqualTo(-1);
    }

    @Test
    void subjectsPerType() {
        assertThat(Evaluation.subject("LEDGER_MISMATCH", "A", "WH", null, null)).isEqualTo("sku=A,location=WH");
        assertThat(Evaluation.subject("SUSPICIOUS_ORDER", null, null, "ebay", "ebay:1"))
                .isEqualTo("order_id=ebay:1");
        assertThat(Evaluation.subject("FEED_SILENT", null, null, "ebay", null)).isEqualTo("channel=ebay");
        assertThat(Evaluation.subject("STOCKOUT_PREDICTED", "A", null, null, null))
                .isEqualTo("sku=A");
    }
}

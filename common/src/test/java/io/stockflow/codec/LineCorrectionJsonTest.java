package io.stockflow.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.ledger.Allocation;
import io.stockflow.ledger.LineCorrection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineCorrectionJsonTest {
    @Test
    void aCorrectionReadsBackAsWritten() throws Exception {
        LineCorrection c = new LineCorrection();
        c.orderId = "shopify:1";
        c.decisionId = "evt-1";
        c.sku = "SKU-A";
        c.targets.add(new Allocation("STORE-NYC", 2));
        c.targets.add(new Allocation("WH-EAST", 1));
        c.ruleSafety.put("STORE-NYC", 2L);
        c.candidates.addAll(List.of("STORE-NYC", "WH-EAST", "WH-WEST"));
        c.eventTime = 1_764_165_600_123L;

        String json = LineCorrectionJson.write(c);
        LineCorrection read = LineCorrectionJson.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(json)
                .isEqualTo("{\"order_id\":\"shopify:1\",\"decision_id\":\"evt-1\",\"sku\":\"SKU-A\",\"targets\":["
                        + "{\"location\":\"STORE-NYC\",\"quantity\":2,\"safety_stock\":2},{\"location\":\"WH-EAST\",\"quantity\":1}],"
                        + "\"rejected\":false,\"candidates\":[\"STORE-NYC\",\"WH-EAST\",\"WH-WEST\"],"
                        + "\"event_time\":\"2025-11-26T14:00:00.123Z\"}");
        assertThat(read).usingRecursiveComparison().isEqualTo(c);
    }

    @Test
    void aSkuThePlanBackordersHasNoTargetsAndIsNotRejected() throws Exception {
        LineCorrection c = new LineCorrection();
        c.orderId = "o";
        c.decisionId = "e";
        c.sku = "S";
        c.candidates.add("WH-EAST");
        c.eventTime = 1_764_165_600_000L;

        LineCorrection read =
                LineCorrectionJson.read(LineCorrectionJson.write(c).getBytes(StandardCharsets.UTF_8));

        assertThat(read.rejected).isFalse();
        assertThat(read.candidates).containsExactly("WH-EAST");
    }

    @Test
    void aReleaseHasNoTargetsAndABadTargetIsRefusedWithItsPath() throws Exception {
        LineCorrection release = LineCorrectionJson.read(("{\"order_id\":\"o\",\"decision_id\":\"e\",\"sku\":\"S\","
                        + "\"targets\":[],\"event_time\":\"2026-11-26T10:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(release.targets).isEmpty();
        assertThat(release.rejected)
                .as("written before the field: no targets was a release")
                .isTrue();
        assertThat(release.ruleSafety).isEqualTo(Map.of());

        assertThatThrownBy(() -> LineCorrectionJson.read(("{\"order_id\":\"o\",\"decision_id\":\"e\",\"sku\":\"S\","
                                + "\"targets\":[{\"location\":\"L\",\"quantity\":0}],\"event_time\":\"2026-11-26T10:00:00Z\"}")
                        .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("targets[0].quantity");
    }
}

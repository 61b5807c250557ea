package io.stockflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputComparisonTest {
    private static final String A1 =
            "{\"order_id\":\"shopify:1\",\"decision\":\"ALLOCATED\",\"decided_at\":\"2026-12-01T00:00:00Z\"}";
    private static final String A1_LATER =
            "{\"order_id\":\"shopify:1\",\"decision\":\"ALLOCATED\",\"decided_at\":\"2026-12-06T18:00:00Z\"}";
    private static final String A2 = "{\"order_id\":\"ebay:2\",\"decision\":\"ALLOCATED\"}";
    private static final String A2_OTHER = "{\"order_id\":\"ebay:2\",\"decision\":\"BACKORDERED\"}";

    @Test
    void countsLostDuplicatedAndDifferingRecordsButNotWhenTheyWereDecided() {
        OutputComparison.Result r = OutputComparison.compare(
                Map.of(
                        "orders.allocations",
                        List.of(A1, A2),
                        "orders.canonical",
                        List.of("{\"event_id\":\"e1\"}", "{\"event_id\":\"e2\"}")),
                Map.of(
                        "orders.allocations",
                        List.of(A1_LATER, A1_LATER, A2_OTHER),
                        "orders.canonical",
                        List.of("{\"event_id\":\"e1\"}")));

        assertThat(r.topics())
                .filteredOn(t -> t.topic().equals("orders.allocations"))
                .singleElement()
                .satisfies(t -> {
                    assertThat(List.of(t.expected(), t.live(), t.lost(), t.duplicated(), t.differing()))
                            .containsExactly(2, 3, 0, 1, 1);
                    assertThat(t.firstDifference()).contains("ALLOCATED", "BACKORDERED");
                });
        assertThat(r.lost()).isEqualTo(1);
        assertThat(r.duplicated()).isEqualTo(1);
        assertThat(r.clean()).isFalse();
    }

    @Test
    void aFillRevisionOnlyTheLiveRunHasDiffersButIsNoDuplicate() {
        String fill = "{\"order_id\":\"ebay:2\",\"decision\":\"ALLOCATED\",\"revision\":2}";
        OutputComparison.Result r = OutputComparison.compare(
                Map.of("orders.allocations", List.of(A2)), Map.of("orders.allocations", List.of(A2, fill)));

        assertThat(r.topics())
                .filteredOn(t -> t.topic().equals("orders.allocations"))
                .singleElement()
                .satisfies(t -> {
                    assertThat(List.of(t.lost(), t.duplicated(), t.differing())).containsExactly(0, 0, 1);
                    assertThat(t.firstDifference()).contains("bounded (none)", "\"revision\":2");
                });
        assertThat(r.duplicated()).isZero();
    }

    @Test
    void comparesTheFinalOnHandOfEachPositionByHighestVersion() {
        List<String> bounded = List.of(
                "{\"sku\":\"A\",\"location\":\"W\",\"on_hand\":5,\"version\":1}",
                "{\"sku\":\"A\",\"location\":\"W\",\"on_hand\":3,\"version\":2}",
                "{\"sku\":\"A\",\"location\":\"*\",\"on_hand\":3,\"version\":2}",
                "{\"sku\":\"B\",\"location\":\"W\",\"on_hand\":7,\"version\":1}");
        List<String> live = List.of(
                "{\"sku\":\"A\",\"location\":\"W\",\"on_hand\":3,\"version\":2}",
                "{\"sku\":\"B\",\"location\":\"W\",\"on_hand\":9,\"version\":1}");

        OutputComparison.Result r = OutputComparison.compare(
                Map.of("inventory.availability", bounded), Map.of("inventory.availability", live));

        assertThat(r.positions()).isEqualTo(2);
        assertThat(r.positionsDiffering()).containsExactly(new OutputComparison.Position("B|W", 7, 9L));
        assertThat(r.lost())
                .as("availability versions are compacted away, not lost")
                .isZero();
    }
}

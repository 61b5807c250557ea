package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveActivityTest {
    private static final long NOW = 1_800_000_000_700L; // 700 ms into a second

    @Test
    void countsOrdersPerSecondOverTheLastMinuteByChannel() {
        LiveActivity live = new LiveActivity();
        live.placed("amazon", NOW);
        live.placed("amazon", NOW - 500);
        live.placed("ebay", NOW - 59_000);
        live.placed("ebay", NOW - 61_000); // out of the minute
        Map<String, long[]> series = live.ordersPerSecond(NOW);
        assertThat(series.get("amazon")[LiveActivity.SECONDS - 1]).isEqualTo(2);
        assertThat(series.get("ebay")).containsOnlyOnce(1);
        assertThat(series.get("ebay")[0]).isEqualTo(1);
        // A minute later the ring has moved on.
        assertThat(live.ordersPerSecond(NOW + 60_000).get("amazon")).containsOnly(0);
    }

    @Test
    void theBusiestSkusAreThoseWithTheMostUnitsInTheLastMinutes() {
        LiveActivity live = new LiveActivity();
        live.ordered("SKU-A", 2, NOW);
        live.ordered("SKU-B", 5, NOW - 60_000);
        live.ordered("SKU-A", 1, NOW - 120_000);
        live.ordered("SKU-C", 9, NOW - LiveActivity.MINUTES * 60_000L - 60_000); // too old to keep
        assertThat(live.busiest(NOW, 10)).extracting(Map.Entry::getKey).containsExactly("SKU-B", "SKU-A");
        assertThat(live.busiest(NOW, 1)).hasSize(1);
        assertThat(live.busiest(NOW, 10).get(1).getValue()).isEqualTo(3);
        assertThat(live.busiest(NOW + LiveActivity.MINUTES * 60_000L, 10)).isEqualTo(List.of());
    }
}

package io.stockflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ShipmentCountsTest {
    private static final LocalDate NOV_26 = LocalDate.of(2026, 11, 26);
    private final ShipmentCounts counts = new ShipmentCounts();

    @Test
    void countsEachClaimPerLocationAndDayAsTheCapacityCounterDoes() {
        CapacityLevel first = claim("WH-A", NOV_26, "o1");
        CapacityLevel second = claim("WH-A", NOV_26, "o2");
        claim("WH-A", NOV_26.plusDays(1), "o3");
        claim("WH-B", NOV_26, "o4");

        assertThat(first).hasToString("WH-A 2026-11-26 1/2");
        assertThat(second.full()).isTrue();
        assertThat(counts.shipmentsPlanned("WH-A", NOV_26)).isEqualTo(2);
        assertThat(counts.shipmentsPlanned("WH-A", NOV_26.plusDays(1))).isEqualTo(1);
        assertThat(counts.shipmentsPlanned("WH-B", NOV_26)).isEqualTo(1);
        assertThat(counts.shipmentsPlanned("WH-C", NOV_26)).isZero();
        assertThat(counts.available("WH-A", "SKU-1"))
                .as("units are the ledgers'")
                .isZero();
    }

    @Test
    void aDayMoreThanTwoDaysBeforeTheNewestCountsNothingAsTheRouterForgetsIt() {
        claim("WH-A", NOV_26, "o1");
        claim("WH-B", NOV_26.plusDays(2), "o2");
        assertThat(counts.shipmentsPlanned("WH-A", NOV_26)).isEqualTo(1);

        claim("WH-B", NOV_26.plusDays(3), "o3");

        assertThat(counts.shipmentsPlanned("WH-A", NOV_26)).isZero();
        assertThat(counts.shipmentsPlanned("WH-B", NOV_26.plusDays(2))).isEqualTo(1);
    }

    private CapacityLevel claim(String location, LocalDate day, String orderId) {
        return counts.claim(new ShipmentClaim(location, day.toEpochDay(), 2L, orderId, "r1", 0));
    }
}

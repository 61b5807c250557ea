package io.stockflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.json.Instants;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DailyCapacityTest {
    private static final long NOV_26 = LocalDate.of(2026, 11, 26).toEpochDay();
    private final MapStore store = new MapStore();

    @Test
    void countsEachClaimPerDayAndPublishesAbsoluteLevels() throws Exception {
        List<CapacityLevel> levels = new ArrayList<>();
        levels.add(claim(NOV_26, 3L, "o1").level());
        levels.add(claim(NOV_26, 3L, "o2").level());
        levels.add(claim(NOV_26 + 1, 3L, "o3").level());

        assertThat(levels)
                .extracting(CapacityLevel::toString)
                .containsExactly("WH-A 2026-11-26 1/3", "WH-A 2026-11-26 2/3", "WH-A 2026-11-27 1/3");
        assertThat(levels).extracting(l -> l.version).containsExactly(1L, 2L, 1L);
        assertThat(levels.get(1).full()).isFalse();
        assertThat(DailyCapacity.levels(store, "WH-A"))
                .extracting(CapacityLevel::toString)
                .containsExactly("WH-A 2026-11-26 2/3", "WH-A 2026-11-27 1/3");
    }

    @Test
    void theClaimThatGoesOverRaisesOneAlertPerDay() throws Exception {
        claim(NOV_26, 2L, "o1");
        DailyCapacity.Counted second = claim(NOV_26, 2L, "o2");
        assertThat(second.level().full()).as("full at capacity").isTrue();
        assertThat(second.alert()).as("full is not over").isNull();

        Alert over = claim(NOV_26, 2L, "o3").alert();
        assertThat(over).isNotNull();
        assertThat(over.type).isEqualTo("CAPACITY_EXCEEDED");
        assertThat(over.severity.name()).isEqualTo("INFO");
        assertThat(over.location).isEqualTo("WH-A");
        assertThat(over.observed).isEqualTo(3.0);
        assertThat(over.expected).isEqualTo(2.0);
        assertThat(over.message)
                .contains("WH-A")
                .contains("3 shipments")
                .contains("2026-11-26")
                .contains("daily capacity of 2")
                .contains("o3");
        assertThat(over.evidenceJson).contains("\"shipments_planned\":3").contains("\"daily_capacity\":2");

        assertThat(claim(NOV_26, 2L, "o4").alert()).as("once per day").isNull();
        Alert nextDay = claim(NOV_26 + 1, 0L, "o5").alert();
        assertThat(nextDay).isNotNull();
        assertThat(nextDay.alertId).isNotEqualTo(over.alertId);
    }

    @Test
    void theAlertIdDependsOnLocationAndDayOnly() throws Exception {
        Alert first = DailyCapacity.claim(new MapStore(), new ShipmentClaim("WH-A", NOV_26, 0L, "o1", "v1", 1), 2)
                .alert();
        Alert second = DailyCapacity.claim(new MapStore(), new ShipmentClaim("WH-A", NOV_26, 0L, "o2", "v2", 3), 4)
                .alert();
        Alert elsewhere = DailyCapacity.claim(new MapStore(), new ShipmentClaim("WH-B", NOV_26, 0L, "o1", "v1", 1), 2)
                .alert();
        assertThat(first.alertId).isEqualTo(second.alertId).isNotEqualTo(elsewhere.alertId);
    }

    @Test
    void unlimitedLocationsAreCountedAndNeverOver() throws Exception {
        for (int i = 0; i < 50; i++)
            assertThat(claim(NOV_26, null, "o" + i).alert()).isNull();
        CapacityLevel level = DailyCapacity.levels(store, "WH-A").get(0);
        assertThat(level.planned).isEqualTo(50);
        assertThat(level.capacity).isNull();
        assertThat(level.full()).isFalse();
    }

    @Test
    void aDayIsForgottenFromTheThirdUtcDayAfterIt() throws Exception {
        claim(NOV_26, 5L, "o1");
        claim(NOV_26 + 1, 5L, "o2");
        assertThat(DailyCapacity.expiresAt(NOV_26)).isEqualTo(Instants.parse("2026-11-29T00:00:00Z"));

        assertThat(DailyCapacity.expire(store, Instants.parse("2026-11-28T23:59:59Z")))
                .isEmpty();
        assertThat(DailyCapacity.expire(store, Instants.parse("2026-11-29T00:00:00Z")))
                .containsExactly(NOV_26);
        assertThat(store.counts).containsOnlyKeys(NOV_26 + 1);
    }

    @Test
    void aNewDayIsReportedSoItsExpiryCanBeScheduled() throws Exception {
        assertThat(claim(NOV_26, 5L, "o1").newDay()).isTrue();
        assertThat(claim(NOV_26, 5L, "o2").newDay()).isFalse();
    }

    private DailyCapacity.Counted claim(long day, Long capacity, String orderId) throws Exception {
        return DailyCapacity.claim(store, new ShipmentClaim("WH-A", day, capacity, orderId, "v1", 1_000), 2_000);
    }

    static final class MapStore implements DailyCapacity.Store {
        final Map<Long, DayCount> counts = new TreeMap<>();

        @Override
        public DayCount get(long day) {
            return counts.get(day);
        }

        @Override
        public void put(long day, DayCount count) {
            counts.put(day, count);
        }

        @Override
        public Iterable<Long> days() {
            return new ArrayList<>(counts.keySet());
        }

        @Override
        public void remove(long day) {
            counts.remove(day);
        }
    }
}

package io.stockflow.flink.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.json.Instants;
import io.stockflow.routing.CapacityAlerts;
import io.stockflow.routing.CapacityLevel;
import io.stockflow.routing.ShipmentClaim;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The capacity counter keyed by location: levels, the alert when a day goes over, publishing live, forgetting days. */
class CapacityCounterTest {
    private static final long NOV_26 = LocalDate.of(2026, 11, 26).toEpochDay();
    private static final long TEN_AM = Instants.parse("2026-11-26T10:00:00Z");

    @Test
    void everyClaimPublishesTheDaysAbsoluteLevelInAReplay() throws Exception {
        try (var harness = harness(Duration.ZERO)) {
            claim(harness, "WH-A", NOV_26, 2L, "o1");
            claim(harness, "WH-B", NOV_26, null, "o1");
            claim(harness, "WH-A", NOV_26, 2L, "o2");
            claim(harness, "WH-A", NOV_26 + 1, 2L, "o3");

            assertThat(levels(harness))
                    .containsExactly(
                            "WH-A 2026-11-26 1/2", "WH-B 2026-11-26 1", "WH-A 2026-11-26 2/2", "WH-A 2026-11-27 1/2");
            assertThat(alerts(harness)).isEmpty();
        }
    }

    @Test
    void goingOverTheCapacityRaisesOneAlertPerLocationAndDay() throws Exception {
        try (var harness = harness(Duration.ZERO)) {
            for (int i = 1; i <= 4; i++) claim(harness, "WH-A", NOV_26, 2L, "o" + i);
            claim(harness, "WH-B", NOV_26, 2L, "o5");

            assertThat(alerts(harness)).singleElement().satisfies(a -> {
                assertThat(a.type).isEqualTo(CapacityAlerts.CAPACITY_EXCEEDED);
                assertThat(a.location).isEqualTo("WH-A");
                assertThat(a.observed).isEqualTo(3.0);
                assertThat(a.expected).isEqualTo(2.0);
                assertThat(a.message).contains("o3");
                assertThat(a.detectedAt).as("a replay's clock is event time").isEqualTo(TEN_AM);
            });
        }
    }

    @Test
    void liveLevelsArePublishedOncePerIntervalUnlessTheDayIsFull() throws Exception {
        try (var harness = harness(Duration.ofMillis(100))) {
            harness.setProcessingTime(1_000);
            claim(harness, "WH-A", NOV_26, 3L, "o1");
            claim(harness, "WH-A", NOV_26, 3L, "o2");
            claim(harness, "WH-A", NOV_26 + 1, 3L, "o3");
            assertThat(levels(harness)).as("waiting for the interval").isEmpty();

            harness.setProcessingTime(1_100);
            assertThat(levels(harness)).containsExactlyInAnyOrder("WH-A 2026-11-26 2/3", "WH-A 2026-11-27 1/3");
            harness.getOutput().clear();

            claim(harness, "WH-A", NOV_26, 3L, "o4");
            assertThat(levels(harness)).as("a full day goes out at once").containsExactly("WH-A 2026-11-26 3/3");
        }
    }

    @Test
    void aDayIsForgottenOnceEventTimePassesTheThirdUtcDayAfterIt() throws Exception {
        try (var harness = harness(Duration.ZERO)) {
            claim(harness, "WH-A", NOV_26, 5L, "o1");
            claim(harness, "WH-A", NOV_26 + 1, 5L, "o2");
            harness.processWatermark(new Watermark(Instants.parse("2026-11-29T00:00:00Z")));
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

            harness.processWatermark(new Watermark(Instants.parse("2026-11-30T00:00:00Z")));
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void countsSurviveARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(Duration.ZERO)) {
            claim(harness, "WH-A", NOV_26, 2L, "o1");
            claim(harness, "WH-A", NOV_26, 2L, "o2");
            snapshot = harness.snapshot(1, 1);
        }
        try (var restored = harness(Duration.ZERO, snapshot)) {
            claim(restored, "WH-A", NOV_26, 2L, "o3");
            assertThat(levels(restored)).containsExactly("WH-A 2026-11-26 3/2");
            assertThat(alerts(restored)).hasSize(1);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ShipmentClaim, CapacityLevel> harness(
            Duration publishEvery) throws Exception {
        return harness(publishEvery, null);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ShipmentClaim, CapacityLevel> harness(
            Duration publishEvery, OperatorSubtaskState restoreFrom) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<String, ShipmentClaim, CapacityLevel>(
                new KeyedProcessOperator<>(new CapacityCounter(new DecisionClock(true), publishEvery)),
                c -> c.location,
                Types.STRING);
        if (restoreFrom != null) harness.initializeState(restoreFrom);
        harness.open();
        return harness;
    }

    private static void claim(
            KeyedOneInputStreamOperatorTestHarness<String, ShipmentClaim, CapacityLevel> harness,
            String location,
            long day,
            Long capacity,
            String orderId)
            throws Exception {
        harness.processElement(
                new StreamRecord<>(new ShipmentClaim(location, day, capacity, orderId, "v1", TEN_AM), TEN_AM));
    }

    private static List<String> levels(KeyedOneInputStreamOperatorTestHarness<String, ShipmentClaim, CapacityLevel> h) {
        return h.extractOutputValues().stream().map(CapacityLevel::toString).collect(Collectors.toList());
    }

    private static List<Alert> alerts(KeyedOneInputStreamOperatorTestHarness<String, ShipmentClaim, CapacityLevel> h) {
        var records = h.getSideOutput(CapacityCounter.ALERTS);
        return records == null
                ? List.of()
                : records.stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }
}

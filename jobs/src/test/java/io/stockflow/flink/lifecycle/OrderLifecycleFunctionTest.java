package io.stockflow.flink.lifecycle;

import static io.stockflow.flink.lifecycle.LifecycleEvents.allocated;
import static io.stockflow.flink.lifecycle.LifecycleEvents.at;
import static io.stockflow.flink.lifecycle.LifecycleEvents.carrier;
import static io.stockflow.flink.lifecycle.LifecycleEvents.placed;
import static io.stockflow.flink.lifecycle.LifecycleEvents.warehouse;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.flink.time.ReplayHorizon;
import io.stockflow.lifecycle.LifecycleInput;
import io.stockflow.lifecycle.OrderLifecycle;
import io.stockflow.model.FulfilmentType;
import io.stockflow.notify.Notification;
import io.stockflow.notify.NotificationKind;
import io.stockflow.testing.Fixtures;
import io.stockflow.tracking.TrackingStatus;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle function in the operator harness, with the fixture policy (UTC, cut-off 14:00, one working day of
 * handling, three delivery days of transit): placed Tuesday 24 November 2026 10:00 UTC, ship-by Wednesday 25th 23:59,
 * warning 6h before, deliver-by Saturday 28th 20:00. PACKED may last 24h, SHIPPED (without a carrier scan) 2 days.
 */
class OrderLifecycleFunctionTest {
    private static final long SHIP_BY = at("2026-11-25T23:59:00Z");
    private static final long AT_RISK = SHIP_BY - 6 * 3600_000L;
    private static final long DELIVER_BY = at("2026-11-28T20:00:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, LifecycleInput, Alert> harness;

    private void open(boolean replay, ReplayHorizon horizon) throws Exception {
        open(replay, horizon, null);
    }

    private void open(boolean replay, ReplayHorizon horizon, OperatorSubtaskState restore) throws Exception {
        OrderLifecycle lifecycle = new OrderLifecycle(
                LifecycleSettings.policy(Fixtures.dir("lifecycle").resolve("sla-policy.json")),
                LifecycleSettings.defaultTemplates());
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new OrderLifecycleFunction(lifecycle, new DecisionClock(true), horizon, replay)),
                in -> in.orderId,
                Types.STRING);
        if (restore != null) harness.initializeState(restore);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) harness.close();
    }

    private void send(LifecycleInput... inputs) throws Exception {
        for (LifecycleInput in : inputs) harness.processElement(new StreamRecord<>(in, in.eventTime()));
    }

    @Test
    void setsTimersForTheDeadlinesAndDeletesThoseProgressMakesMoot() throws Exception {
        open(false, ReplayHorizon.LIVE);
        send(placed("2026-11-24T10:00:00Z"), allocated("2026-11-24T10:00:00Z"));
        // at-risk, ship-by, deliver-by, cleanup (ALLOCATED has no stuck limit)
        assertThat(harness.numEventTimeTimers()).isEqualTo(4);

        send(warehouse(FulfilmentType.PACKED, "2026-11-24T19:00:00Z"));
        assertThat(harness.numEventTimeTimers())
                .as("+ stuck in PACKED at 25th 19:00")
                .isEqualTo(5);
        send(warehouse(FulfilmentType.SHIPPED, "2026-11-24T20:00:00Z"));
        assertThat(harness.numEventTimeTimers())
                .as("PACKED's deleted, SHIPPED's (26th 20:00) set")
                .isEqualTo(5);
        harness.processWatermark(SHIP_BY);

        assertThat(alerts())
                .as("shipped in time: no warning, no breach, not stuck")
                .isEmpty();
        // left: deliver-by, stuck in SHIPPED, cleanup
        assertThat(harness.numEventTimeTimers()).isEqualTo(3);
        send(carrier(TrackingStatus.IN_TRANSIT, "2026-11-25T08:00:00Z"));
        harness.processWatermark(at("2026-11-27T00:00:00Z"));
        assertThat(alerts()).as("the carrier scan came in time").isEmpty();
    }

    @Test
    void raisesTheWarningAndTheBreachOnceEachAtTheirTimes() throws Exception {
        open(false, ReplayHorizon.LIVE);
        send(placed("2026-11-24T10:00:00Z"), allocated("2026-11-24T10:00:00Z"));

        harness.processWatermark(AT_RISK);
        assertThat(alerts()).extracting(a -> a.type).containsExactly("SHIP_SLA_AT_RISK");
        harness.processWatermark(SHIP_BY);
        harness.processWatermark(SHIP_BY + 1000);

        assertThat(alerts()).extracting(a -> a.type).containsExactly("SHIP_SLA_AT_RISK", "SHIP_SLA_BREACH");
        Alert breach = alerts().get(1);
        assertThat(breach.eventTime).isEqualTo(SHIP_BY);
        assertThat(breach.alertId).isEqualTo(io.stockflow.alert.AlertIds.of("SHIP_SLA_BREACH", "shopify:7"));
        assertThat(breach.message).contains("still ALLOCATED since 2026-11-24T10:00:00Z");
        assertThat(notifications())
                .extracting(n -> n.kind)
                .containsExactly(NotificationKind.ORDER_CONFIRMED, NotificationKind.SLA_APOLOGY);
        assertThat(values(harness.getSideOutput(OrderLifecycleFunction.OUTCOMES)))
                .extracting(o -> o.sla + ":" + o.late)
                .containsExactly("SHIP:true");
    }

    @Test
    void eventsOutOfOrderAndTwiceGiveEachNoticeOnceAndNeverBackwards() throws Exception {
        open(false, ReplayHorizon.LIVE);
        send(
                carrier(TrackingStatus.IN_TRANSIT, "2026-11-25T08:00:00Z"),
                placed("2026-11-24T10:00:00Z"),
                carrier(TrackingStatus.DELIVERED, "2026-11-26T12:00:00Z"),
                carrier(TrackingStatus.DELIVERED, "2026-11-26T12:00:00Z"),
                warehouse(FulfilmentType.SHIPPED, "2026-11-24T20:00:00Z"),
                placed("2026-11-24T10:00:00Z"),
                carrier(TrackingStatus.OUT_FOR_DELIVERY, "2026-11-26T07:00:00Z"));

        assertThat(notifications())
                .extracting(n -> n.kind)
                .containsExactly(NotificationKind.SHIPPED, NotificationKind.DELIVERED);
        harness.processWatermark(DELIVER_BY);
        assertThat(alerts()).isEmpty();
    }

    @Test
    void forgetsTheOrderAfterItsRetentionDownToZeroKeyedState() throws Exception {
        open(false, ReplayHorizon.LIVE);
        send(
                placed("2026-11-24T10:00:00Z"),
                allocated("2026-11-24T10:00:00Z"),
                warehouse(FulfilmentType.SHIPPED, "2026-11-24T20:00:00Z"),
                carrier(TrackingStatus.DELIVERED, "2026-11-26T12:00:00Z"));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        // Delivered on the 26th at 12:00, kept 7 days for late and repeated events.
        harness.processWatermark(at("2026-12-03T11:59:59Z"));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        harness.processWatermark(at("2026-12-03T12:00:00Z"));

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(values(harness.getSideOutput(OrderLifecycleFunction.OUTCOMES)))
                .extracting(o -> o.sla + ":" + o.late)
                .containsExactly("SHIP:false", "DELIVERY:false");
    }

    @Test
    void aReplayJudgesADeadlineBeforeTheEventThatFollowsIt() throws Exception {
        open(true, new ReplayHorizon(at("2026-11-28T00:00:00Z")));
        send(
                placed("2026-11-24T10:00:00Z"),
                allocated("2026-11-24T10:00:00Z"),
                warehouse(FulfilmentType.SHIPPED, "2026-11-26T12:00:00Z"));

        assertThat(alerts()).extracting(a -> a.type).containsExactly("SHIP_SLA_AT_RISK", "SHIP_SLA_BREACH");
        assertThat(alerts().get(1).message).contains("still ALLOCATED");
        assertThat(notifications())
                .extracting(n -> n.kind)
                .containsExactly(
                        NotificationKind.ORDER_CONFIRMED, NotificationKind.SLA_APOLOGY, NotificationKind.SHIPPED);
    }

    @Test
    void aReplayRaisesNothingPastItsHorizonWhenTheInputEnds() throws Exception {
        open(true, new ReplayHorizon(at("2026-11-25T12:00:00Z")));
        send(placed("2026-11-24T10:00:00Z"), allocated("2026-11-24T10:00:00Z"));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(alerts()).isEmpty();
        assertThat(values(harness.getSideOutput(OrderLifecycleFunction.OUTCOMES)))
                .isEmpty();
    }

    @Test
    void keepsItsTimersAndNoticesAcrossASnapshotAndRestore() throws Exception {
        open(false, ReplayHorizon.LIVE);
        send(placed("2026-11-24T10:00:00Z"), allocated("2026-11-24T10:00:00Z"));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        open(false, ReplayHorizon.LIVE, snapshot);
        send(placed("2026-11-24T10:00:00Z"));
        harness.processWatermark(SHIP_BY);

        assertThat(notifications())
                .as("the confirmation was sent before the snapshot")
                .extracting(n -> n.kind)
                .containsExactly(NotificationKind.SLA_APOLOGY);
        assertThat(alerts()).extracting(a -> a.type).containsExactly("SHIP_SLA_AT_RISK", "SHIP_SLA_BREACH");
    }

    private List<Alert> alerts() {
        return harness.extractOutputValues();
    }

    private List<Notification> notifications() {
        return values(harness.getSideOutput(OrderLifecycleFunction.NOTIFICATIONS));
    }

    private static <T> List<T> values(Collection<StreamRecord<T>> records) {
        return records == null
                ? List.of()
                : records.stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }
}

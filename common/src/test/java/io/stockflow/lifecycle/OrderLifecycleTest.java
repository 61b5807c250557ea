package io.stockflow.lifecycle;

import static io.stockflow.lifecycle.Events.allocated;
import static io.stockflow.lifecycle.Events.cancelled;
import static io.stockflow.lifecycle.Events.carrier;
import static io.stockflow.lifecycle.Events.placed;
import static io.stockflow.lifecycle.Events.warehouse;
import static io.stockflow.lifecycle.TestConfig.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stockflow.alert.Alert;
import io.stockflow.allocation.Decision;
import io.stockflow.model.FulfilmentType;
import io.stockflow.notify.Notification;
import io.stockflow.notify.NotificationKind;
import io.stockflow.tracking.TrackingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The order lifecycle without Flink. Placed Tuesday 24 November 10:00 UTC at WH-EU (Berlin, cut-off 12:00, ships by
 * 18:00 local): ship-by Wednesday 25th 17:00 UTC, deliver-by Saturday 28th 19:00 UTC (20:00 Berlin).
 */
class OrderLifecycleTest {
    private static final LongUnaryOperator EVENT_TIME = t -> t;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OrderLifecycle lifecycle = new OrderLifecycle(TestConfig.policy(), TestConfig.templates());
    private final OrderTrack track = new OrderTrack();
    private final List<Alert> alerts = new ArrayList<>();
    private final List<Notification> notices = new ArrayList<>();
    private final List<SlaOutcome> outcomes = new ArrayList<>();

    private void send(LifecycleInput... inputs) {
        for (LifecycleInput in : inputs) {
            LifecycleEffects fx = new LifecycleEffects();
            lifecycle.apply(track, in, EVENT_TIME, fx);
            collect(fx);
        }
    }

    private void advanceTo(String time) {
        LifecycleEffects fx = new LifecycleEffects();
        lifecycle.evaluate(track, at(time), EVENT_TIME, fx);
        collect(fx);
    }

    private void collect(LifecycleEffects fx) {
        alerts.addAll(fx.alerts);
        notices.addAll(fx.notifications);
        outcomes.addAll(fx.outcomes);
    }

    private void placedAtWarehouse() {
        send(placed("2026-11-24T10:00:00Z"), allocated(Decision.ALLOCATED, "WH-EU", "2026-11-24T10:00:00Z"));
    }

    @Test
    void aLaterDecisionThatFillsTheBackorderMovesTheOrderOnWithoutTellingTheCustomerTwice() {
        LifecycleInput backordered = allocated(Decision.BACKORDERED, null, "2026-11-24T10:00:00Z");
        backordered.allocation.backorderedUnits = 2;
        send(placed("2026-11-24T10:00:00Z"), backordered);
        send(allocated(Decision.ALLOCATED, "WH-EU", "2026-11-24T11:00:00Z"));
        send(allocated(Decision.ALLOCATED, "WH-EU", "2026-11-24T11:00:00Z")); // read again after a restart

        assertThat(track.location).as("the fill says where it ships from").isEqualTo("WH-EU");
        assertThat(track.reached(Stage.ALLOCATED)).isEqualTo(at("2026-11-24T11:00:00Z"));
        assertThat(notices)
                .extracting(n -> n.kind)
                .containsExactlyInAnyOrder(NotificationKind.ORDER_CONFIRMED, NotificationKind.BACKORDER_NOTICE);
        send(warehouse(FulfilmentType.SHIPPED, "2026-11-24T16:00:00Z"));
        assertThat(track.stage()).isEqualTo(Stage.SHIPPED);
    }

    @Test
    void walksAnOrderToTheDoorstepAndTellsTheCustomerAtEachStep() {
        placedAtWarehouse();
        send(
                warehouse(FulfilmentType.PICKED, "2026-11-24T13:00:00Z"),
                warehouse(FulfilmentType.PACKED, "2026-11-24T14:00:00Z"),
                warehouse(FulfilmentType.SHIPPED, "2026-11-24T16:00:00Z"),
                carrier(TrackingStatus.IN_TRANSIT, "2026-11-25T08:00:00Z"),
                carrier(TrackingStatus.OUT_FOR_DELIVERY, "2026-11-26T07:00:00Z"),
                carrier(TrackingStatus.DELIVERED, "2026-11-26T12:00:00Z"));
        advanceTo("2026-11-30T00:00:00Z");

        assertThat(track.stage()).isEqualTo(Stage.DELIVERED);
        assertThat(notices)
                .extracting(n -> n.kind)
                .containsExactly(
                        NotificationKind.ORDER_CONFIRMED,
                        NotificationKind.SHIPPED,
                        NotificationKind.OUT_FOR_DELIVERY,
                        NotificationKind.DELIVERED);
        assertThat(notices.get(0).locale).isEqualTo("de-DE");
        assertThat(vars(notices.get(1))).containsEntry("carrier", "UPS").containsEntry("tracking_code", "1Z999");
        assertThat(alerts).isEmpty();
        assertThat(outcomes).extracting(o -> o.sla + ":" + o.late).containsExactly("SHIP:false", "DELIVERY:false");
    }

    @Test
    void aLateShippedAfterDeliveredDoesNotMoveTheOrderBackNorNotifyAgain() {
        placedAtWarehouse();
        send(carrier(TrackingStatus.DELIVERED, "2026-11-26T12:00:00Z"));
        send(warehouse(FulfilmentType.SHIPPED, "2026-11-24T16:00:00Z"));
        send(carrier(TrackingStatus.DELIVERED, "2026-11-26T12:00:00Z"));

        assertThat(track.stage()).isEqualTo(Stage.DELIVERED);
        assertThat(notices)
                .extracting(n -> n.kind)
                .containsExactly(NotificationKind.ORDER_CONFIRMED, NotificationKind.DELIVERED);
    }

    @Test
    void judgesTheShipByAsOfTheDeadlineAndExplainsTheBreach() {
        placedAtWarehouse();
        send(warehouse(FulfilmentType.PICKED, "2026-11-25T09:00:00Z"));
        advanceTo("2026-11-25T17:00:00Z");

        assertThat(alerts).extracting(a -> a.type).containsExactly("SHIP_SLA_BREACH");
        Alert breach = alerts.get(0);
        assertThat(breach.eventTime).isEqualTo(at("2026-11-25T17:00:00Z"));
        assertThat(breach.message)
                .contains("not shipped by its ship-by 2026-11-25T17:00:00Z")
                .contains("still PICKED since 2026-11-25T09:00:00Z (8h)");
        assertThat(breach.evidenceJson).contains("\"last_state\":\"PICKED\"").contains("\"location\":\"WH-EU\"");
        assertThat(outcomes).extracting(o -> o.sla + ":" + o.late).containsExactly("SHIP:true");
        assertThat(notices).extracting(n -> n.kind).endsWith(NotificationKind.SLA_APOLOGY);
        assertThat(notices.get(notices.size() - 1).branch).isEqualTo("ship_late");

        advanceTo("2026-11-26T00:00:00Z");
        assertThat(alerts).as("raised once").hasSize(1);
    }

    @Test
    void warnsAheadOfTheShipByWhenNothingIsPickedYet() {
        placedAtWarehouse();
        advanceTo("2026-11-25T11:00:00Z");

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.type).isEqualTo("SHIP_SLA_AT_RISK");
            assertThat(a.message).contains("is not picked 6h before its ship-by");
        });
    }

    @Test
    void aCancelledOrderBreachesNothingAndIsToldOnce() {
        placedAtWarehouse();
        send(cancelled("2026-11-24T12:00:00Z"), cancelled("2026-11-24T12:00:00Z"));
        advanceTo("2026-12-31T00:00:00Z");

        assertThat(alerts).isEmpty();
        assertThat(outcomes).isEmpty();
        assertThat(notices)
                .extracting(n -> n.kind)
                .containsExactly(NotificationKind.ORDER_CONFIRMED, NotificationKind.CANCELLED);
        assertThat(lifecycle.cleanupAt(track)).isEqualTo(at("2026-12-01T12:00:00Z"));
    }

    @Test
    void aFailedAttemptAlertsAndTellsTheCustomerWhatHappensNext() {
        placedAtWarehouse();
        send(
                warehouse(FulfilmentType.SHIPPED, "2026-11-24T16:00:00Z"),
                carrier(TrackingStatus.ATTEMPT_FAILED, "2026-11-26T15:00:00Z"),
                carrier(TrackingStatus.ATTEMPT_FAILED, "2026-11-26T15:00:00Z"));

        assertThat(track.stage()).isEqualTo(Stage.DELIVERY_EXCEPTION);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.type).isEqualTo("DELIVERY_EXCEPTION");
            assertThat(a.message).contains("reports a failed delivery attempt for order shopify:1");
        });
        Notification failed = notices.get(notices.size() - 1);
        assertThat(failed.kind).isEqualTo(NotificationKind.DELIVERY_FAILED);
        assertThat(failed.branch).isEqualTo("attempt_failed");
        assertThat(vars(failed)).containsEntry("next_step", "carrier-retries");

        send(carrier(TrackingStatus.DELIVERED, "2026-11-27T10:00:00Z"));
        assertThat(track.stage()).isEqualTo(Stage.DELIVERED);
    }

    @Test
    void aStageHeldTooLongIsStuckAndASecondDelayTakesTheRepeatedBranch() {
        placedAtWarehouse();
        send(
                warehouse(FulfilmentType.SHIPPED, "2026-11-24T16:00:00Z"),
                carrier(TrackingStatus.IN_TRANSIT, "2026-11-24T20:00:00Z"));
        advanceTo("2026-12-02T00:00:00Z");

        assertThat(alerts).extracting(a -> a.type).containsExactly("DELIVERY_SLA_BREACH", "STUCK_ORDER");
        assertThat(alerts.get(1).message).contains("has been IN_TRANSIT since 2026-11-24T20:00:00Z (4d)");
        assertThat(notices)
                .extracting(n -> n.kind + "/" + n.branch)
                .containsSubsequence("SLA_APOLOGY/delivery_late", "DELAY_NOTICE/repeated");
    }

    @Test
    void aDeliveryProblemReportedBeforeTheOrderIsKnownIsToldOnceItIs() {
        send(carrier(TrackingStatus.ATTEMPT_FAILED, "2026-11-26T15:00:00Z"));
        assertThat(notices).isEmpty();
        assertThat(alerts).extracting(a -> a.type).containsExactly("DELIVERY_EXCEPTION");

        placedAtWarehouse();

        assertThat(notices).extracting(n -> n.kind + "/" + n.branch).containsExactly("DELIVERY_FAILED/attempt_failed");
        send(carrier(TrackingStatus.ATTEMPT_FAILED, "2026-11-26T15:00:00Z"));
        assertThat(notices).as("the same carrier event is told once").hasSize(1);
    }

    @Test
    void aCarrierEstimatePastTheDeliverByWarnsTheCustomerBeforeThePromiseBreaks() {
        placedAtWarehouse();
        LifecycleInput late = carrier(TrackingStatus.IN_TRANSIT, "2026-11-26T08:00:00Z");
        late.tracking.estimatedDelivery = at("2026-12-01T18:00:00Z");
        send(warehouse(FulfilmentType.SHIPPED, "2026-11-24T16:00:00Z"), late);

        Notification delay = notices.get(notices.size() - 1);
        assertThat(delay.kind).isEqualTo(NotificationKind.DELAY_NOTICE);
        assertThat(vars(delay))
                .containsEntry("promised_by", "2026-11-28T19:00:00Z")
                .containsEntry("new_estimate", "2026-12-01T18:00:00Z");
    }

    @Test
    void notificationIdsAreDeterministic() {
        placedAtWarehouse();
        OrderLifecycleTest other = new OrderLifecycleTest();
        other.placedAtWarehouse();

        assertThat(notices.get(0).notificationId)
                .isEqualTo(other.notices.get(0).notificationId)
                .startsWith("notify_order_confirmed-");
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> vars(Notification n) {
        try {
            return JSON.readValue(n.variablesJson, java.util.Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.stockflow.lifecycle;

import static io.stockflow.lifecycle.OrderLifecycle.DELIVERY;
import static io.stockflow.lifecycle.OrderLifecycle.SHIP;

import io.stockflow.alert.Evidence;
import io.stockflow.json.Instants;
import io.stockflow.notify.Notification;
import io.stockflow.notify.NotificationKind;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.LongUnaryOperator;

/**
 * An order's deadlines: which judgements are pending and when (ship-by warning and breach, deliver-by breach, a stage
 * held too long), judging each as of its own time, and when the order's state may end.
 */
final class DeadlineChecks implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SlaPolicy policy;
    private final CustomerNotices notices;

    DeadlineChecks(SlaPolicy policy, CustomerNotices notices) {
        this.policy = policy;
        this.notices = notices;
    }

    /** A judgement due at a time; {@code key} marks it done in the track. */
    private static final class Check {
        final String key;
        final long time;
        final int order;

        Check(String key, long time, int order) {
            this.key = key;
            this.time = time;
            this.order = order;
        }
    }

    private List<Check> pendingChecks(OrderTrack t) {
        List<Check> checks = new ArrayList<>();
        if (!t.known) return checks;
        Deadline shipBy = policy.shipBy(t);
        if (shipBy != null) {
            checks.add(new Check("check:AT_RISK", shipBy.time - policy.atRiskBeforeShipBy.toMillis(), 0));
            checks.add(new Check("check:" + SHIP, shipBy.time, 1));
        }
        Deadline deliverBy = policy.deliverBy(t, shipBy);
        if (deliverBy != null) checks.add(new Check("check:" + DELIVERY, deliverBy.time, 2));
        Stage stage = t.stage();
        Duration limit = stage == null ? null : policy.stuckAfter(stage);
        if (limit != null && !stage.isFinal() && t.enteredAt(stage) != 0) {
            checks.add(new Check("check:STUCK:" + stage, t.enteredAt(stage) + limit.toMillis(), 3));
        }
        checks.removeIf(c -> t.isDone(c.key));
        checks.sort(Comparator.comparingLong((Check c) -> c.time).thenComparingInt(c -> c.order));
        return checks;
    }

    /** Judges, in time order, every pending deadline at or before {@code upTo}, each as of its own time. */
    void evaluate(OrderTrack t, long upTo, LongUnaryOperator clock, LifecycleEffects fx) {
        while (true) {
            List<Check> due = pendingChecks(t);
            if (due.isEmpty() || due.get(0).time > upTo) return;
            Check c = due.get(0);
            t.markDone(c.key);
            long now = clock.applyAsLong(c.time);
            if (c.key.equals("check:AT_RISK")) {
                atRisk(t, c.time, now, fx);
            } else if (c.key.equals("check:" + SHIP)) {
                shipDeadline(t, now, fx);
            } else if (c.key.equals("check:" + DELIVERY)) {
                deliveryDeadline(t, now, fx);
            } else {
                stuck(t, Stage.valueOf(c.key.substring("check:STUCK:".length())), c.time, now, fx);
            }
        }
    }

    private void atRisk(OrderTrack t, long at, long now, LifecycleEffects fx) {
        if (t.cancelledBy(at) || t.reachedBy(Stage.PICKED.rank, at)) return;
        Stage stage = t.stageAt(at);
        if (stage != null && stage.isFinal()) return;
        fx.alerts.add(LifecycleAlerts.atRisk(t, policy.shipBy(t), at, now));
    }

    private void shipDeadline(OrderTrack t, long now, LifecycleEffects fx) {
        Deadline shipBy = policy.shipBy(t);
        if (t.cancelledBy(shipBy.time)) return;
        boolean late = !t.reachedBy(Stage.SHIPPED.rank, shipBy.time);
        fx.outcomes.add(new SlaOutcome(t.orderId, t.channel, t.location, SHIP, shipBy.time, late));
        if (!late) return;
        fx.alerts.add(LifecycleAlerts.shipBreach(t, shipBy, now));
        // Also when the parcel has arrived since: the promise was broken, and events may have overtaken the timer.
        if (t.stage() != Stage.CANCELLED) {
            add(
                    fx,
                    notices.build(
                            t,
                            NotificationKind.SLA_APOLOGY,
                            SHIP,
                            SHIP,
                            Evidence.of("sla", SHIP).and("promised_by", Instants.format(shipBy.time)),
                            shipBy.time,
                            now));
        }
    }

    private void deliveryDeadline(OrderTrack t, long now, LifecycleEffects fx) {
        Deadline deliverBy = policy.deliverBy(t);
        long at = deliverBy.time;
        if (t.cancelledBy(at) || (t.reached(Stage.RETURNED) != 0 && t.reached(Stage.RETURNED) <= at)) return;
        boolean late = !t.reachedBy(Stage.DELIVERED.rank, at);
        fx.outcomes.add(new SlaOutcome(t.orderId, t.channel, t.location, DELIVERY, at, late));
        if (!late) return;
        fx.alerts.add(LifecycleAlerts.deliveryBreach(t, deliverBy, now));
        if (t.stage() != Stage.CANCELLED) {
            Evidence vars = Evidence.of("sla", DELIVERY)
                    .and("promised_by", Instants.format(at))
                    .andIfSet("carrier", t.carrier)
                    .andIfSet("tracking_code", t.trackingCode)
                    .andIfSet(
                            "new_estimate", t.estimatedDelivery == null ? null : Instants.format(t.estimatedDelivery));
            add(fx, notices.build(t, NotificationKind.SLA_APOLOGY, DELIVERY, DELIVERY, vars, at, now));
        }
    }

    private void stuck(OrderTrack t, Stage stage, long at, long now, LifecycleEffects fx) {
        if (t.stageAt(at) != stage) return;
        long entered = t.enteredAt(stage);
        fx.alerts.add(LifecycleAlerts.stuck(t, stage, entered, policy.stuckAfter(stage), at, now));
        if (stage.isShipped() || stage == Stage.DELIVERY_EXCEPTION) {
            Evidence vars = Evidence.of("reason", "NO_CARRIER_PROGRESS")
                    .and("since", Instants.format(entered))
                    .andIfSet("carrier", t.carrier)
                    .andIfSet("tracking_code", t.trackingCode);
            add(fx, notices.build(t, NotificationKind.DELAY_NOTICE, "stuck:" + stage, stage.name(), vars, at, now));
        }
    }

    /** When the order's state may be dropped: a while after its final stage, or after a long silence. */
    long cleanupAt(OrderTrack t) {
        return cleanupAt(t, pendingChecks(t));
    }

    private long cleanupAt(OrderTrack t, List<Check> pending) {
        Stage stage = t.stage();
        long base;
        if (stage != null && stage.isFinal()) {
            base = Math.max(t.enteredAt(stage), t.lastEventAt) + policy.retentionAfterFinal.toMillis();
        } else {
            base = t.lastEventAt + policy.idleRetention.toMillis();
        }
        for (Check c : pending) base = Math.max(base, c.time + 1);
        return base;
    }

    /** Every time the order needs a timer for: its pending deadlines and its cleanup. */
    TreeSet<Long> timers(OrderTrack t) {
        TreeSet<Long> times = new TreeSet<>();
        List<Check> pending = pendingChecks(t);
        for (Check c : pending) times.add(c.time);
        times.add(cleanupAt(t, pending));
        return times;
    }

    private static void add(LifecycleEffects fx, Notification n) {
        if (n != null) fx.notifications.add(n);
    }
}

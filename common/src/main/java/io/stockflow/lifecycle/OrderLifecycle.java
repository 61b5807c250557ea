package io.stockflow.lifecycle;

import io.stockflow.alert.Evidence;
import io.stockflow.json.Instants;
import io.stockflow.model.FulfilmentEvent;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderLine;
import io.stockflow.notify.Notification;
import io.stockflow.notify.NotificationKind;
import io.stockflow.notify.NotificationTemplates;
import io.stockflow.tracking.TrackingStatus;
import io.stockflow.tracking.TrackingUpdate;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.LongUnaryOperator;

/**
 * The lifecycle of one order, without Flink: {@link #apply} records what an event says and tells the customer about
 * new progress; {@link #evaluate} judges the deadlines that are due (ship-by warning and breach, deliver-by breach, a
 * stage held too long) as of each deadline; {@link #timers} says when the next judgements and the cleanup are due.
 * {@code clock} turns an event time into the time stamped on alerts and notifications.
 */
public final class OrderLifecycle implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String SHIP = "SHIP";
    public static final String DELIVERY = "DELIVERY";

    private final SlaPolicy policy;
    private final CustomerNotices notices;

    public OrderLifecycle(SlaPolicy policy, NotificationTemplates templates) {
        this.policy = policy;
        this.notices = new CustomerNotices(templates);
    }

    public SlaPolicy policy() {
        return policy;
    }

    // ---- events ------------------------------------------------------------------------------------------------

    public void apply(OrderTrack t, LifecycleInput in, LongUnaryOperator clock, LifecycleEffects fx) {
        long time = in.eventTime();
        long now = clock.applyAsLong(time);
        if (t.orderId == null) t.orderId = in.orderId;
        if (t.channel == null) t.channel = channelOf(in.orderId);
        t.lastEventAt = Math.max(t.lastEventAt, time);
        if (in.order != null) {
            onOrder(t, in.order, now, fx);
        } else if (in.allocation != null) {
            onAllocation(t, in.allocation);
        } else if (in.fulfilment != null) {
            onFulfilment(t, in.fulfilment);
        } else {
            if (t.location == null) t.location = in.shippedFrom;
            onTracking(t, in.tracking, now, fx);
        }
        notifyProgress(t, time, now, fx);
    }

    private void onOrder(OrderTrack t, OrderEvent e, long now, LifecycleEffects fx) {
        switch (e.type) {
            case PLACED:
            case UPDATED:
                learn(t, e);
                t.known = true;
                if (t.placedAt == 0 || (e.type == io.stockflow.model.OrderEventType.PLACED && e.eventTime < t.placedAt)) {
                    t.placedAt = e.eventTime;
                }
                t.reach(Stage.PLACED, t.placedAt);
                break;
            case CANCELLED:
                learn(t, e);
                t.reach(Stage.CANCELLED, e.eventTime);
                break;
            case REFUNDED:
                t.reach(Stage.REFUNDED, e.eventTime);
                for (OrderLine line : e.lines) t.restocked |= line.restock;
                add(fx, notices.build(t, NotificationKind.REFUNDED, e.eventId, null,
                        Evidence.of("refunded_at", Instants.format(e.eventTime)), e.eventTime, now));
                break;
            case SHIPPED:
                t.reach(Stage.SHIPPED, e.eventTime);
                shipment(t, e.carrier, e.trackingCode, e.eventTime);
                if (!t.locationFromWarehouse && e.shipLocation != null) t.location = e.shipLocation;
                break;
            default:
                break;
        }
    }

    /** What the marketplace says about the order itself; later values win, absent ones change nothing. */
    private static void learn(OrderTrack t, OrderEvent e) {
        if (e.channel != null) t.channel = e.channel;
        if (e.marketplaceOrderId != null) t.marketplaceOrderId = e.marketplaceOrderId;
        if (e.serviceLevel != null) t.serviceLevel = e.serviceLevel;
        if (e.shipCountry != null) t.shipCountry = e.shipCountry;
        if (e.currency != null) t.currency = e.currency;
        if (e.total != null) t.total = e.total;
        if (e.customerEmailHash != null) t.emailHash = e.customerEmailHash;
        if (e.customerPhoneHash != null) t.phoneHash = e.customerPhoneHash;
        if (e.shipBy != null) t.marketShipBy = e.shipBy;
        if (e.deliverBy != null) t.marketDeliverBy = e.deliverBy;
    }

    private static void onAllocation(OrderTrack t, AllocationNotice a) {
        switch (a.decision) {
            case ALLOCATED:
                t.reach(Stage.ALLOCATED, a.eventTime);
                break;
            case PARTIAL:
            case BACKORDERED:
                t.reach(Stage.BACKORDERED, a.eventTime);
                t.backorderedUnits = a.backorderedUnits;
                break;
            default:
                break;
        }
        if (!t.locationFromWarehouse && a.location != null) t.location = a.location;
        if (t.channel == null && a.channel != null) t.channel = a.channel;
    }

    private static void onFulfilment(OrderTrack t, FulfilmentEvent f) {
        t.location = f.location;
        t.locationFromWarehouse = true;
        switch (f.type) {
            case PICKED:
                t.reach(Stage.PICKED, f.occurredAt);
                break;
            case PACKED:
                t.reach(Stage.PACKED, f.occurredAt);
                break;
            default:
                t.reach(Stage.SHIPPED, f.occurredAt);
                shipment(t, f.carrier, f.trackingCode, f.occurredAt);
                break;
        }
    }

    private static void shipment(OrderTrack t, String carrier, String trackingCode, long time) {
        if (carrier != null) t.carrier = carrier;
        if (trackingCode != null && t.trackingCode == null) t.trackingCode = trackingCode;
        t.lastProgressAt = Math.max(t.lastProgressAt, time);
    }

    private void onTracking(OrderTrack t, TrackingUpdate u, long now, LifecycleEffects fx) {
        if (t.carrier == null) t.carrier = u.carrier;
        if (t.trackingCode == null) t.trackingCode = u.trackingCode;
        if (u.estimatedDelivery != null) t.estimatedDelivery = u.estimatedDelivery;
        Stage reached = null;
        switch (u.status) {
            case IN_TRANSIT:
                reached = Stage.IN_TRANSIT;
                break;
            case OUT_FOR_DELIVERY:
                reached = Stage.OUT_FOR_DELIVERY;
                break;
            case AVAILABLE_FOR_PICKUP:
                reached = Stage.AWAITING_PICKUP;
                break;
            case DELIVERED:
                reached = Stage.DELIVERED;
                break;
            case RETURN_TO_SENDER:
                t.reach(Stage.RETURNED, u.occurredAt);
                deliveryProblem(t, u, now, fx);
                break;
            case ATTEMPT_FAILED:
            case EXCEPTION:
                deliveryProblem(t, u, now, fx);
                break;
            default:
                break;
        }
        if (reached != null) {
            t.reach(reached, u.occurredAt);
            t.lastProgressAt = Math.max(t.lastProgressAt, u.occurredAt);
        }
        lateEstimate(t, u, now, fx);
    }

    /** A failed attempt, an exception or a return: the team and the customer hear of it, unless it is stale. */
    private void deliveryProblem(OrderTrack t, TrackingUpdate u, long now, LifecycleEffects fx) {
        boolean overcome = t.reached(Stage.DELIVERED) != 0 || t.lastProgressAt > u.occurredAt;
        if (overcome && u.status != TrackingStatus.RETURN_TO_SENDER) return;
        if (u.occurredAt >= t.exceptionAt) {
            t.exceptionAt = u.occurredAt;
            t.exceptionStatus = u.status.name();
            t.exceptionDetail = u.detail;
        }
        String about = u.status + ":" + u.occurredAt;
        if (t.markDone("alert:" + LifecycleAlerts.DELIVERY_EXCEPTION + ":" + about)) {
            fx.alerts.add(LifecycleAlerts.deliveryException(t, u, now));
        }
        Evidence vars = new Evidence().andIfSet("carrier", u.carrier).and("tracking_code", u.trackingCode)
                .andIfSet("carrier_message", u.detail).and("reported_at", Instants.format(u.occurredAt));
        add(fx, notices.build(t, NotificationKind.DELIVERY_FAILED, about, u.status.name(), vars, u.occurredAt, now));
    }

    /** The carrier now expects the parcel after the deliver-by: the customer hears before the promise breaks. */
    private void lateEstimate(OrderTrack t, TrackingUpdate u, long now, LifecycleEffects fx) {
        if (u.estimatedDelivery == null || t.reached(Stage.DELIVERED) != 0) return;
        Deadline deliverBy = policy.deliverBy(t);
        if (deliverBy == null || u.estimatedDelivery <= deliverBy.time || u.occurredAt >= deliverBy.time) return;
        Evidence vars = new Evidence().and("reason", "CARRIER_ESTIMATE")
                .and("promised_by", Instants.format(deliverBy.time))
                .and("new_estimate", Instants.format(u.estimatedDelivery)).andIfSet("carrier", t.carrier)
                .andIfSet("tracking_code", t.trackingCode);
        add(fx, notices.build(t, NotificationKind.DELAY_NOTICE, "estimate", "LATE_ESTIMATE", vars, u.occurredAt, now));
    }

    /** Tells the customer of the order's latest stage, if it is news: never of a stage behind one already told. */
    private void notifyProgress(OrderTrack t, long time, long now, LifecycleEffects fx) {
        Stage stage = t.stage();
        if (stage == null || !t.known) return;
        NotificationKind kind = progressKind(stage);
        // About the moment the stage was reached, whichever event made it known.
        if (kind != null && kind.rank > t.notifiedRank) {
            long about = kind == NotificationKind.ORDER_CONFIRMED ? t.placedAt : t.enteredAt(stage);
            add(fx, notices.build(t, kind, null, stage.name(), progressVariables(t, kind, stage),
                    about != 0 ? about : time, now));
        }
        // A delivery problem reported before the order itself was known is told once it is (the latest one only).
        if (t.exceptionStatus != null && (stage == Stage.DELIVERY_EXCEPTION || stage == Stage.RETURNED)) {
            Evidence vars = new Evidence().andIfSet("carrier", t.carrier).andIfSet("tracking_code", t.trackingCode)
                    .andIfSet("carrier_message", t.exceptionDetail).and("reported_at", Instants.format(t.exceptionAt));
            add(fx, notices.build(t, NotificationKind.DELIVERY_FAILED, t.exceptionStatus + ":" + t.exceptionAt,
                    t.exceptionStatus, vars, t.exceptionAt, now));
        }
        if (t.reached(Stage.BACKORDERED) != 0 && !stage.isShipped() && !stage.isFinal()) {
            Evidence vars = Evidence.of("backordered_units", t.backorderedUnits);
            add(fx, notices.build(t, NotificationKind.BACKORDER_NOTICE, null, null, vars, t.reached(Stage.BACKORDERED),
                    now));
        }
    }

    private static NotificationKind progressKind(Stage stage) {
        switch (stage) {
            case PLACED:
            case ALLOCATED:
            case BACKORDERED:
            case PICKED:
            case PACKED:
                return NotificationKind.ORDER_CONFIRMED;
            case SHIPPED:
            case IN_TRANSIT:
                return NotificationKind.SHIPPED;
            case OUT_FOR_DELIVERY:
            case AWAITING_PICKUP:
                return NotificationKind.OUT_FOR_DELIVERY;
            case DELIVERED:
                return NotificationKind.DELIVERED;
            case CANCELLED:
                return NotificationKind.CANCELLED;
            default:
                return null;
        }
    }

    private Evidence progressVariables(OrderTrack t, NotificationKind kind, Stage stage) {
        Evidence vars = new Evidence();
        switch (kind) {
            case ORDER_CONFIRMED:
                Deadline shipBy = policy.shipBy(t);
                Deadline deliverBy = policy.deliverBy(t);
                vars.andIfSet("total", t.total).andIfSet("currency", t.currency)
                        .andIfSet("ship_by", shipBy == null ? null : Instants.format(shipBy.time))
                        .andIfSet("deliver_by", deliverBy == null ? null : Instants.format(deliverBy.time));
                break;
            case SHIPPED:
            case OUT_FOR_DELIVERY:
                Deadline promised = policy.deliverBy(t);
                Long estimate = t.estimatedDelivery != null ? t.estimatedDelivery : promised == null ? null : promised.time;
                vars.andIfSet("carrier", t.carrier).andIfSet("tracking_code", t.trackingCode)
                        .andIfSet("estimated_delivery", estimate == null ? null : Instants.format(estimate));
                break;
            case DELIVERED:
                vars.and("delivered_at", Instants.format(t.reached(Stage.DELIVERED)));
                break;
            case CANCELLED:
                vars.and("cancelled_at", Instants.format(t.reached(Stage.CANCELLED)));
                break;
            default:
                break;
        }
        return vars;
    }

    // ---- deadlines ---------------------------------------------------------------------------------------------

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
    public void evaluate(OrderTrack t, long upTo, LongUnaryOperator clock, LifecycleEffects fx) {
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
            add(fx, notices.build(t, NotificationKind.SLA_APOLOGY, SHIP, SHIP,
                    Evidence.of("sla", SHIP).and("promised_by", Instants.format(shipBy.time)), shipBy.time, now));
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
            Evidence vars = Evidence.of("sla", DELIVERY).and("promised_by", Instants.format(at))
                    .andIfSet("carrier", t.carrier).andIfSet("tracking_code", t.trackingCode)
                    .andIfSet("new_estimate", t.estimatedDelivery == null ? null : Instants.format(t.estimatedDelivery));
            add(fx, notices.build(t, NotificationKind.SLA_APOLOGY, DELIVERY, DELIVERY, vars, at, now));
        }
    }

    private void stuck(OrderTrack t, Stage stage, long at, long now, LifecycleEffects fx) {
        if (t.stageAt(at) != stage) return;
        long entered = t.enteredAt(stage);
        fx.alerts.add(LifecycleAlerts.stuck(t, stage, entered, policy.stuckAfter(stage), at, now));
        if (stage.isShipped() || stage == Stage.DELIVERY_EXCEPTION) {
            Evidence vars = Evidence.of("reason", "NO_CARRIER_PROGRESS").and("since", Instants.format(entered))
                    .andIfSet("carrier", t.carrier).andIfSet("tracking_code", t.trackingCode);
            add(fx, notices.build(t, NotificationKind.DELAY_NOTICE, "stuck:" + stage, stage.name(), vars, at, now));
        }
    }

    // ---- timers and cleanup ------------------------------------------------------------------------------------

    /** When the order's state may be dropped: a while after its final stage, or after a long silence. */
    public long cleanupAt(OrderTrack t) {
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
    public TreeSet<Long> timers(OrderTrack t) {
        TreeSet<Long> times = new TreeSet<>();
        List<Check> pending = pendingChecks(t);
        for (Check c : pending) times.add(c.time);
        times.add(cleanupAt(t, pending));
        return times;
    }

    private static void add(LifecycleEffects fx, Notification n) {
        if (n != null) fx.notifications.add(n);
    }

    private static String channelOf(String orderId) {
        int colon = orderId == null ? -1 : orderId.indexOf(':');
        return colon > 0 ? orderId.substring(0, colon) : null;
    }
}

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
import java.util.TreeSet;
import java.util.function.LongUnaryOperator;

/**
 * The lifecycle of one order, without Flink: {@link #apply} records what an event says (carrier problems raise their
 * alert here) and tells the customer about new progress ({@link ProgressNotices}); {@link #evaluate} judges the
 * deadlines that are due as of each deadline and {@link #timers} says when the next judgements and the cleanup are due
 * ({@link DeadlineChecks}).
 * {@code clock} turns an event time into the time stamped on alerts and notifications.
 */
public final class OrderLifecycle implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String SHIP = "SHIP";
    public static final String DELIVERY = "DELIVERY";

    private final SlaPolicy policy;
    private final CustomerNotices notices;
    private final ProgressNotices progress;
    private final DeadlineChecks deadlines;

    public OrderLifecycle(SlaPolicy policy, NotificationTemplates templates) {
        this.policy = policy;
        this.notices = new CustomerNotices(templates);
        this.progress = new ProgressNotices(policy, notices);
        this.deadlines = new DeadlineChecks(policy, notices);
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
        progress.notifyProgress(t, time, now, fx);
    }

    private void onOrder(OrderTrack t, OrderEvent e, long now, LifecycleEffects fx) {
        switch (e.type) {
            case PLACED:
            case UPDATED:
                learn(t, e);
                t.known = true;
                if (t.placedAt == 0
                        || (e.type == io.stockflow.model.OrderEventType.PLACED && e.eventTime < t.placedAt)) {
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
                add(
                        fx,
                        notices.build(
                                t,
                                NotificationKind.REFUNDED,
                                e.eventId,
                                null,
                                Evidence.of("refunded_at", Instants.format(e.eventTime)),
                                e.eventTime,
                                now));
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
        Evidence vars = new Evidence()
                .andIfSet("carrier", u.carrier)
                .and("tracking_code", u.trackingCode)
                .andIfSet("carrier_message", u.detail)
                .and("reported_at", Instants.format(u.occurredAt));
        add(fx, notices.build(t, NotificationKind.DELIVERY_FAILED, about, u.status.name(), vars, u.occurredAt, now));
    }

    /** The carrier now expects the parcel after the deliver-by: the customer hears before the promise breaks. */
    private void lateEstimate(OrderTrack t, TrackingUpdate u, long now, LifecycleEffects fx) {
        if (u.estimatedDelivery == null || t.reached(Stage.DELIVERED) != 0) return;
        Deadline deliverBy = policy.deliverBy(t);
        if (deliverBy == null || u.estimatedDelivery <= deliverBy.time || u.occurredAt >= deliverBy.time) return;
        Evidence vars = new Evidence()
                .and("reason", "CARRIER_ESTIMATE")
                .and("promised_by", Instants.format(deliverBy.time))
                .and("new_estimate", Instants.format(u.estimatedDelivery))
                .andIfSet("carrier", t.carrier)
                .andIfSet("tracking_code", t.trackingCode);
        add(fx, notices.build(t, NotificationKind.DELAY_NOTICE, "estimate", "LATE_ESTIMATE", vars, u.occurredAt, now));
    }

    // ---- deadlines and timers ----------------------------------------------------------------------------------

    /** Judges, in time order, every pending deadline at or before {@code upTo}, each as of its own time. */
    public void evaluate(OrderTrack t, long upTo, LongUnaryOperator clock, LifecycleEffects fx) {
        deadlines.evaluate(t, upTo, clock, fx);
    }

    /** When the order's state may be dropped: a while after its final stage, or after a long silence. */
    public long cleanupAt(OrderTrack t) {
        return deadlines.cleanupAt(t);
    }

    /** Every time the order needs a timer for: its pending deadlines and its cleanup. */
    public TreeSet<Long> timers(OrderTrack t) {
        return deadlines.timers(t);
    }

    private static void add(LifecycleEffects fx, Notification n) {
        if (n != null) fx.notifications.add(n);
    }

    private static String channelOf(String orderId) {
        int colon = orderId == null ? -1 : orderId.indexOf(':');
        return colon > 0 ? orderId.substring(0, colon) : null;
    }
}

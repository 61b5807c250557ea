package io.stockflow.lifecycle;

import io.stockflow.alert.Evidence;
import io.stockflow.json.Instants;
import io.stockflow.notify.Notification;
import io.stockflow.notify.NotificationKind;
import java.io.Serializable;

/**
 * What the customer hears as an order progresses: the notice of its latest stage when it is news (never one behind a
 * notice already sent), a backorder notice, and a delivery problem that was reported before the order was known.
 */
final class ProgressNotices implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SlaPolicy policy;
    private final CustomerNotices notices;

    ProgressNotices(SlaPolicy policy, CustomerNotices notices) {
        this.policy = policy;
        this.notices = notices;
    }

    /** Tells the customer of the order's latest stage, if it is news: never of a stage behind one already told. */
    void notifyProgress(OrderTrack t, long time, long now, LifecycleEffects fx) {
        Stage stage = t.stage();
        if (stage == null || !t.known) return;
        NotificationKind kind = progressKind(stage);
        // About the moment the stage was reached, whichever event made it known.
        if (kind != null && kind.rank > t.notifiedRank) {
            long about = kind == NotificationKind.ORDER_CONFIRMED ? t.placedAt : t.enteredAt(stage);
            add(
                    fx,
                    notices.build(
                            t,
                            kind,
                            null,
                            stage.name(),
                            progressVariables(t, kind, stage),
                            about != 0 ? about : time,
                            now));
        }
        // A delivery problem reported before the order itself was known is told once it is (the latest one only).
        if (t.exceptionStatus != null && (stage == Stage.DELIVERY_EXCEPTION || stage == Stage.RETURNED)) {
            Evidence vars = new Evidence()
                    .andIfSet("carrier", t.carrier)
                    .andIfSet("tracking_code", t.trackingCode)
                    .andIfSet("carrier_message", t.exceptionDetail)
                    .and("reported_at", Instants.format(t.exceptionAt));
            add(
                    fx,
                    notices.build(
                            t,
                            NotificationKind.DELIVERY_FAILED,
                            t.exceptionStatus + ":" + t.exceptionAt,
                            t.exceptionStatus,
                            vars,
                            t.exceptionAt,
                            now));
        }
        if (t.reached(Stage.BACKORDERED) != 0 && !stage.isShipped() && !stage.isFinal()) {
            Evidence vars = Evidence.of("backordered_units", t.backorderedUnits);
            add(
                    fx,
                    notices.build(
                            t, NotificationKind.BACKORDER_NOTICE, null, null, vars, t.reached(Stage.BACKORDERED), now));
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
                vars.andIfSet("total", t.total)
                        .andIfSet("currency", t.currency)
                        .andIfSet("ship_by", shipBy == null ? null : Instants.format(shipBy.time))
                        .andIfSet("deliver_by", deliverBy == null ? null : Instants.format(deliverBy.time));
                break;
            case SHIPPED:
            case OUT_FOR_DELIVERY:
                Deadline promised = policy.deliverBy(t);
                Long estimate =
                        t.estimatedDelivery != null ? t.estimatedDelivery : promised == null ? null : promised.time;
                vars.andIfSet("carrier", t.carrier)
                        .andIfSet("tracking_code", t.trackingCode)
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

    private static void add(LifecycleEffects fx, Notification n) {
        if (n != null) fx.notifications.add(n);
    }
}

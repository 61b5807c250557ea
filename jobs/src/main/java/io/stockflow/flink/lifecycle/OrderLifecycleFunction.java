package io.stockflow.flink.lifecycle;

import io.stockflow.alert.Alert;
import io.stockflow.flink.time.DecisionClock;
import io.stockflow.flink.time.ReplayHorizon;
import io.stockflow.lifecycle.CarrierContact;
import io.stockflow.lifecycle.CarrierReport;
import io.stockflow.lifecycle.LifecycleAlerts;
import io.stockflow.lifecycle.LifecycleEffects;
import io.stockflow.lifecycle.LifecycleInput;
import io.stockflow.lifecycle.OrderLifecycle;
import io.stockflow.lifecycle.OrderTrack;
import io.stockflow.lifecycle.SlaOutcome;
import io.stockflow.lifecycle.Stage;
import io.stockflow.notify.Notification;
import java.util.ArrayList;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by order id: one {@link OrderTrack} per order, driven by {@link OrderLifecycle}. Event-time timers judge the
 * order's deadlines (ship-by warning and breach, deliver-by breach, a stage held too long) and end its state a while
 * after its final stage (or a long silence); timers that are no longer needed are deleted. Alerts are the main output,
 * customer notifications and SLA outcomes side outputs.
 *
 * <p>Replay: events arrive sorted per order but timers only fire when the input ends, so before each event the
 * deadlines that fell before it are judged first, exactly as live timers would have fired. Nothing past the replay
 * horizon is judged.
 *
 * <p>Grouping of silent carriers (when on): beside the order's track, a {@link CarrierContact} remembers when its
 * carrier first reported. A shipped order's {@code STUCK_ORDER} or {@code DELIVERY_SLA_BREACH} while its carrier had
 * not reported leaves as a {@link CarrierReport} on the {@link #CARRIER_REPORTS} side output instead of the alerts,
 * and so does each order's first carrier update: {@link CarrierSilenceFunction} decides, per carrier, whether the
 * breach is the order's own or part of a silent carrier's episode.
 */
public final class OrderLifecycleFunction extends KeyedProcessFunction<String, LifecycleInput, Alert> {
    public static final OutputTag<Notification> NOTIFICATIONS = new OutputTag<>("customer-notifications") {};
    public static final OutputTag<SlaOutcome> OUTCOMES = new OutputTag<>("sla-outcomes") {};
    public static final OutputTag<CarrierReport> CARRIER_REPORTS = new OutputTag<>("carrier-reports") {};

    private final OrderLifecycle lifecycle;
    private final DecisionClock clock;
    private final ReplayHorizon horizon;
    private final boolean replay;
    private final boolean groupSilentCarriers;
    private transient ValueState<OrderTrack> track;
    private transient ValueState<CarrierContact> contact;
    private transient Counter alerts;
    private transient Counter notifications;
    private transient Counter forgotten;

    public OrderLifecycleFunction(
            OrderLifecycle lifecycle, DecisionClock clock, ReplayHorizon horizon, boolean replay) {
        this(lifecycle, clock, horizon, replay, false);
    }

    public OrderLifecycleFunction(
            OrderLifecycle lifecycle,
            DecisionClock clock,
            ReplayHorizon horizon,
            boolean replay,
            boolean groupSilentCarriers) {
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.horizon = horizon;
        this.replay = replay;
        this.groupSilentCarriers = groupSilentCarriers;
    }

    @Override
    public void open(OpenContext context) {
        track = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("order-track", TypeInformation.of(OrderTrack.class)));
        contact = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("carrier-contact", TypeInformation.of(CarrierContact.class)));
        alerts = getRuntimeContext().getMetricGroup().counter("lifecycleAlerts");
        notifications = getRuntimeContext().getMetricGroup().counter("customerNotifications");
        forgotten = getRuntimeContext().getMetricGroup().counter("ordersForgotten");
    }

    @Override
    public void processElement(LifecycleInput in, Context ctx, Collector<Alert> out) throws Exception {
        OrderTrack t = track.value();
        if (t == null) t = new OrderTrack();
        LifecycleEffects fx = new LifecycleEffects();
        if (replay && t.orderId != null) {
            long before = Math.min(in.eventTime() - 1, horizon.until());
            lifecycle.evaluate(t, before, clock::now, fx);
            if (before >= lifecycle.cleanupAt(t)) {
                emit(t, fx, ctx, out);
                fx = new LifecycleEffects();
                deleteTimers(t, ctx.timerService());
                t = new OrderTrack();
                contact.clear();
                forgotten.inc();
            }
        }
        lifecycle.apply(t, in, clock::now, fx);
        if (in.tracking != null && groupSilentCarriers) heard(t, in.tracking.occurredAt, ctx);
        emit(t, fx, ctx, out);
        syncTimers(t, ctx.timerService());
        track.update(t);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        OrderTrack t = track.value();
        if (t == null || !horizon.allows(timestamp)) return;
        t.timers.remove(Long.valueOf(timestamp));
        LifecycleEffects fx = new LifecycleEffects();
        lifecycle.evaluate(t, timestamp, clock::now, fx);
        emit(t, fx, ctx, out);
        if (timestamp >= lifecycle.cleanupAt(t)) {
            deleteTimers(t, ctx.timerService());
            track.clear();
            contact.clear();
            forgotten.inc();
            return;
        }
        syncTimers(t, ctx.timerService());
        track.update(t);
    }

    private void emit(OrderTrack t, LifecycleEffects fx, Context ctx, Collector<Alert> out) throws Exception {
        for (Alert a : fx.alerts) {
            alerts.inc();
            if (groupSilentCarriers && silentBreach(t, a, ctx)) continue;
            out.collect(a);
        }
        for (Notification n : fx.notifications) {
            notifications.inc();
            ctx.output(NOTIFICATIONS, n);
        }
        for (SlaOutcome o : fx.outcomes) ctx.output(OUTCOMES, o);
    }

    /** The order's first carrier update: the group of its carrier hears that this carrier reports. */
    private void heard(OrderTrack t, long at, Context ctx) throws Exception {
        CarrierContact c = contact.value();
        if (c != null && c.heardAt != 0 && c.heardAt <= at) return;
        boolean first = c == null || c.heardAt == 0;
        if (c == null) c = new CarrierContact();
        c.heardAt = at;
        contact.update(c);
        if (first) ctx.output(CARRIER_REPORTS, CarrierReport.heard(t, shippedAt(t, at), at));
    }

    /** A stuck or late shipped order its carrier had not reported on by then: sent to its carrier's group. */
    private boolean silentBreach(OrderTrack t, Alert a, Context ctx) throws Exception {
        if (!a.type.equals(LifecycleAlerts.STUCK_ORDER) && !a.type.equals(LifecycleAlerts.DELIVERY_SLA_BREACH)) {
            return false;
        }
        if (!t.reachedBy(Stage.SHIPPED.rank, a.eventTime)) return false;
        CarrierContact c = contact.value();
        if (c != null && c.heardBy(a.eventTime)) return false;
        if (c == null) c = new CarrierContact();
        boolean first = !c.silenceCounted;
        c.silenceCounted = true;
        contact.update(c);
        ctx.output(CARRIER_REPORTS, CarrierReport.silent(t, shippedAt(t, a.eventTime), a, first));
        return true;
    }

    private static long shippedAt(OrderTrack t, long otherwise) {
        long shipped = t.firstAtOrAbove(Stage.SHIPPED.rank);
        return shipped != 0 ? shipped : otherwise;
    }

    /** Registers the timers the order now needs and deletes those it no longer does. */
    private void syncTimers(OrderTrack t, TimerService timers) {
        TreeSet<Long> wanted = lifecycle.timers(t);
        for (Long registered : t.timers) {
            if (!wanted.contains(registered)) timers.deleteEventTimeTimer(registered);
        }
        for (Long time : wanted) {
            if (!t.timers.contains(time)) timers.registerEventTimeTimer(time);
        }
        t.timers = new ArrayList<>(wanted);
    }

    private static void deleteTimers(OrderTrack t, TimerService timers) {
        for (Long registered : t.timers) timers.deleteEventTimeTimer(registered);
        t.timers.clear();
    }
}

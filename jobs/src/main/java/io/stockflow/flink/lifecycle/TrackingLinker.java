package io.stockflow.flink.lifecycle;

import io.stockflow.alert.Evidence;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.time.ReplayHorizon;
import io.stockflow.json.Instants;
import io.stockflow.lifecycle.LifecycleInput;
import io.stockflow.model.DeadLetter;
import io.stockflow.tracking.TrackingUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by tracking code: links carrier updates to their order through the order's SHIPPED event, whichever of the two
 * arrives first. Updates that come before the shipment wait up to {@code linkWait} (event time); if no shipment names
 * their code by then they go to the dead letters with the reason. A linked code is forgotten {@code retention} after
 * its last update. The first order to name a code keeps it.
 */
public final class TrackingLinker extends KeyedProcessFunction<String, TrackingInput, LifecycleInput> {
    public static final OutputTag<DeadLetter> UNLINKED = new OutputTag<>("unlinked-tracking") {};

    private final Duration linkWait;
    private final Duration retention;
    private final ReplayHorizon horizon;
    private transient ValueState<String> orderId;
    private transient ValueState<String> location;
    private transient ListState<TrackingUpdate> pending;
    private transient ValueState<Long> pendingSince;
    private transient ValueState<Long> lastSeen;
    private transient ValueState<Long> timer;
    private transient Counter conflicts;
    private transient Counter unlinked;

    public TrackingLinker(Duration linkWait, Duration retention, ReplayHorizon horizon) {
        this.linkWait = linkWait;
        this.retention = retention;
        this.horizon = horizon;
    }

    @Override
    public void open(OpenContext context) {
        orderId = getRuntimeContext().getState(new ValueStateDescriptor<>("order-id", Types.STRING));
        location = getRuntimeContext().getState(new ValueStateDescriptor<>("shipped-from", Types.STRING));
        pending = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("pending-updates", TypeInformation.of(TrackingUpdate.class)));
        pendingSince = getRuntimeContext().getState(new ValueStateDescriptor<>("pending-since", Types.LONG));
        lastSeen = getRuntimeContext().getState(new ValueStateDescriptor<>("last-seen", Types.LONG));
        timer = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Types.LONG));
        conflicts = getRuntimeContext().getMetricGroup().counter("trackingCodeConflicts");
        unlinked = getRuntimeContext().getMetricGroup().counter("unlinkedTrackingUpdates");
    }

    @Override
    public void processElement(TrackingInput in, Context ctx, Collector<LifecycleInput> out) throws Exception {
        Long seen = lastSeen.value();
        lastSeen.update(seen == null ? in.time : Math.max(seen, in.time));
        String linked = orderId.value();
        if (in.update == null) {
            if (linked == null) {
                orderId.update(in.orderId);
                if (in.location != null) location.update(in.location);
                for (TrackingUpdate u : pending.get()) out.collect(LifecycleInput.of(in.orderId, u, in.location));
                pending.clear();
                pendingSince.clear();
            } else if (!linked.equals(in.orderId)) {
                conflicts.inc();
            }
        } else if (linked != null) {
            out.collect(LifecycleInput.of(linked, in.update, location.value()));
        } else {
            pending.add(in.update);
            Long since = pendingSince.value();
            if (since == null || in.update.occurredAt < since) pendingSince.update(in.update.occurredAt);
        }
        reschedule(ctx.timerService());
    }

    private void reschedule(org.apache.flink.streaming.api.TimerService timers) throws Exception {
        long due = orderId.value() != null
                ? lastSeen.value() + retention.toMillis()
                : pendingSince.value() + linkWait.toMillis();
        Long current = timer.value();
        if (current != null && current == due) return;
        if (current != null) timers.deleteEventTimeTimer(current);
        timers.registerEventTimeTimer(due);
        timer.update(due);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LifecycleInput> out) throws Exception {
        // Replay: the input ended before this was due; nothing is known to have expired.
        if (!horizon.allows(timestamp)) return;
        if (orderId.value() == null) {
            List<TrackingUpdate> waiting = new ArrayList<>();
            pending.get().forEach(waiting::add);
            for (TrackingUpdate u : waiting) {
                unlinked.inc();
                ctx.output(
                        UNLINKED,
                        new DeadLetter(
                                Topics.CARRIER_TRACKING,
                                "no order shipped with tracking code '" + u.trackingCode + "' within " + linkWait
                                        + " of this update",
                                summary(u),
                                u.receivedAt));
            }
        }
        orderId.clear();
        location.clear();
        pending.clear();
        pendingSince.clear();
        lastSeen.clear();
        timer.clear();
    }

    /** The update as parsed (the raw payload is not carried through the key-by). */
    private static String summary(TrackingUpdate u) {
        return Evidence.of("event_id", u.eventId)
                .and("source", u.source)
                .and("tracking_code", u.trackingCode)
                .and("carrier", u.carrier)
                .and("status", u.status.name())
                .and("provider_status", u.providerStatus)
                .and("occurred_at", Instants.format(u.occurredAt))
                .toJson();
    }
}

package io.stockflow.flink.sync;

import io.stockflow.listing.Channel;
import io.stockflow.listing.ChannelSyncRecord;
import io.stockflow.listing.ListingPush;
import io.stockflow.listing.ListingSyncState;
import io.stockflow.listing.RevisionBudget;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by listing target: remembers what the target should show and what was last handed on to be pushed
 * ({@link ListingSyncState}), and decides when the next push goes. A quantity from an availability version no newer than
 * one taken changes nothing; a quantity equal to the one last pushed sends nothing. On a channel with a daily revision
 * limit (eBay) a sell-out to 0 and a return to stock go at once, other changes wait for the {@link RevisionBudget}'s
 * pace on a processing-time timer, and only the newest quantity goes when it fires: the ones in between are skipped.
 *
 * <p>A push counts as sent when it is handed on. Its answer comes back on the second input, read back from
 * {@code channel.sync} (Flink 2 has no loops inside a job; live on Kafka only): a {@code FAILED} push of the version
 * last handed on is taken back and the newest quantity goes again after a pause that doubles with each failure in a
 * row, from {@code retryAfter} up to 32 times it.
 *
 * <p>Reconciliation: every {@code reconcileEvery} (spread over a quarter of it by target, so that checks do not come
 * all at once) a target that is not changing is checked: a {@link ListingPush#check} with the quantity last pushed
 * goes to the channel pushes, which read the channel's quantity back. A {@code DRIFT} answer (the channel shows
 * something else, e.g. someone edited the listing) takes the last push back, and the newest quantity goes again at once.
 */
public final class ListingSyncFunction
        extends KeyedCoProcessFunction<String, ListingPush, ChannelSyncRecord, ListingPush> {
    private final Map<Channel, RevisionBudget> budgets;
    private final long retryAfterMillis;
    private final long reconcileMillis;

    private transient ValueState<ListingSyncState> sync;
    private transient ValueState<ListingPush> newest;
    private transient ValueState<Long> timer;
    private transient ValueState<Integer> failures;
    private transient ValueState<Long> reconcileAt;

    /**
     * {@code budgets}: the channels with a daily revision limit; the others push every change at once.
     * {@code retryAfter}: the first pause before a failed push goes again.
     */
    public ListingSyncFunction(Map<Channel, RevisionBudget> budgets, Duration retryAfter) {
        this(budgets, retryAfter, Duration.ZERO);
    }

    /** {@code reconcileEvery}: how often each target is read back from its channel; zero never. */
    public ListingSyncFunction(Map<Channel, RevisionBudget> budgets, Duration retryAfter, Duration reconcileEvery) {
        this.budgets = Map.copyOf(budgets);
        this.retryAfterMillis = retryAfter.toMillis();
        this.reconcileMillis = reconcileEvery.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        sync = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("listing-sync", TypeInformation.of(ListingSyncState.class)));
        newest = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("newest-push", TypeInformation.of(ListingPush.class)));
        timer = getRuntimeContext().getState(new ValueStateDescriptor<>("send-timer", Types.LONG));
        failures = getRuntimeContext().getState(new ValueStateDescriptor<>("failures-in-a-row", Types.INT));
        reconcileAt = getRuntimeContext().getState(new ValueStateDescriptor<>("reconcile-timer", Types.LONG));
    }

    @Override
    public void processElement1(ListingPush push, Context ctx, Collector<ListingPush> out) throws Exception {
        ListingSyncState state = sync.value();
        if (state == null) state = new ListingSyncState();
        if (!state.want(push.quantity, push.version)) return;
        newest.update(push);
        sendWhenDue(state, ctx.timerService().currentProcessingTime(), ctx.timerService(), out);
    }

    /** The channel's answer to a push of this target, read back from {@code channel.sync}. */
    @Override
    public void processElement2(ChannelSyncRecord answer, Context ctx, Collector<ListingPush> out) throws Exception {
        ListingSyncState state = sync.value();
        if (state == null) return;
        if (answer.drifted()) {
            // The channel no longer shows the last push: the newest quantity goes now, set only if the channel still
            // shows what the check saw (a change made since wins, and the next check looks again).
            if (!state.failed(answer.version)) return;
            ListingPush push = newest.value();
            push.expected = answer.observed;
            newest.update(push);
            cancelTimer(ctx.timerService());
            sendWhenDue(state, ctx.timerService().currentProcessingTime(), ctx.timerService(), out);
            return;
        }
        if (!answer.failed()) {
            if ("ACCEPTED".equals(answer.status) && answer.version == state.sentVersion) failures.clear();
            return;
        }
        if (!state.failed(answer.version)) return;
        sync.update(state);
        int inARow = failures.value() == null ? 1 : failures.value() + 1;
        failures.update(inARow);
        long wake = ctx.timerService().currentProcessingTime() + retryAfterMillis * (1L << Math.min(inARow - 1, 5));
        cancelTimer(ctx.timerService());
        ctx.timerService().registerProcessingTimeTimer(wake);
        timer.update(wake);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ListingPush> out) throws Exception {
        Long check = reconcileAt.value();
        if (check != null && check == timestamp) {
            reconcileAt.clear();
            reconcile(timestamp, ctx.timerService(), out);
        }
        Long send = timer.value();
        if (send != null && send == timestamp) {
            timer.clear();
            ListingSyncState state = sync.value();
            if (state != null) sendWhenDue(state, timestamp, ctx.timerService(), out);
        }
    }

    /** Asks the channel whether it still shows the last push, unless a newer quantity is on its way anyway. */
    private void reconcile(long now, TimerService timers, Collector<ListingPush> out) throws Exception {
        ListingSyncState state = sync.value();
        ListingPush push = newest.value();
        if (state != null && push != null && state.sentVersion >= 0 && !state.pending())
            out.collect(push.check(state.sentQuantity, state.sentVersion));
        scheduleCheck(now, timers);
    }

    private void scheduleCheck(long now, TimerService timers) throws Exception {
        ListingPush push = newest.value();
        if (reconcileMillis <= 0 || reconcileAt.value() != null || push == null) return;
        long spread = Math.max(1, reconcileMillis / 4);
        long at = now + reconcileMillis + Math.floorMod(push.targetKey.hashCode(), spread);
        timers.registerProcessingTimeTimer(at);
        reconcileAt.update(at);
    }

    private void sendWhenDue(ListingSyncState state, long now, TimerService timers, Collector<ListingPush> out)
            throws Exception {
        ListingPush push = newest.value();
        RevisionBudget budget = budgets.getOrDefault(push.channel(), RevisionBudget.UNLIMITED);
        Instant at = Instant.ofEpochMilli(now);
        Instant due = state.nextSend(budget, at);
        // Timers have millisecond times and the budget's pace does not: a send due within the millisecond of now goes
        // now, or a timer set for that millisecond would fire at once and find it not yet due, again and again.
        if (due != null && due.toEpochMilli() <= now) {
            out.collect(push);
            state.sent(push.quantity, push.version, at, budget);
            sync.update(state);
            cancelTimer(timers);
            scheduleCheck(now, timers);
            return;
        }
        sync.update(state);
        if (!state.pending()) {
            cancelTimer(timers);
            return;
        }
        // Today's revisions are spent: the newest quantity goes at the start of the channel's next day.
        long wake = due != null
                ? due.toEpochMilli()
                : LocalDate.ofEpochDay(budget.day(at) + 1)
                        .atStartOfDay(budget.zone())
                        .toInstant()
                        .toEpochMilli();
        Long set = timer.value();
        if (set != null && set == wake) return;
        cancelTimer(timers);
        timers.registerProcessingTimeTimer(wake);
        timer.update(wake);
    }

    private void cancelTimer(TimerService timers) throws Exception {
        Long set = timer.value();
        if (set != null) {
            timers.deleteProcessingTimeTimer(set);
            timer.clear();
        }
    }
}

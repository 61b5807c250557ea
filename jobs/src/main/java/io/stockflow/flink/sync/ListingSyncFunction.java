package io.stockflow.flink.sync;

import io.stockflow.listing.Channel;
import io.stockflow.listing.ListingPush;
import io.stockflow.listing.ListingSyncState;
import io.stockflow.listing.RevisionBudget;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by listing target: remembers what the target should show and what was last handed on to be pushed
 * ({@link ListingSyncState}), and decides when the next push goes. A quantity from an availability version no newer than
 * one taken changes nothing; a quantity equal to the one last pushed sends nothing. On a channel with a daily revision
 * limit (eBay) a sell-out to 0 and a return to stock go at once, other changes wait for the {@link RevisionBudget}'s
 * pace on a processing-time timer, and only the newest quantity goes when it fires: the ones in between are skipped.
 *
 * <p>A push is counted as sent when it is handed on: the channel's answer comes back on {@code channel.sync} (Flink 2
 * has no loops inside a job), so a push that fails is pushed again at the target's next change.
 */
public final class ListingSyncFunction extends KeyedProcessFunction<String, ListingPush, ListingPush> {
    private final Map<Channel, RevisionBudget> budgets;

    private transient ValueState<ListingSyncState> sync;
    private transient ValueState<ListingPush> newest;
    private transient ValueState<Long> timer;

    /** {@code budgets}: the channels with a daily revision limit; the others push every change at once. */
    public ListingSyncFunction(Map<Channel, RevisionBudget> budgets) {
        this.budgets = Map.copyOf(budgets);
    }

    @Override
    public void open(OpenContext context) {
        sync = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("listing-sync", TypeInformation.of(ListingSyncState.class)));
        newest = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("newest-push", TypeInformation.of(ListingPush.class)));
        timer = getRuntimeContext().getState(new ValueStateDescriptor<>("send-timer", Types.LONG));
    }

    @Override
    public void processElement(ListingPush push, Context ctx, Collector<ListingPush> out) throws Exception {
        ListingSyncState state = sync.value();
        if (state == null) state = new ListingSyncState();
        if (!state.want(push.quantity, push.version)) return;
        newest.update(push);
        sendWhenDue(state, ctx.timerService().currentProcessingTime(), ctx.timerService(), out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ListingPush> out) throws Exception {
        timer.clear();
        ListingSyncState state = sync.value();
        if (state != null) sendWhenDue(state, timestamp, ctx.timerService(), out);
    }

    private void sendWhenDue(ListingSyncState state, long now, TimerService timers, Collector<ListingPush> out)
            throws Exception {
        ListingPush push = newest.value();
        RevisionBudget budget = budgets.getOrDefault(push.channel(), RevisionBudget.UNLIMITED);
        Instant at = Instant.ofEpochMilli(now);
        Instant due = state.nextSend(budget, at);
        if (due != null && !due.isAfter(at)) {
            out.collect(push);
            state.sent(push.quantity, push.version, at, budget);
            sync.update(state);
            cancelTimer(timers);
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

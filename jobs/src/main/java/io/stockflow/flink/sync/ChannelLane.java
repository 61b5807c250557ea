package io.stockflow.flink.sync;

import io.stockflow.channels.ChannelClient;
import io.stockflow.channels.PushOutcome;
import io.stockflow.channels.QuantityPush;
import io.stockflow.listing.ChannelSyncRecord;
import io.stockflow.listing.ListingPush;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One channel's pushes in one task: what waits goes out in batches as large as the channel takes, at most
 * {@code callsInFlight} calls at a time, and never two pushes of one listing target at once, so a target's quantities
 * reach the channel in the order of their versions: a version may go again (a failed push is retried with it), never
 * one older than a version already sent. While a target waits, a newer quantity for it replaces the waiting
 * one (whose caller hears nothing was pushed) and keeps its place: the queue holds at most one push per target, and a
 * slow channel conflates instead of piling up.
 *
 * <p>A call is composed only when the channel's request rate lets it go at once ({@link ChannelClient#nanosToNextCall});
 * until then the lane waits on a timer, and what arrives meanwhile joins the call. A call composed early would wait
 * for its turn with the quantities of when it was composed, and a sell-out arriving behind it would wait for the
 * calls ahead as well. Sell-outs and returns to stock (a quantity of 0, or the first above 0 after a 0 pushed from
 * here) go first: on a channel whose rate is less than the changes (Amazon's patches, one listing a call) they are
 * what keeps a listing from selling units that are gone, and the other changes wait their turn.
 *
 * <p>Nothing here blocks: calls go out on the client's threads and answers come back on them.
 */
final class ChannelLane {
    /** A push waiting to go, and who hears what became of it (an empty list: it was conflated away). */
    private record Waiting(ListingPush push, Consumer<List<ChannelSyncRecord>> answer, long receivedAt) {}

    private final ChannelClient client;
    private final int batchSize;
    private final int callsInFlight;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    /** Sell-outs and returns to stock waiting, in the order they came; they go before {@link #waiting}. */
    private final LinkedHashMap<String, Waiting> urgent = new LinkedHashMap<>();
    /** Every other change waiting, in the order its target started waiting. */
    private final LinkedHashMap<String, Waiting> waiting = new LinkedHashMap<>();

    private final Set<String> sending = new HashSet<>();
    /** The newest version each target was pushed with from this task: an older one is never sent after it. */
    private final Map<String, Long> pushedVersion = new HashMap<>();
    /** The quantity of each target's newest push from this task: a change from 0 is a return to stock. */
    private final Map<String, Long> pushedQuantity = new HashMap<>();

    private int calls;
    private boolean wakeSet;

    /** {@code timer}: wakes the lane when the channel's rate lets the next call go. */
    ChannelLane(ChannelClient client, int batchSize, int callsInFlight, Clock clock, ScheduledExecutorService timer) {
        this.client = client;
        this.batchSize = batchSize;
        this.callsInFlight = callsInFlight;
        this.clock = clock;
        this.timer = timer;
    }

    void submit(ListingPush push, Consumer<List<ChannelSyncRecord>> answer) {
        Consumer<List<ChannelSyncRecord>> skipped = null;
        synchronized (this) {
            Long pushed = pushedVersion.get(push.targetKey);
            Waiting before = waitingFor(push.targetKey);
            // The same version may go again: a push that failed is retried with it.
            if (pushed != null && pushed > push.version || before != null && before.push.version > push.version) {
                skipped = answer;
            } else {
                if (before != null) skipped = before.answer;
                Waiting now = new Waiting(push, answer, clock.millis());
                Long shown = pushedQuantity.get(push.targetKey);
                boolean isUrgent = push.quantity == 0 || shown != null && shown == 0;
                // A target keeps its place in its queue; one that turns urgent moves ahead, and one that stops
                // being urgent (a sell-out undone before it went) goes behind the other changes.
                if (isUrgent) {
                    waiting.remove(push.targetKey);
                    urgent.put(push.targetKey, now);
                } else {
                    urgent.remove(push.targetKey);
                    waiting.put(push.targetKey, now);
                }
            }
        }
        if (skipped != null) skipped.accept(List.of());
        drain();
    }

    private Waiting waitingFor(String targetKey) {
        Waiting w = urgent.get(targetKey);
        return w != null ? w : waiting.get(targetKey);
    }

    /** What became of a reconciliation: {@code drift} is the {@code channel.sync} record of a {@link Result#DRIFT}. */
    record Checked(Result result, ChannelSyncRecord drift) {
        enum Result {
            IN_SYNC("reconcileInSync"),
            DRIFT("reconcileDrift"),
            /** The target's quantity was changing (a push waiting, on its way, or sent while the read was out). */
            SKIPPED("reconcileSkipped"),
            UNREADABLE("reconcileUnreadable");

            /** The counter's name in the sync job's metrics. */
            final String metric;

            Result(String metric) {
                this.metric = metric;
            }
        }
    }

    /**
     * Reads a target's quantity back and compares it with the check's, the quantity last pushed. Reads go to the
     * client at once (its rate limiter paces them) and do not take one of the lane's calls. A target whose quantity is
     * changing is not judged: a push waiting or on its way, or one handed on while the read was out, which the read
     * may predate.
     */
    void check(ListingPush check, Consumer<Checked> done) {
        Long pushedBefore;
        synchronized (this) {
            if (changing(check.targetKey)) {
                done.accept(new Checked(Checked.Result.SKIPPED, null));
                return;
            }
            pushedBefore = pushedVersion.get(check.targetKey);
        }
        long sentAt = clock.millis();
        client.readQuantity(check.listing(), check.target).whenComplete((shown, failure) -> {
            boolean moved;
            synchronized (this) {
                moved = changing(check.targetKey) || !Objects.equals(pushedBefore, pushedVersion.get(check.targetKey));
            }
            if (moved) done.accept(new Checked(Checked.Result.SKIPPED, null));
            else if (failure != null) done.accept(new Checked(Checked.Result.UNREADABLE, null));
            else if (shown == check.quantity) done.accept(new Checked(Checked.Result.IN_SYNC, null));
            else done.accept(new Checked(Checked.Result.DRIFT, drift(check, shown, sentAt, clock.millis())));
        });
    }

    private boolean changing(String targetKey) {
        return urgent.containsKey(targetKey) || waiting.containsKey(targetKey) || sending.contains(targetKey);
    }

    private static ChannelSyncRecord drift(ListingPush check, long shown, long sentAt, long answeredAt) {
        ChannelSyncRecord r = record(check);
        r.status = ChannelSyncRecord.DRIFT;
        r.observed = shown;
        r.attempts = 1;
        r.pushedAt = answeredAt;
        r.latencyMs = answeredAt - sentAt;
        return r;
    }

    private static ChannelSyncRecord record(ListingPush push) {
        ChannelSyncRecord r = new ChannelSyncRecord();
        r.channel = push.channel;
        r.listingIds = new ArrayList<>(push.listingIds);
        r.target = push.target;
        r.sku = push.sku;
        r.quantity = push.quantity;
        r.version = push.version;
        return r;
    }

    /**
     * Sends what may go now: batches of targets not already on their way, urgent ones first, while calls are free and
     * the channel's rate lets a call go at once; otherwise the timer wakes the lane when it does.
     */
    private void drain() {
        while (true) {
            List<Waiting> batch = new ArrayList<>();
            synchronized (this) {
                if (calls >= callsInFlight || urgent.isEmpty() && waiting.isEmpty()) return;
                long wait = client.nanosToNextCall();
                if (wait > 0) {
                    wakeIn(wait);
                    return;
                }
                take(urgent, batch);
                take(waiting, batch);
                if (batch.isEmpty()) return;
                calls++;
            }
            send(batch);
        }
    }

    /** Moves targets not already on their way from a queue into the batch, up to the batch size. */
    private void take(LinkedHashMap<String, Waiting> queue, List<Waiting> batch) {
        Iterator<Waiting> it = queue.values().iterator();
        while (it.hasNext() && batch.size() < batchSize) {
            Waiting w = it.next();
            if (sending.contains(w.push.targetKey)) continue;
            it.remove();
            sending.add(w.push.targetKey);
            pushedVersion.merge(w.push.targetKey, w.push.version, Math::max);
            if (pushedVersion.get(w.push.targetKey) == w.push.version)
                pushedQuantity.put(w.push.targetKey, w.push.quantity);
            batch.add(w);
        }
    }

    /** Called holding the lane's lock: one wake-up at a time. */
    private void wakeIn(long nanos) {
        if (wakeSet) return;
        wakeSet = true;
        timer.schedule(
                () -> {
                    synchronized (this) {
                        wakeSet = false;
                    }
                    drain();
                },
                nanos,
                TimeUnit.NANOSECONDS);
    }

    private void send(List<Waiting> batch) {
        long sentAt = clock.millis();
        List<QuantityPush> pushes = new ArrayList<>();
        for (Waiting w : batch) {
            pushes.add(new QuantityPush(
                    w.push.listing(), w.push.target, w.push.quantity, w.push.expected, w.push.version));
        }
        client.setQuantities(pushes).whenComplete((outcomes, failure) -> {
            long answeredAt = clock.millis();
            List<List<ChannelSyncRecord>> records = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Waiting w = batch.get(i);
                PushOutcome o = outcomes != null && i < outcomes.size() ? outcomes.get(i) : null;
                ChannelSyncRecord r = record(w.push);
                r.status = o == null ? "FAILED" : o.status().name();
                r.attempts = o == null ? 0 : o.attempts();
                r.reason = o == null ? "client failure: " + failure : o.reason();
                r.pushedAt = sentAt;
                r.latencyMs = answeredAt - w.receivedAt;
                records.add(List.of(r));
            }
            synchronized (this) {
                for (Waiting w : batch) sending.remove(w.push.targetKey);
                calls--;
            }
            for (int i = 0; i < batch.size(); i++) batch.get(i).answer.accept(records.get(i));
            drain();
        });
    }
}

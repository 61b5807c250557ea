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
import java.util.function.Consumer;

/**
 * One channel's pushes in one task: what waits goes out in batches as large as the channel takes, at most
 * {@code callsInFlight} calls at a time, and never two pushes of one listing target at once, so a target's quantities
 * reach the channel in the order of their versions: a version may go again (a failed push is retried with it), never
 * one older than a version already sent. While a target waits, a newer quantity for it replaces the waiting
 * one (whose caller hears nothing was pushed): the queue holds at most one push per target, and a slow channel conflates
 * instead of piling up. Nothing here blocks: calls go out on the client's threads and answers come back on them.
 */
final class ChannelLane {
    /** A push waiting to go, and who hears what became of it (an empty list: it was conflated away). */
    private record Waiting(ListingPush push, Consumer<List<ChannelSyncRecord>> answer, long receivedAt) {}

    private final ChannelClient client;
    private final int batchSize;
    private final int callsInFlight;
    private final Clock clock;
    private final LinkedHashMap<String, Waiting> waiting = new LinkedHashMap<>();
    private final Set<String> sending = new HashSet<>();
    /** The newest version each target was pushed with from this task: an older one is never sent after it. */
    private final Map<String, Long> pushedVersion = new HashMap<>();

    private int calls;

    ChannelLane(ChannelClient client, int batchSize, int callsInFlight, Clock clock) {
        this.client = client;
        this.batchSize = batchSize;
        this.callsInFlight = callsInFlight;
        this.clock = clock;
    }

    void submit(ListingPush push, Consumer<List<ChannelSyncRecord>> answer) {
        Consumer<List<ChannelSyncRecord>> skipped = null;
        synchronized (this) {
            Long pushed = pushedVersion.get(push.targetKey);
            Waiting before = waiting.get(push.targetKey);
            // The same version may go again: a push that failed is retried with it.
            if (pushed != null && pushed > push.version || before != null && before.push.version > push.version) {
                skipped = answer;
            } else {
                if (before != null) skipped = before.answer;
                waiting.remove(push.targetKey);
                waiting.put(push.targetKey, new Waiting(push, answer, clock.millis()));
            }
        }
        if (skipped != null) skipped.accept(List.of());
        drain();
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
        return waiting.containsKey(targetKey) || sending.contains(targetKey);
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

    /** Sends what may go now: batches of targets not already on their way, while calls are free. */
    private void drain() {
        while (true) {
            List<Waiting> batch = new ArrayList<>();
            synchronized (this) {
                if (calls >= callsInFlight) return;
                Iterator<Waiting> it = waiting.values().iterator();
                while (it.hasNext() && batch.size() < batchSize) {
                    Waiting w = it.next();
                    if (sending.contains(w.push.targetKey)) continue;
                    it.remove();
                    sending.add(w.push.targetKey);
                    pushedVersion.merge(w.push.targetKey, w.push.version, Math::max);
                    batch.add(w);
                }
                if (batch.isEmpty()) return;
                calls++;
            }
            send(batch);
        }
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

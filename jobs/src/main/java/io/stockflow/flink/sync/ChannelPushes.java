package io.stockflow.flink.sync;

import io.stockflow.channels.ChannelClient;
import io.stockflow.channels.ChannelClients;
import io.stockflow.channels.ChannelSettings;
import io.stockflow.listing.Channel;
import io.stockflow.listing.ChannelSyncRecord;
import io.stockflow.listing.ListingPush;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Pushes listing targets' quantities through the channel clients, from Flink's asynchronous I/O operator: a call
 * returns at once and its answer completes the element on the client's threads, so a slow channel holds up neither
 * the task thread nor checkpoints (the operator checkpoints the elements still waiting and sends them again after a
 * restore: pushes are absolute). Each channel has a {@link ChannelLane} of its own, which batches and conflates. Every
 * push that went out becomes one {@code channel.sync} record; one conflated away becomes none.
 */
public final class ChannelPushes extends RichAsyncFunction<ListingPush, ChannelSyncRecord> {
    private final ChannelConnections connections;
    private final int callsInFlight;

    private transient Map<Channel, ChannelClient> clients;
    private transient Map<Channel, ChannelLane> lanes;
    /** Wakes the lanes when their channel's rate lets the next call go. */
    private transient ScheduledExecutorService laneTimer;
    /** Reconciliations by what became of them: the metrics {@code reconcileInSync}, {@code reconcileDrift}, ... */
    private transient Map<ChannelLane.Checked.Result, Counter> checks;

    public ChannelPushes(ChannelConnections connections, int callsInFlight) {
        this.connections = connections;
        this.callsInFlight = callsInFlight;
    }

    @Override
    public void open(OpenContext context) {
        checks = new EnumMap<>(ChannelLane.Checked.Result.class);
        for (ChannelLane.Checked.Result r : ChannelLane.Checked.Result.values())
            checks.put(r, getRuntimeContext().getMetricGroup().counter(r.metric, new ThreadSafeSimpleCounter()));
        clients = new EnumMap<>(Channel.class);
        lanes = new EnumMap<>(Channel.class);
        laneTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync-lane-timer");
            t.setDaemon(true);
            return t;
        });
        // channels.<channel>.requests-per-second is the job's whole rate on the channel: each task keeps its share.
        int tasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        for (Map.Entry<Channel, ChannelSettings> e : connections.settings().entrySet()) {
            ChannelSettings share = e.getValue().sharedBy(tasks);
            ChannelClient client = ChannelClients.create(share, Clock.systemUTC());
            clients.put(e.getKey(), client);
            lanes.put(
                    e.getKey(),
                    new ChannelLane(client, share.batchSize(), callsInFlight, Clock.systemUTC(), laneTimer));
        }
    }

    @Override
    public void asyncInvoke(ListingPush push, ResultFuture<ChannelSyncRecord> result) {
        ChannelLane lane = lanes.get(push.channel());
        if (push.check) {
            if (lane == null) {
                result.complete(List.of());
                return;
            }
            lane.check(push, checked -> {
                checks.get(checked.result()).inc();
                result.complete(checked.drift() == null ? List.of() : List.of(checked.drift()));
            });
            return;
        }
        if (lane == null) {
            result.complete(List.of(failed(
                    push, "no client for " + push.channel + ": channels." + push.channel + ".base-url is not set")));
            return;
        }
        lane.submit(push, result::complete);
    }

    @Override
    public void timeout(ListingPush push, ResultFuture<ChannelSyncRecord> result) {
        result.complete(List.of(failed(push, "no answer within the sync's push timeout")));
    }

    private static ChannelSyncRecord failed(ListingPush push, String reason) {
        ChannelSyncRecord r = new ChannelSyncRecord();
        r.channel = push.channel;
        r.listingIds = new ArrayList<>(push.listingIds);
        r.target = push.target;
        r.sku = push.sku;
        r.quantity = push.quantity;
        r.version = push.version;
        r.status = "FAILED";
        r.reason = reason;
        r.pushedAt = System.currentTimeMillis();
        return r;
    }

    @Override
    public void close() {
        if (laneTimer != null) laneTimer.shutdownNow();
        if (clients != null) clients.values().forEach(ChannelClient::close);
    }
}

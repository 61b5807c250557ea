package io.stockflow.flink.sync;

import io.stockflow.alert.Alert;
import io.stockflow.listing.ChannelSyncAlerts;
import io.stockflow.listing.ChannelSyncRecord;
import io.stockflow.listing.ListingPush;
import io.stockflow.model.DeadLetter;
import io.stockflow.shipments.ShipmentSyncRecord;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;

/**
 * The sync job as a function from typed streams to typed streams: listing maps are checked and broadcast; per SKU the
 * latest availability becomes each listing target's quantity; per listing target the newest quantity goes out when
 * the channel's budget allows; the pushes go through the channel clients on Flink's asynchronous I/O, unordered, with
 * a bounded number waiting and a timeout; each answer is a {@code channel.sync} record, a failed one also an alert.
 * Live, the answers come back from {@code channel.sync} to the listing targets, and a failed push goes again. Beside
 * it, warehouse shipments and rejected orders reach the order's marketplace ({@link ShipmentTopology}).
 */
public final class SyncTopology {
    /**
     * How long the two exchanges between an availability update and its push (availability to the SKU's quantities,
     * the quantities to their listing targets) hold a part-filled network buffer: a sell-out waits for them on its way
     * to the channels. The other exchanges take the configured {@code execution.buffer-timeout.interval}.
     */
    static final long LATENCY_PATH_FLUSH_MILLIS = 10;

    private SyncTopology() {}

    public static SyncOutputs build(SyncInputs in, SyncSettings settings) {
        SingleOutputStreamOperator<String> maps = in.listings()
                .keyBy(r -> "listings", Types.STRING)
                .process(new ListingMapIntake(settings.listings), Types.STRING)
                .name("sync: listing maps")
                .uid("sync-listing-maps");
        BroadcastStream<String> mapInForce = maps.broadcast(SkuListingQuantities.LISTING_MAP);

        SingleOutputStreamOperator<ListingPush> wanted = in.availability()
                .keyBy(u -> u.sku, Types.STRING)
                .connect(mapInForce)
                .process(new SkuListingQuantities(settings.listings), TypeInformation.of(ListingPush.class))
                .name("sync: listed quantities per SKU")
                .uid("sync-sku-quantities")
                .setBufferTimeout(LATENCY_PATH_FLUSH_MILLIS);

        // Bounded runs have no answers to read back: an empty stream stands in for them.
        DataStream<ChannelSyncRecord> answers = in.answers()
                .orElseGet(() -> wanted.flatMap(
                                (ListingPush p, Collector<ChannelSyncRecord> none) -> {},
                                TypeInformation.of(ChannelSyncRecord.class))
                        .name("sync: no answers read back")
                        .uid("sync-no-answers"));
        SingleOutputStreamOperator<ListingPush> due = wanted.keyBy(p -> p.targetKey, Types.STRING)
                .connect(answers.keyBy(ChannelSyncRecord::targetKey, Types.STRING))
                .process(
                        new ListingSyncFunction(settings.budgets, settings.retryAfter, settings.reconcileEvery),
                        TypeInformation.of(ListingPush.class))
                .name("sync: pushes per listing target")
                .uid("sync-listing-targets");

        SingleOutputStreamOperator<ChannelSyncRecord> pushed = AsyncDataStream.unorderedWait(
                        due,
                        new ChannelPushes(settings.connections, settings.callsInFlight),
                        settings.pushTimeout.toMillis(),
                        TimeUnit.MILLISECONDS,
                        settings.capacity)
                .returns(TypeInformation.of(ChannelSyncRecord.class))
                .name("sync: channel pushes")
                .uid("sync-channel-pushes");

        DataStream<Alert> failed = pushed.filter(ChannelSyncRecord::failed)
                .name("sync: failed pushes")
                .uid("sync-failed-pushes")
                .map(r -> ChannelSyncAlerts.syncFailed(r, r.pushedAt + r.latencyMs), TypeInformation.of(Alert.class))
                .name("sync: CHANNEL_SYNC_FAILED")
                .uid("sync-failed-alerts");
        DataStream<Alert> drifted = pushed.filter(ChannelSyncRecord::drifted)
                .name("sync: drifted listings")
                .uid("sync-drifted-listings")
                .map(ChannelSyncAlerts::drift, TypeInformation.of(Alert.class))
                .name("sync: CHANNEL_DRIFT")
                .uid("sync-drift-alerts");
        DataStream<Alert> alerts = failed.union(drifted, maps.getSideOutput(ListingMapIntake.ALERTS));
        DataStream<DeadLetter> deadLetters = maps.getSideOutput(ListingMapIntake.DEAD_LETTERS);
        Optional<DataStream<ShipmentSyncRecord>> shipments = Optional.empty();
        if (in.shipments().isPresent()) {
            ShipmentTopology.Outputs sent =
                    ShipmentTopology.build(in.shipments().get(), settings);
            alerts = alerts.union(sent.alerts());
            if (sent.deadLetters() != null) deadLetters = deadLetters.union(sent.deadLetters());
            shipments = Optional.of(sent.records());
        }
        return new SyncOutputs(
                pushed, alerts, deadLetters, wanted.getSideOutput(SkuListingQuantities.UNLISTED), shipments);
    }
}

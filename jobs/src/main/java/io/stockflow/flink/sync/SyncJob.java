package io.stockflow.flink.sync;

import io.stockflow.anomaly.AvailabilityParser;
import io.stockflow.codec.ChannelSyncJson;
import io.stockflow.codec.OrderEventJson;
import io.stockflow.codec.OutputJson;
import io.stockflow.codec.ShipmentSyncJson;
import io.stockflow.flink.ingest.ParseRecords;
import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowJob;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.listing.ChannelSyncRecord;
import io.stockflow.model.DeadLetter;
import io.stockflow.model.OrderEvent;
import io.stockflow.shipments.OrderAction;
import io.stockflow.shipments.RejectionParser;
import io.stockflow.shipments.ShipmentSyncRecord;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The sync job: every channel's listed quantities follow the ledger's availability, inside each channel's limits; and
 * each order's marketplace hears of its shipments, and of its cancellation when stockflow rejected it.
 */
public final class SyncJob implements StockflowJob {
    @Override
    public String name() {
        return "sync";
    }

    @Override
    public List<String> inputTopics() {
        return List.of(
                Topics.AVAILABILITY,
                Topics.CHANNEL_LISTINGS,
                Topics.ORDERS_CANONICAL,
                Topics.ALLOCATIONS,
                Topics.FULFILMENT);
    }

    /** The job's own pushes and order calls, read back live: a failed one goes again. */
    @Override
    public List<String> loopTopics(JobOptions options) {
        return List.of(Topics.CHANNEL_SYNC, Topics.CHANNEL_SHIPMENTS);
    }

    /**
     * Binds the topology to topics: the inventory job's availability records are parsed here (the reverse of that
     * job's writing), and the typed outputs become JSON records: {@code channel.sync} keyed by SKU, alerts by their id,
     * dead letters by their source topic.
     */
    @Override
    public Map<String, DataStream<OutRecord>> build(Map<String, DataStream<RawRecord>> topics, JobOptions options) {
        SyncSettings settings = settings(options);
        SingleOutputStreamOperator<AvailabilityUpdate> availability = ParseRecords.parse(
                topics.get(Topics.AVAILABILITY),
                Topics.AVAILABILITY,
                () -> new AvailabilityParser()::parse,
                AvailabilityUpdate.class,
                "sync-parse-" + Topics.AVAILABILITY);
        availability.setBufferTimeout(SyncTopology.LATENCY_PATH_FLUSH_MILLIS);
        DataStream<RawRecord> pushedBefore = topics.get(Topics.CHANNEL_SYNC);
        Optional<DataStream<ChannelSyncRecord>> answers = Optional.ofNullable(pushedBefore)
                .map(raw -> ParseRecords.parse(
                        raw,
                        Topics.CHANNEL_SYNC,
                        () -> ChannelSyncJson::read,
                        ChannelSyncRecord.class,
                        "sync-parse-" + Topics.CHANNEL_SYNC));
        SingleOutputStreamOperator<OrderEvent> orders = ParseRecords.parse(
                topics.get(Topics.ORDERS_CANONICAL),
                Topics.ORDERS_CANONICAL,
                () -> OrderEventJson::read,
                OrderEvent.class,
                "sync-parse-" + Topics.ORDERS_CANONICAL);
        SingleOutputStreamOperator<OrderAction> decisions = ParseRecords.parse(
                topics.get(Topics.ALLOCATIONS),
                Topics.ALLOCATIONS,
                () -> new RejectionParser()::parse,
                OrderAction.class,
                "sync-parse-" + Topics.ALLOCATIONS);
        Optional<DataStream<ShipmentSyncRecord>> callsBefore = Optional.ofNullable(topics.get(Topics.CHANNEL_SHIPMENTS))
                .map(raw -> ParseRecords.parse(
                        raw,
                        Topics.CHANNEL_SHIPMENTS,
                        () -> ShipmentSyncJson::read,
                        ShipmentSyncRecord.class,
                        "sync-parse-" + Topics.CHANNEL_SHIPMENTS));
        ShipmentInputs shipments = new ShipmentInputs(orders, decisions, topics.get(Topics.FULFILMENT), callsBefore);
        SyncOutputs out = SyncTopology.build(
                new SyncInputs(availability, topics.get(Topics.CHANNEL_LISTINGS), answers, Optional.of(shipments)),
                settings);

        // In one graph with a job that reads the same topic, that job already dead-letters its bad records.
        DataStream<DeadLetter> deadLetters = out.deadLetters();
        if (!settings.deadLetteredElsewhere.contains(Topics.AVAILABILITY)) {
            deadLetters = deadLetters.union(availability.getSideOutput(ParseRecords.DEAD_LETTERS));
        }
        if (!settings.deadLetteredElsewhere.contains(Topics.ORDERS_CANONICAL)) {
            deadLetters = deadLetters.union(orders.getSideOutput(ParseRecords.DEAD_LETTERS));
        }
        if (!settings.deadLetteredElsewhere.contains(Topics.ALLOCATIONS)) {
            deadLetters = deadLetters.union(decisions.getSideOutput(ParseRecords.DEAD_LETTERS));
        }
        Map<String, DataStream<OutRecord>> records = new LinkedHashMap<>();
        records.put(
                Topics.CHANNEL_SYNC,
                out.pushes()
                        .map(r -> new OutRecord(r.sku, ChannelSyncJson.write(r)))
                        .name("channel.sync json")
                        .uid("sync-json-channel-sync"));
        out.shipments()
                .ifPresent(sent -> records.put(
                        Topics.CHANNEL_SHIPMENTS,
                        sent.map(r -> new OutRecord(r.orderId, ShipmentSyncJson.write(r)))
                                .name("channel.shipments json")
                                .uid("sync-json-channel-shipments")));
        records.put(
                Topics.ALERTS,
                out.alerts()
                        .map(a -> new OutRecord(a.alertId, OutputJson.alert(a)))
                        .name("sync alerts json")
                        .uid("sync-json-alerts"));
        records.put(
                Topics.DEADLETTER,
                deadLetters
                        .map(d -> new OutRecord(d.sourceTopic, OutputJson.deadLetter(d)))
                        .name("sync deadletter json")
                        .uid("sync-json-deadletter"));
        return records;
    }

    /** The sync job's settings from the run's options: its own keys, and the channels' from the Flink configuration. */
    public static SyncSettings settings(JobOptions options) {
        SyncSettings s =
                SyncSettings.from(options.settings(), options.flinkConfiguration(), options.channelEnvironment);
        s.deadLetteredElsewhere = new HashSet<>(options.inputsReadBefore);
        return s;
    }
}

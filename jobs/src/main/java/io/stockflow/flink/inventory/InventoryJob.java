package io.stockflow.flink.inventory;

import io.stockflow.codec.LineCorrectionJson;
import io.stockflow.codec.OrderEventJson;
import io.stockflow.codec.OutputJson;
import io.stockflow.flink.ingest.ParseRecords;
import io.stockflow.flink.ingest.RecordParser;
import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.RoutingMode;
import io.stockflow.flink.job.StockflowJob;
import io.stockflow.flink.job.StockflowOptions;
import io.stockflow.ledger.LineCorrection;
import io.stockflow.model.DeadLetter;
import io.stockflow.routing.CapacityJson;
import io.stockflow.routing.CapacityLevel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** The inventory job: every channel's orders into a live stock ledger (see {@link InventoryTopology}). */
public final class InventoryJob implements StockflowJob {
    @Override
    public String name() {
        return "inventory";
    }

    @Override
    public List<String> inputTopics() {
        return List.of(Topics.ORDERS_RAW, Topics.MOVEMENTS, Topics.FULFILMENT, Topics.ROUTING_RULES);
    }

    /** Serial routing corrects and counts capacity in its ledger: it reads nothing back. */
    @Override
    public List<String> loopTopics(JobOptions options) {
        if (options.settings().get(StockflowOptions.ROUTING_MODE) == RoutingMode.SERIAL) return List.of();
        return List.of(Topics.ROUTING_CAPACITY, Topics.ROUTING_CORRECTIONS);
    }

    /**
     * Binds the topology to topics: its typed outputs become JSON records keyed as the contract says. The loop topics,
     * present live only, are the job's own records read back: parsed here, the reverse of the writing.
     */
    @Override
    public Map<String, DataStream<OutRecord>> build(Map<String, DataStream<RawRecord>> topics, JobOptions options) {
        SingleOutputStreamOperator<CapacityLevel> capacity =
                readBack(topics, Topics.ROUTING_CAPACITY, () -> CapacityJson::parse, CapacityLevel.class);
        SingleOutputStreamOperator<LineCorrection> corrections =
                readBack(topics, Topics.ROUTING_CORRECTIONS, () -> LineCorrectionJson::read, LineCorrection.class);
        InventoryOutputs out = InventoryTopology.build(
                new InventoryInputs(
                        topics.get(Topics.ORDERS_RAW),
                        topics.get(Topics.MOVEMENTS),
                        topics.get(Topics.FULFILMENT),
                        topics.get(Topics.ROUTING_RULES),
                        Optional.ofNullable(capacity),
                        Optional.ofNullable(corrections)),
                settings(options));

        DataStream<DeadLetter> deadLetters = out.deadLetters();
        for (SingleOutputStreamOperator<?> readBack : Arrays.asList(capacity, corrections)) {
            if (readBack != null) deadLetters = deadLetters.union(readBack.getSideOutput(ParseRecords.DEAD_LETTERS));
        }
        Map<String, DataStream<OutRecord>> records = new LinkedHashMap<>();
        records.put(
                Topics.ORDERS_CANONICAL,
                out.canonicalOrders()
                        .map(e -> new OutRecord(e.orderId, OrderEventJson.writeUtf8(e)))
                        .name("orders.canonical json")
                        .uid("json-orders-canonical"));
        records.put(
                Topics.AVAILABILITY,
                out.availability()
                        .map(u -> new OutRecord(u.sku + "|" + u.location, OutputJson.availabilityUtf8(u)))
                        .name("availability json")
                        .uid("json-availability"));
        records.put(
                Topics.ALLOCATIONS,
                out.allocations()
                        .map(a -> new OutRecord(a.orderId, OutputJson.allocationUtf8(a)))
                        .name("allocations json")
                        .uid("json-allocations"));
        records.put(
                Topics.ROUTING_CAPACITY,
                out.capacityLevels()
                        .map(l -> new OutRecord(l.key(), CapacityJson.writeUtf8(l)))
                        .name("routing.capacity json")
                        .uid("json-routing-capacity"));
        records.put(
                Topics.ALERTS,
                out.alerts()
                        .map(a -> new OutRecord(a.alertId, OutputJson.alert(a)))
                        .name("alerts json")
                        .uid("json-alerts"));
        records.put(
                Topics.DEADLETTER,
                deadLetters
                        .map(d -> new OutRecord(d.sourceTopic, OutputJson.deadLetter(d)))
                        .name("deadletter json")
                        .uid("json-deadletter"));
        records.put(
                Topics.CUSTOMERS_CONTACTS,
                out.contacts()
                        .map(c -> new OutRecord(c.orderId, c.toJsonUtf8()))
                        .name("customers.contacts json")
                        .uid("json-customers-contacts"));
        out.corrections()
                .ifPresent(c -> records.put(
                        Topics.ROUTING_CORRECTIONS,
                        c.map(correction -> new OutRecord(correction.sku, LineCorrectionJson.write(correction)))
                                .name("routing.corrections json")
                                .uid("json-routing-corrections")));
        return records;
    }

    /** A loop topic's records parsed, or null when the topic is not read (bounded runs). */
    private static <T> SingleOutputStreamOperator<T> readBack(
            Map<String, DataStream<RawRecord>> topics, String topic, RecordParser.Factory<T> parsers, Class<T> type) {
        DataStream<RawRecord> raw = topics.get(topic);
        return raw == null ? null : ParseRecords.parse(raw, topic, parsers, type, "parse-" + topic);
    }

    /** The inventory job's settings from the run's options; reads and validates the rule set files. */
    public static InventorySettings settings(JobOptions options) {
        InventorySettings s = InventorySettings.from(options.settings());
        s.replay = options.replay;
        return s;
    }
}

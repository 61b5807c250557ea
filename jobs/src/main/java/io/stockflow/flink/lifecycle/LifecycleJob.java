package io.stockflow.flink.lifecycle;

import io.stockflow.codec.OrderEventJson;
import io.stockflow.codec.OutputJson;
import io.stockflow.flink.ingest.ParseRecords;
import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowJob;
import io.stockflow.lifecycle.AllocationNotice;
import io.stockflow.lifecycle.AllocationNoticeParser;
import io.stockflow.model.DeadLetter;
import io.stockflow.model.OrderEvent;
import io.stockflow.notify.Notification;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** The lifecycle job: every order watched to the doorstep (see {@link LifecycleTopology}). */
public final class LifecycleJob implements StockflowJob {
    @Override
    public String name() {
        return "lifecycle";
    }

    @Override
    public List<String> inputTopics() {
        return List.of(Topics.ORDERS_CANONICAL, Topics.ALLOCATIONS, Topics.FULFILMENT, Topics.CARRIER_TRACKING);
    }

    /**
     * Binds the topology to topics: the inventory job's records are parsed here (the reverse of that job's writing),
     * and the typed outputs become JSON records keyed as the contract says.
     */
    @Override
    public Map<String, DataStream<OutRecord>> build(Map<String, DataStream<RawRecord>> topics, JobOptions options) {
        LifecycleSettings settings = settings(options);
        SingleOutputStreamOperator<OrderEvent> orders = ParseRecords.parse(
                topics.get(Topics.ORDERS_CANONICAL),
                Topics.ORDERS_CANONICAL,
                () -> OrderEventJson::read,
                OrderEvent.class,
                "lifecycle-parse-" + Topics.ORDERS_CANONICAL);
        SingleOutputStreamOperator<AllocationNotice> allocations = ParseRecords.parse(
                topics.get(Topics.ALLOCATIONS),
                Topics.ALLOCATIONS,
                () -> new AllocationNoticeParser()::parse,
                AllocationNotice.class,
                "lifecycle-parse-" + Topics.ALLOCATIONS);
        LifecycleOutputs out = LifecycleTopology.build(
                new LifecycleInputs(
                        orders, allocations, topics.get(Topics.FULFILMENT), topics.get(Topics.CARRIER_TRACKING)),
                settings);

        // In one graph with a job that reads the same topic, that job already dead-letters its bad records.
        DataStream<DeadLetter> deadLetters = out.deadLetters();
        if (!settings.deadLetteredElsewhere.contains(Topics.ORDERS_CANONICAL)) {
            deadLetters = deadLetters.union(orders.getSideOutput(ParseRecords.DEAD_LETTERS));
        }
        if (!settings.deadLetteredElsewhere.contains(Topics.ALLOCATIONS)) {
            deadLetters = deadLetters.union(allocations.getSideOutput(ParseRecords.DEAD_LETTERS));
        }
        Map<String, DataStream<OutRecord>> records = new LinkedHashMap<>();
        records.put(
                Topics.ALERTS,
                out.alerts()
                        .map(a -> new OutRecord(a.alertId, OutputJson.alert(a)))
                        .name("lifecycle alerts json")
                        .uid("lifecycle-json-alerts"));
        records.put(
                Topics.NOTIFICATIONS,
                out.notifications()
                        .map((Notification n) -> new OutRecord(n.orderId, OutputJson.notification(n)))
                        .name("notifications json")
                        .uid("lifecycle-json-notifications"));
        records.put(
                Topics.DEADLETTER,
                deadLetters
                        .map(d -> new OutRecord(d.sourceTopic, OutputJson.deadLetter(d)))
                        .name("lifecycle deadletter json")
                        .uid("lifecycle-json-deadletter"));
        return records;
    }

    /** The lifecycle job's settings from the run's options; reads the policy and template files they name. */
    public static LifecycleSettings settings(JobOptions options) {
        LifecycleSettings s = LifecycleSettings.from(options.settings());
        s.replay = options.replay;
        s.horizon = options.horizon;
        s.deadLetteredElsewhere = new HashSet<>(options.inputsReadBefore);
        return s;
    }
}

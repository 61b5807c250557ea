package io.stockflow.flink.anomalies;

import io.stockflow.anomaly.AvailabilityParser;
import io.stockflow.codec.OrderEventJson;
import io.stockflow.codec.OutputJson;
import io.stockflow.flink.ingest.ParseRecords;
import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.Topics;
import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowJob;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.model.DeadLetter;
import io.stockflow.model.OrderEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** The anomalies job: demand, feeds, orders, refunds, stock-outs and counts that leave their learned range. */
public final class AnomaliesJob implements StockflowJob {
    @Override
    public String name() {
        return "anomalies";
    }

    @Override
    public List<String> inputTopics() {
        return List.of(Topics.ORDERS_CANONICAL, Topics.AVAILABILITY, Topics.MOVEMENTS);
    }

    /**
     * Binds the topology to topics: the inventory job's records are parsed here (the reverse of that job's writing),
     * and the typed outputs become JSON records keyed as the contract says. Without a dead letter of its own (every
     * input dead-lettered by an earlier job of the graph) the job writes no {@code deadletter}.
     */
    @Override
    public Map<String, DataStream<OutRecord>> build(Map<String, DataStream<RawRecord>> topics, JobOptions options) {
        AnomaliesSettings settings = settings(options);
        SingleOutputStreamOperator<OrderEvent> orders = ParseRecords.parse(
                topics.get(Topics.ORDERS_CANONICAL),
                Topics.ORDERS_CANONICAL,
                () -> OrderEventJson::read,
                OrderEvent.class,
                "anomalies-parse-" + Topics.ORDERS_CANONICAL);
        SingleOutputStreamOperator<AvailabilityUpdate> availability = ParseRecords.parse(
                topics.get(Topics.AVAILABILITY),
                Topics.AVAILABILITY,
                () -> new AvailabilityParser()::parse,
                AvailabilityUpdate.class,
                "anomalies-parse-" + Topics.AVAILABILITY);
        AnomaliesOutputs out = AnomaliesTopology.build(
                new AnomaliesInputs(orders, availability, topics.get(Topics.MOVEMENTS)), settings);

        // In one graph with a job that reads the same topic, that job already dead-letters its bad records.
        List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();
        if (!settings.deadLetteredElsewhere.contains(Topics.ORDERS_CANONICAL)) {
            deadLetters.add(orders.getSideOutput(ParseRecords.DEAD_LETTERS));
        }
        if (!settings.deadLetteredElsewhere.contains(Topics.AVAILABILITY)) {
            deadLetters.add(availability.getSideOutput(ParseRecords.DEAD_LETTERS));
        }
        out.deadLetters().ifPresent(deadLetters::add);

        Map<String, DataStream<OutRecord>> records = new LinkedHashMap<>();
        records.put(
                Topics.ALERTS,
                out.alerts()
                        .map(a -> new OutRecord(a.alertId, OutputJson.alert(a)))
                        .name("anomaly alerts json")
                        .uid("anomalies-json-alerts"));
        deadLetters.stream()
                .reduce(DataStream::union)
                .ifPresent(all -> records.put(
                        Topics.DEADLETTER,
                        all.map(d -> new OutRecord(d.sourceTopic, OutputJson.deadLetter(d)))
                                .name("anomalies deadletter json")
                                .uid("anomalies-json-deadletter")));
        return records;
    }

    /** The anomalies job's settings from the run's options. */
    public static AnomaliesSettings settings(JobOptions options) {
        AnomaliesSettings s = AnomaliesSettings.from(options.settings());
        s.replay = options.replay;
        s.horizon = options.horizon;
        s.deadLetteredElsewhere = new HashSet<>(options.inputsReadBefore);
        return s;
    }
}

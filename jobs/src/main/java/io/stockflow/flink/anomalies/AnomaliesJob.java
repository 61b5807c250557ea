package io.stockflow.flink.anomalies;

import java.util.HashSet;

import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowJob;
import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.Topics;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;

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

    @Override
    public Map<String, DataStream<OutRecord>> build(Map<String, DataStream<RawRecord>> inputs, JobOptions options) {
        return AnomaliesTopology.build(inputs, settings(options));
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

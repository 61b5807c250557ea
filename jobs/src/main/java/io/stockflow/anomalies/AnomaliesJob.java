package io.stockflow.anomalies;

import io.stockflow.graph.JobOptions;
import io.stockflow.graph.StockflowJob;
import io.stockflow.io.OutRecord;
import io.stockflow.io.RawRecord;
import io.stockflow.io.Topics;
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
        return AnomaliesTopology.build(inputs, options.anomaliesSettings());
    }
}

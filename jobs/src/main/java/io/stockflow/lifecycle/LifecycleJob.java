package io.stockflow.lifecycle;

import io.stockflow.graph.JobOptions;
import io.stockflow.graph.StockflowJob;
import io.stockflow.io.OutRecord;
import io.stockflow.io.RawRecord;
import io.stockflow.io.Topics;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;

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

    @Override
    public Map<String, DataStream<OutRecord>> build(Map<String, DataStream<RawRecord>> inputs, JobOptions options) {
        return LifecycleTopology.build(inputs, options.lifecycleSettings());
    }
}

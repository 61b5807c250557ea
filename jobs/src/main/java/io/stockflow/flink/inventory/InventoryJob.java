package io.stockflow.flink.inventory;

import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowJob;
import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.Topics;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;

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

    @Override
    public List<String> loopTopics() {
        return List.of(Topics.ROUTING_CAPACITY, Topics.ROUTING_CORRECTIONS);
    }

    @Override
    public Map<String, DataStream<OutRecord>> build(Map<String, DataStream<RawRecord>> inputs, JobOptions options) {
        return InventoryTopology.build(inputs, settings(options));
    }

    /** The inventory job's settings from the run's options; reads and validates the rule set files. */
    public static InventorySettings settings(JobOptions options) {
        InventorySettings s = InventorySettings.from(options.settings());
        s.replay = options.replay;
        return s;
    }
}

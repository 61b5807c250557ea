package io.stockflow.flink.inventory;

import io.stockflow.flink.routing.RuleSetDocuments;
import io.stockflow.ingest.IngestLimits;
import io.stockflow.ledger.LedgerPolicy;
import java.nio.file.Path;

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

    /** The inventory job's settings from the job options; reads and validates the {@code --rules} files. */
    public static InventorySettings settings(JobOptions options) {
        InventorySettings s = new InventorySettings();
        s.replay = options.replay;
        s.ledger = new LedgerPolicy(options.lowStockThreshold, options.safetyStock, options.settledRetention);
        s.limits = new IngestLimits(options.maxQuantity, options.maxLines, IngestLimits.DEFAULTS.maxIdLength);
        s.dedupTtl = options.dedupTtl;
        s.orderTtl = options.orderTtl;
        s.outOfOrderness = options.outOfOrderness;
        s.idleness = options.idleness;
        for (Path file : options.rules) s.ruleSets.add(RuleSetDocuments.read(file));
        return s;
    }
}

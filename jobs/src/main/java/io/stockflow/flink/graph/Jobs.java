package io.stockflow.flink.graph;

import io.stockflow.flink.inventory.InventoryJob;
import io.stockflow.flink.job.StockflowJob;
import io.stockflow.flink.lifecycle.LifecycleJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every job the project has, by name, in the order that feeds each job's inputs before it. */
public final class Jobs {
    public static final String ALL = "all";
    private static final Map<String, StockflowJob> JOBS = new LinkedHashMap<>();

    static {
        register(new InventoryJob());
        register(new LifecycleJob());
        register(new io.stockflow.flink.anomalies.AnomaliesJob());
        register(new io.stockflow.flink.sync.SyncJob());
    }

    private Jobs() {}

    private static void register(StockflowJob job) {
        JOBS.put(job.name(), job);
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>(JOBS.keySet());
        names.add(ALL);
        return names;
    }

    /** The jobs a name stands for: one job, or all of them for {@value #ALL}. */
    public static List<StockflowJob> resolve(String name) {
        if (ALL.equals(name)) return new ArrayList<>(JOBS.values());
        StockflowJob job = JOBS.get(name);
        if (job == null) throw new IllegalArgumentException("unknown job '" + name + "'; jobs: " + names());
        return List.of(job);
    }
}

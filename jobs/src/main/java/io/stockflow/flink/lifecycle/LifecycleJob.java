package io.stockflow.flink.lifecycle;

import java.util.HashSet;

import io.stockflow.flink.job.JobOptions;
import io.stockflow.flink.job.StockflowJob;
import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.Topics;
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
        return LifecycleTopology.build(inputs, settings(options));
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

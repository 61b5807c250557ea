package io.stockflow.flink.io;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Binds a job's named topics to the outside world: Kafka topics, JSON-Lines files, or other jobs in the same graph.
 * Topologies never see which: they take and return typed streams, and each job's adapter ({@code StockflowJob}) names
 * them by topic.
 */
public interface TopicBinding {
    /** The records of an input topic, without timestamps or watermarks (the job assigns event time after parsing). */
    DataStream<RawRecord> source(StreamExecutionEnvironment env, String topic);

    void sink(String topic, DataStream<OutRecord> records);

    /** True when the inputs end (files): the job then applies each key's events in event-time order. */
    boolean bounded();
}

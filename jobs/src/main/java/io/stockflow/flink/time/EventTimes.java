package io.stockflow.flink.time;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Event time from a parsed record. Live: watermarks that tolerate some disorder and skip idle partitions. Replay: no
 * watermark until the input ends, so the sorters see every event before ordering any.
 */
public final class EventTimes implements Serializable {
    private static final long serialVersionUID = 1L;

    private final boolean replay;
    private final Duration outOfOrderness;
    private final Duration idleness;

    public EventTimes(boolean replay, Duration outOfOrderness, Duration idleness) {
        this.replay = replay;
        this.outOfOrderness = outOfOrderness;
        this.idleness = idleness;
    }

    public <T> SingleOutputStreamOperator<T> assign(
            DataStream<T> stream, SerializableFunction<T, Long> time, String uid) {
        WatermarkStrategy<T> strategy = replay
                ? WatermarkStrategy.noWatermarks()
                : WatermarkStrategy.<T>forBoundedOutOfOrderness(outOfOrderness).withIdleness(idleness);
        SerializableTimestampAssigner<T> assigner = (element, previous) -> time.apply(element);
        return stream.assignTimestampsAndWatermarks(strategy.withTimestampAssigner(assigner))
                .name("event time: " + uid)
                .uid("event-time-" + uid);
    }
}

package io.stockflow.testing;

import io.stockflow.flink.io.OutRecord;
import io.stockflow.flink.io.RawRecord;
import io.stockflow.flink.io.TopicBinding;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Wraps a binding so that the first record of one input topic read after a completed checkpoint fails the task, once
 * per JVM run of a test: the job must restore from that checkpoint and apply nothing twice.
 */
public final class FailOnceAfterCheckpoint implements TopicBinding {
    /** Whether the failure has happened; tests reset it before their run. */
    public static final AtomicBoolean FAILED = new AtomicBoolean();

    private static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();

    private final TopicBinding delegate;
    private final String topic;

    public FailOnceAfterCheckpoint(TopicBinding delegate, String topic) {
        this.delegate = delegate;
        this.topic = topic;
        FAILED.set(false);
        CHECKPOINTED.set(false);
    }

    @Override
    public DataStream<RawRecord> source(StreamExecutionEnvironment env, String name) {
        DataStream<RawRecord> source = delegate.source(env, name);
        if (!name.equals(topic)) return source;
        return source.map(new Failer()).name("fail once after a checkpoint").uid("fail-once-" + name);
    }

    @Override
    public void sink(String name, DataStream<OutRecord> records) {
        delegate.sink(name, records);
    }

    @Override
    public boolean bounded() {
        return delegate.bounded();
    }

    private static final class Failer implements MapFunction<RawRecord, RawRecord>, CheckpointListener {
        @Override
        public RawRecord map(RawRecord value) {
            if (CHECKPOINTED.get() && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure after a completed checkpoint");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.set(true);
        }
    }
}

package io.stockflow.flink.time;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Emits each key's elements in event-time order, ties broken by a sequence key, once the watermark has passed them.
 * Bounded runs use it before every stateful stage so that the same input files always give the same outputs, whatever
 * order the files were read in. Elements already behind the watermark pass straight through.
 */
public final class EventTimeSorter<K, T> extends KeyedProcessFunction<K, T, T> {
    /** A serializable tie-breaker for elements of equal event time. */
    public interface SequenceKey<T> extends java.io.Serializable {
        String of(T element);
    }

    private final TypeInformation<T> type;
    private final SequenceKey<T> sequenceKey;
    private transient MapState<Long, List<T>> buffer;

    public EventTimeSorter(TypeInformation<T> type, SequenceKey<T> sequenceKey) {
        this.type = type;
        this.sequenceKey = sequenceKey;
    }

    /** Sorts a keyed stream and hands it back as keyed by the same key, without another shuffle. */
    public static <K, T> KeyedStream<T, K> sort(
            KeyedStream<T, K> input, TypeInformation<T> type, SequenceKey<T> sequenceKey, String uid) {
        KeySelector<T, K> keys = input.getKeySelector();
        DataStream<T> sorted = input.process(new EventTimeSorter<K, T>(type, sequenceKey), type)
                .name("event-time order: " + uid)
                .uid("sort-" + uid);
        return DataStreamUtils.reinterpretAsKeyedStream(sorted, keys, input.getKeyType());
    }

    @Override
    public void open(OpenContext context) {
        buffer = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("buffer", Types.LONG, new ListTypeInfo<>(type)));
    }

    @Override
    public void processElement(T element, Context ctx, Collector<T> out) throws Exception {
        long time = ctx.timestamp() == null ? Long.MIN_VALUE : ctx.timestamp();
        if (time <= ctx.timerService().currentWatermark()) {
            out.collect(element);
            return;
        }
        List<T> atTime = buffer.get(time);
        if (atTime == null) {
            atTime = new ArrayList<>();
            ctx.timerService().registerEventTimeTimer(time);
        }
        atTime.add(element);
        buffer.put(time, atTime);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<T> out) throws Exception {
        List<T> atTime = buffer.get(timestamp);
        if (atTime == null) return;
        atTime.sort(Comparator.comparing(sequenceKey::of));
        for (T element : atTime) out.collect(element);
        buffer.remove(timestamp);
    }
}

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
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Emits each key's elements in event-time order, ties broken by a sequence key, once the watermark has passed them.
 * Bounded runs use it before every stateful stage so that the same input files always give the same outputs, whatever
 * order the files were read in. Elements already behind the watermark pass straight through.
 *
 * <p>Each element is kept under its own entry (event time, arrival number), beside a count per event time, so that
 * adding one costs the same however many share its time: a history's opening stock counts and receipt rounds put
 * thousands of elements at one instant, and a list per instant, read and written back whole for each of them, made
 * the sorting quadratic in their number.
 */
public final class EventTimeSorter<K, T> extends KeyedProcessFunction<K, T, T> {
    /** A serializable tie-breaker for elements of equal event time. */
    public interface SequenceKey<T> extends java.io.Serializable {
        String of(T element);
    }

    private final TypeInformation<T> type;
    private final SequenceKey<T> sequenceKey;
    /** Elements buffered per event time. */
    private transient MapState<Long, Integer> sizes;
    /** The buffered elements by (event time, arrival number at that time). */
    private transient MapState<Tuple2<Long, Integer>, T> entries;

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
        sizes = getRuntimeContext().getMapState(new MapStateDescriptor<>("buffer-sizes", Types.LONG, Types.INT));
        TypeInformation<Tuple2<Long, Integer>> entryKey = Types.TUPLE(Types.LONG, Types.INT);
        entries = getRuntimeContext().getMapState(new MapStateDescriptor<>("buffer-entries", entryKey, type));
    }

    @Override
    public void processElement(T element, Context ctx, Collector<T> out) throws Exception {
        long time = ctx.timestamp() == null ? Long.MIN_VALUE : ctx.timestamp();
        if (time <= ctx.timerService().currentWatermark()) {
            out.collect(element);
            return;
        }
        Integer size = sizes.get(time);
        if (size == null) {
            size = 0;
            ctx.timerService().registerEventTimeTimer(time);
        }
        entries.put(Tuple2.of(time, size), element);
        sizes.put(time, size + 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<T> out) throws Exception {
        Integer size = sizes.get(timestamp);
        if (size == null) return;
        List<T> atTime = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Tuple2<Long, Integer> key = Tuple2.of(timestamp, i);
            atTime.add(entries.get(key));
            entries.remove(key);
        }
        sizes.remove(timestamp);
        atTime.sort(Comparator.comparing(sequenceKey::of));
        for (T element : atTime) out.collect(element);
    }
}

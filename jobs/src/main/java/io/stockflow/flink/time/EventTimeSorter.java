package io.stockflow.flink.time;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Emits each key's elements in event-time order, ties broken by a sequence key, once the watermark has passed them.
 * Bounded runs use it before every stateful stage so that the same input files always give the same outputs, whatever
 * order the files were read in. Elements already behind the watermark pass straight through.
 *
 * <p>A replay's sorters hold their whole input until it ends, so each element's cost in the state backend decides
 * much of a replay's speed. The elements of one key and event time are one list, in the state namespace of that time
 * (as Flink's windows keep theirs): adding one appends to it without reading it (a merge in RocksDB), however many
 * share the instant, and the timer of the same key and time fires it whole. Registering that timer again for each
 * element of the instant is a no-op.
 */
public final class EventTimeSorter<K, T> extends AbstractStreamOperator<T>
        implements OneInputStreamOperator<T, T>, Triggerable<K, Long> {
    private static final long serialVersionUID = 2L;

    /** A serializable tie-breaker for elements of equal event time. */
    public interface SequenceKey<T> extends java.io.Serializable {
        String of(T element);
    }

    private final TypeInformation<T> type;
    private final SequenceKey<T> sequenceKey;
    /** The buffered elements of the current key, in the namespace of their event time, in arrival order. */
    private transient ListStateDescriptor<T> bufferDescriptor;

    private transient InternalTimerService<Long> timers;

    public EventTimeSorter(TypeInformation<T> type, SequenceKey<T> sequenceKey) {
        this.type = type;
        this.sequenceKey = sequenceKey;
    }

    /** Sorts a keyed stream and hands it back as keyed by the same key, without another shuffle. */
    public static <K, T> KeyedStream<T, K> sort(
            KeyedStream<T, K> input, TypeInformation<T> type, SequenceKey<T> sequenceKey, String uid) {
        KeySelector<T, K> keys = input.getKeySelector();
        DataStream<T> sorted = input.transform(
                        "event-time order: " + uid, type, new EventTimeSorter<K, T>(type, sequenceKey))
                .uid("sort-" + uid);
        return DataStreamUtils.reinterpretAsKeyedStream(sorted, keys, input.getKeyType());
    }

    @Override
    public void open() throws Exception {
        super.open();
        bufferDescriptor = new ListStateDescriptor<>("buffer-by-time", type);
        timers = getInternalTimerService("event-time-order", LongSerializer.INSTANCE, this);
    }

    @Override
    public void processElement(StreamRecord<T> record) throws Exception {
        long time = record.hasTimestamp() ? record.getTimestamp() : Long.MIN_VALUE;
        if (time <= timers.currentWatermark()) {
            output.collect(record);
            return;
        }
        buffer(time).add(record.getValue());
        timers.registerEventTimeTimer(time, time);
    }

    @Override
    public void onEventTime(InternalTimer<K, Long> timer) throws Exception {
        long time = timer.getNamespace();
        ListState<T> buffer = buffer(time);
        Iterable<T> buffered = buffer.get();
        if (buffered == null) return;
        List<T> atTime = new ArrayList<>();
        for (T element : buffered) atTime.add(element);
        buffer.clear();
        StreamRecord<T> out = new StreamRecord<>(null, time);
        for (T element : inSequence(atTime)) output.collect(out.replace(element));
    }

    @Override
    public void onProcessingTime(InternalTimer<K, Long> timer) {}

    private ListState<T> buffer(long time) throws Exception {
        return getPartitionedState(time, LongSerializer.INSTANCE, bufferDescriptor);
    }

    /** The elements of one instant by sequence key, equal keys in arrival order; each key computed once. */
    private List<T> inSequence(List<T> atTime) {
        if (atTime.size() < 2) return atTime;
        @SuppressWarnings("unchecked")
        Map.Entry<String, T>[] keyed = new Map.Entry[atTime.size()];
        for (int i = 0; i < keyed.length; i++) {
            T element = atTime.get(i);
            keyed[i] = Map.entry(sequenceKey.of(element), element);
        }
        Arrays.sort(keyed, Map.Entry.comparingByKey(Comparator.naturalOrder()));
        List<T> sorted = new ArrayList<>(keyed.length);
        for (Map.Entry<String, T> e : keyed) sorted.add(e.getValue());
        return sorted;
    }
}

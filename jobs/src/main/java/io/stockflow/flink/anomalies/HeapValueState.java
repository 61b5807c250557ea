package io.stockflow.flink.anomalies;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * A keyed value state worked on from the heap, as {@link HeapMapState} is: read from the backend at a key's first
 * use, written back (a copy) at a snapshot when it changed since the last one.
 */
final class HeapValueState<V> {
    private final ValueState<V> stored;
    private final TypeSerializer<V> serializer;
    private final HeapKeys keys;
    /** Each loaded key's value; a key whose state is empty maps to null. */
    private final Map<Object, V> valueByKey = new HashMap<>();

    private final Set<Object> changed = new HashSet<>();

    HeapValueState(ValueState<V> stored, TypeSerializer<V> serializer, HeapKeys keys) {
        this.stored = stored;
        this.serializer = serializer;
        this.keys = keys;
    }

    V value() throws Exception {
        Object key = keys.current();
        if (!valueByKey.containsKey(key)) valueByKey.put(key, copy(stored.value()));
        return valueByKey.get(key);
    }

    void update(V value) {
        Object key = keys.current();
        valueByKey.put(key, value);
        changed.add(key);
    }

    /** Writes every key's value changed since the last call to the backend; called while a snapshot is taken. */
    void writeBack() throws Exception {
        for (Object key : changed) {
            keys.select(key);
            V value = valueByKey.get(key);
            if (value == null) stored.clear();
            else stored.update(copy(value));
        }
        changed.clear();
    }

    private V copy(V value) {
        return value == null ? null : serializer.copy(value);
    }
}

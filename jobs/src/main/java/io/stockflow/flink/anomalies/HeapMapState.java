package io.stockflow.flink.anomalies;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * A keyed map state worked on from the heap: a key's entries are read from the state backend once, at their first use
 * (after a restore, what the backend restored), and the entries put or removed since the last snapshot are written
 * back when one is taken ({@link #writeBack}). A run that takes no snapshot never touches the backend after reading.
 *
 * <p>The backend never holds an object the heap holds: entries are copied with the state's serializer as they are
 * read and as they are written back, so a heap backend's asynchronous snapshot never sees a later change. Values of
 * any type the serializer handles (fields added to a POJO included) work unchanged.
 */
final class HeapMapState<V> {
    private final MapState<String, V> stored;
    private final TypeSerializer<V> serializer;
    private final HeapKeys keys;
    private final Map<Object, Map<String, V>> entriesByKey = new HashMap<>();
    private final Map<Object, Set<String>> changedByKey = new HashMap<>();

    HeapMapState(MapState<String, V> stored, TypeSerializer<V> serializer, HeapKeys keys) {
        this.stored = stored;
        this.serializer = serializer;
        this.keys = keys;
    }

    V get(String entry) throws Exception {
        return entries().get(entry);
    }

    void put(String entry, V value) throws Exception {
        entries().put(entry, value);
        changed().add(entry);
    }

    void remove(String entry) throws Exception {
        entries().remove(entry);
        changed().add(entry);
    }

    /** The current key's entries, to read; change them through {@link #put} and {@link #remove}. */
    Map<String, V> view() throws Exception {
        return Collections.unmodifiableMap(entries());
    }

    /** Writes every key's entries changed since the last call to the backend; called while a snapshot is taken. */
    void writeBack() throws Exception {
        for (Map.Entry<Object, Set<String>> changed : changedByKey.entrySet()) {
            keys.select(changed.getKey());
            Map<String, V> entries = entriesByKey.get(changed.getKey());
            for (String entry : changed.getValue()) {
                if (entries.containsKey(entry)) stored.put(entry, copy(entries.get(entry)));
                else stored.remove(entry);
            }
        }
        changedByKey.clear();
    }

    private Map<String, V> entries() throws Exception {
        Object key = keys.current();
        Map<String, V> entries = entriesByKey.get(key);
        if (entries == null) {
            entries = new HashMap<>();
            for (Map.Entry<String, V> e : stored.entries()) entries.put(e.getKey(), copy(e.getValue()));
            entriesByKey.put(key, entries);
        }
        return entries;
    }

    private Set<String> changed() {
        return changedByKey.computeIfAbsent(keys.current(), k -> new HashSet<>());
    }

    private V copy(V value) {
        return value == null ? null : serializer.copy(value);
    }
}

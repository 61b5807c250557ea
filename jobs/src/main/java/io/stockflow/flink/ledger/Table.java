package io.stockflow.flink.ledger;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;

/**
 * Values by a string key, where the serial ledger keeps one kind of its bookkeeping: on the heap in a replay (decided
 * again from its input), in keyed {@link MapState} under the one key live. A value read and changed is put back.
 */
interface Table<V> {
    V get(String key) throws Exception;

    void put(String key, V value) throws Exception;

    void remove(String key) throws Exception;

    default boolean contains(String key) throws Exception {
        return get(key) != null;
    }

    static <V> Table<V> onHeap() {
        Map<String, V> values = new HashMap<>();
        return new Table<>() {
            @Override
            public V get(String key) {
                return values.get(key);
            }

            @Override
            public void put(String key, V value) {
                values.put(key, value);
            }

            @Override
            public void remove(String key) {
                values.remove(key);
            }
        };
    }

    static <V> Table<V> of(MapState<String, V> state) {
        return new Table<>() {
            @Override
            public V get(String key) throws Exception {
                return state.get(key);
            }

            @Override
            public void put(String key, V value) throws Exception {
                state.put(key, value);
            }

            @Override
            public void remove(String key) throws Exception {
                state.remove(key);
            }

            @Override
            public boolean contains(String key) throws Exception {
                return state.contains(key);
            }
        };
    }
}

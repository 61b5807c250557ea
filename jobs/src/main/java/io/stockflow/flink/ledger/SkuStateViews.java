package io.stockflow.flink.ledger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;

/**
 * One SKU's part of the serial ledger's state, seen as the state of a SKU key, so that {@link KeyedLedgerStore} keeps
 * it as it keeps a SKU-keyed ledger's: a value is one entry of a map by SKU; a map is the entries whose key starts
 * with the SKU and a separator. Every SKU's state is under one key there, so going over a map's entries scans the
 * entries of every SKU: the ledger does it only to fill a SKU's backorder queue, and expiry passes each SKU its
 * holds, gathered in one scan ({@link #map(MapState, String, List)}).
 */
final class SkuStateViews {
    /** Between the SKU and the key within the SKU: a character ids do not contain. */
    static final char SEPARATOR = '\u0000';

    private SkuStateViews() {}

    /** The key of {@code key} of {@code sku} in a map of every SKU. */
    static String key(String sku, String key) {
        return sku + SEPARATOR + key;
    }

    /** The SKU of a key of a map of every SKU. */
    static String skuOf(String key) {
        return key.substring(0, key.indexOf(SEPARATOR));
    }

    /** {@code sku}'s entry of a map by SKU, as a value. */
    static <V> ValueState<V> value(MapState<String, V> bySku, String sku) {
        return new ValueState<>() {
            @Override
            public V value() throws IOException {
                try {
                    return bySku.get(sku);
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }

            @Override
            public void update(V value) throws IOException {
                try {
                    if (value == null) bySku.remove(sku);
                    else bySku.put(sku, value);
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }

            @Override
            public void clear() {
                try {
                    bySku.remove(sku);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** {@code sku}'s entries of a map of every SKU. */
    static <V> MapState<String, V> map(MapState<String, V> all, String sku) {
        return map(all, sku, null);
    }

    /** As {@link #map(MapState, String)}, its entries known already ({@code entries}: null to scan for them). */
    static <V> MapState<String, V> map(MapState<String, V> all, String sku, List<Map.Entry<String, V>> entries) {
        String prefix = sku + SEPARATOR;
        return new MapState<>() {
            @Override
            public V get(String key) throws Exception {
                return all.get(prefix + key);
            }

            @Override
            public void put(String key, V value) throws Exception {
                all.put(prefix + key, value);
            }

            @Override
            public void putAll(Map<String, V> values) throws Exception {
                for (Map.Entry<String, V> e : values.entrySet()) put(e.getKey(), e.getValue());
            }

            @Override
            public void remove(String key) throws Exception {
                all.remove(prefix + key);
            }

            @Override
            public boolean contains(String key) throws Exception {
                return all.contains(prefix + key);
            }

            @Override
            public Iterable<Map.Entry<String, V>> entries() throws Exception {
                if (entries != null) return entries;
                List<Map.Entry<String, V>> found = new ArrayList<>();
                for (Map.Entry<String, V> e : all.entries()) {
                    if (e.getKey().startsWith(prefix))
                        found.add(Map.entry(e.getKey().substring(prefix.length()), e.getValue()));
                }
                return found;
            }

            @Override
            public Iterable<String> keys() throws Exception {
                List<String> keys = new ArrayList<>();
                for (Map.Entry<String, V> e : entries()) keys.add(e.getKey());
                return keys;
            }

            @Override
            public Iterable<V> values() throws Exception {
                List<V> values = new ArrayList<>();
                for (Map.Entry<String, V> e : entries()) values.add(e.getValue());
                return values;
            }

            @Override
            public Iterator<Map.Entry<String, V>> iterator() throws Exception {
                return entries().iterator();
            }

            @Override
            public boolean isEmpty() throws Exception {
                return !iterator().hasNext();
            }

            @Override
            public void clear() {
                try {
                    for (String key : keys()) remove(key);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** A map that never holds anything (where a SKU-keyed ledger keeps what older versions kept). */
    static <V> MapState<String, V> none() {
        return map(new EmptyMap<>(), "", List.of());
    }

    private static final class EmptyMap<V> implements MapState<String, V> {
        @Override
        public V get(String key) {
            return null;
        }

        @Override
        public void put(String key, V value) {
            throw new UnsupportedOperationException("holds nothing");
        }

        @Override
        public void putAll(Map<String, V> values) {
            throw new UnsupportedOperationException("holds nothing");
        }

        @Override
        public void remove(String key) {}

        @Override
        public boolean contains(String key) {
            return false;
        }

        @Override
        public Iterable<Map.Entry<String, V>> entries() {
            return List.of();
        }

        @Override
        public Iterable<String> keys() {
            return List.of();
        }

        @Override
        public Iterable<V> values() {
            return List.of();
        }

        @Override
        public Iterator<Map.Entry<String, V>> iterator() {
            return entries().iterator();
        }

        @Override
        public boolean isEmpty() {
            return true;
        }

        @Override
        public void clear() {}
    }
}

package io.stockflow.flink.anomalies;

/** The operator's current key, read by heap-held states and set by them when they write a key's state back. */
interface HeapKeys {
    Object current();

    void select(Object key);
}

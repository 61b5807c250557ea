package io.stockflow.flink.io;

/** One output record: a Kafka key (may be null) and its JSON value. */
public class OutRecord {
    public String key;
    public String value;

    public OutRecord() {}

    public OutRecord(String key, String value) {
        this.key = key;
        this.value = value;
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}

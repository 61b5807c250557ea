package io.stockflow.flink.io;

import java.nio.charset.StandardCharsets;

/**
 * One output record: a Kafka key (may be null) and its JSON value as UTF-8 bytes, written as bytes where the record is
 * made, so the sinks send it as it is. Not kept in state: it lives from the JSON writer to the sink.
 */
public class OutRecord {
    public String key;
    public byte[] value;

    public OutRecord() {}

    public OutRecord(String key, byte[] value) {
        this.key = key;
        this.value = value;
    }

    /** A record of JSON text, encoded as UTF-8. */
    public OutRecord(String key, String value) {
        this(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The value as text. */
    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return key + "=" + text();
    }
}

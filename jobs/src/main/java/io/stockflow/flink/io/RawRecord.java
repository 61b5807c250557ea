package io.stockflow.flink.io;

import java.nio.charset.StandardCharsets;

/** One input record as it came: its bytes, and when stockflow received it (epoch millis). */
public class RawRecord {
    public byte[] value;
    public long receivedAt;

    public RawRecord() {}

    public RawRecord(byte[] value, long receivedAt) {
        this.value = value;
        this.receivedAt = receivedAt;
    }

    public static RawRecord of(String value, long receivedAt) {
        return new RawRecord(value.getBytes(StandardCharsets.UTF_8), receivedAt);
    }

    public String text() {
        return value == null ? "" : new String(value, StandardCharsets.UTF_8);
    }
}

package io.stockflow.alert;

/**
 * A record of the {@code alerts} topic. {@code alertId} is deterministic: the same breach always gets the same id.
 * {@code evidenceJson} is a rendered JSON object (see {@link Evidence}), so the record stays a plain Flink POJO.
 */
public class Alert {
    public String alertId;
    public String type;
    public Severity severity;
    public String orderId;
    public String sku;
    public String location;
    public String channel;
    public long eventTime;
    public long detectedAt;
    public Long windowStart;
    public Long windowEnd;
    public Double observed;
    public Double expected;
    public String message;
    public String evidenceJson;

    public Alert() {}

    @Override
    public String toString() {
        return type + " " + severity + " " + message + " [" + alertId + "]";
    }
}

package io.stockflow.model;

/** A record that could not be used, with the reason: the {@code deadletter} topic. */
public class DeadLetter {
    public String sourceTopic;
    public String error;
    public String raw;
    public long receivedAt;

    public DeadLetter() {}

    public DeadLetter(String sourceTopic, String error, String raw, long receivedAt) {
        this.sourceTopic = sourceTopic;
        this.error = error;
        this.raw = raw;
        this.receivedAt = receivedAt;
    }

    @Override
    public String toString() {
        return sourceTopic + ": " + error;
    }
}

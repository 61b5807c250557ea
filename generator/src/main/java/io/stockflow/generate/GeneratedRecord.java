package io.stockflow.generate;

import java.util.Objects;

/** One generated input record: the topic it goes to, its JSON text, its event time and, for test traffic, a label. */
public final class GeneratedRecord {
    public static final String ORDERS_RAW = "orders.raw";
    public static final String INVENTORY_MOVEMENTS = "inventory.movements";
    public static final String FULFILMENT_EVENTS = "fulfilment.events";

    public static final String DUPLICATE = "duplicate";
    public static final String BAD_PREFIX = "bad:";

    public final String topic;
    /** The record, one JSON object (broken on purpose for {@code bad:broken-json}). */
    public final String value;
    /**
     * When the record enters its topic, epoch millis: {@code received_at} for an envelope, {@code occurred_at} for a
     * movement or a fulfilment event. Records come in non-decreasing order of it.
     */
    public final long eventTime;
    /** Null for a normal record; {@code duplicate} for a re-delivery; {@code bad:<what>} for an unusable one. */
    public final String label;

    public GeneratedRecord(String topic, String value, long eventTime, String label) {
        this.topic = Objects.requireNonNull(topic);
        this.value = Objects.requireNonNull(value);
        this.eventTime = eventTime;
        this.label = label;
    }

    public boolean isBad() {
        return label != null && label.startsWith(BAD_PREFIX);
    }

    public boolean isDuplicate() {
        return DUPLICATE.equals(label);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GeneratedRecord)) return false;
        GeneratedRecord that = (GeneratedRecord) o;
        return eventTime == that.eventTime
                && topic.equals(that.topic)
                && value.equals(that.value)
                && Objects.equals(label, that.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, value, eventTime, label);
    }

    @Override
    public String toString() {
        return topic + " @" + eventTime + (label == null ? "" : " [" + label + "]") + " " + value;
    }
}

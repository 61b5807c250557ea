package io.stockflow.serve;

/**
 * One record in an order's timeline: which topic's kind of record it is, its event time, the id that makes a repeat
 * of it recognisable, and the record as it was on the topic.
 */
public record TimelineEntry(Kind kind, long eventTimeMillis, String id, String json) {
    /** The kinds, in the order they are listed when their event times tie. */
    public enum Kind {
        ORDER_EVENT("order_event"),
        DECISION("decision"),
        NOTIFICATION("notification"),
        ALERT("alert");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }
}

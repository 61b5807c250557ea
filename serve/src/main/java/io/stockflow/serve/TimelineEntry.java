package io.stockflow.serve;

/**
 * One record in an order's timeline: which topic's kind of record it is, its event time, a 64-bit digest of the id that
 * makes a repeat of it recognisable (a digest, not the id: the id is in the record already, and a million orders'
 * copies of it would cost more than the digests), and the record as it was on the topic.
 */
public record TimelineEntry(Kind kind, long eventTimeMillis, long idDigest, String json) {
    public TimelineEntry(Kind kind, long eventTimeMillis, String id, String json) {
        this(kind, eventTimeMillis, digest(id), json);
    }

    /** FNV-1a over the id's characters: ids within one order's records do not collide in practice. */
    static long digest(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

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

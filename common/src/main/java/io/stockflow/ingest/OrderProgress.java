package io.stockflow.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the per-order gate remembers of an order: whether its allocation was decided, its cancellation, its SKUs, and
 * the events already taken. Kept in one state value so that an event costs the gate one write.
 */
public class OrderProgress {
    /** The most event ids an order remembers; beyond it the oldest is forgotten (an order has a handful). */
    public static final int MAX_EVENTS = 256;

    public boolean decided;
    public boolean cancelled;
    public List<String> skus = new ArrayList<>();
    /** The marketplace reported shipping an order it fulfils itself; its units were taken from its location. */
    public boolean marketplaceShipped;
    /**
     * 64-bit hashes of the ids of the events taken, oldest first. Null in progress restored from a savepoint of the
     * older layout, which keeps the ids in a map state of their own.
     */
    public long[] events;

    public OrderProgress() {}

    public boolean took(long eventHash) {
        if (events == null) return false;
        for (long e : events) {
            if (e == eventHash) return true;
        }
        return false;
    }

    public void take(long eventHash) {
        if (events == null) {
            events = new long[] {eventHash};
        } else if (events.length < MAX_EVENTS) {
            events = Arrays.copyOf(events, events.length + 1);
            events[events.length - 1] = eventHash;
        } else {
            System.arraycopy(events, 1, events, 0, events.length - 1);
            events[events.length - 1] = eventHash;
        }
    }

    /**
     * A 64-bit FNV-1a hash of an event id, finished with a 64-bit mix. Ids are compared within one order only, where a
     * collision between two of at most {@link #MAX_EVENTS} ids is vanishingly unlikely.
     */
    public static long hash(String eventId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < eventId.length(); i++) {
            h ^= eventId.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}

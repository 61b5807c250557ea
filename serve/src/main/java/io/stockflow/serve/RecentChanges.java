package io.stockflow.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * The last availability changes the service saw, across all SKUs, in a ring of fixed size: a bound on memory that does
 * not grow with the catalogue. A SKU's recent changes are the ones of it still in the ring.
 */
final class RecentChanges {
    private final AvailabilityChange[] ring;
    private int next;
    private long written;

    RecentChanges(int capacity) {
        this.ring = new AvailabilityChange[capacity];
    }

    synchronized void add(AvailabilityChange change) {
        if (ring.length == 0) return;
        ring[next] = change;
        next = (next + 1) % ring.length;
        written++;
    }

    /** The SKU's changes still held, newest first, at most {@code limit}. */
    synchronized List<AvailabilityChange> of(String sku, int limit) {
        List<AvailabilityChange> out = new ArrayList<>();
        int held = (int) Math.min(written, ring.length);
        for (int k = 1; k <= held && out.size() < limit; k++) {
            AvailabilityChange c = ring[Math.floorMod(next - k, ring.length)];
            if (c.sku().equals(sku)) out.add(c);
        }
        return out;
    }
}

package io.stockflow.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The latest availability of every SKU at every location, kept compact: per SKU one {@code long[]} of four words per
 * position (on hand and reserved; safety stock and available; location number and version; as-of millis), replaced
 * whole on each change so that readers on other threads always see one consistent array. A record older than the one
 * held (a lower or equal version) changes nothing, as the contract's versions promise. SKUs are kept sorted, for the
 * prefix search.
 */
public final class AvailabilityView {
    private static final int WORDS = 4;
    private static final long VERSION_MASK = (1L << 48) - 1;

    private final ConcurrentSkipListMap<String, long[]> skus = new ConcurrentSkipListMap<>();
    private final LocationNames locations = new LocationNames();

    /** What applying a record did. */
    public enum Outcome {
        APPLIED,
        STALE,
        REFUSED
    }

    /** Applies one record; only the materializing thread calls this. The previous position, if any, goes to {@code previous}. */
    public Outcome apply(String sku, Position p, Position[] previous) {
        if (p.version() < 0 || p.version() > VERSION_MASK) return Outcome.REFUSED;
        int location = locations.id(p.location());
        if (location < 0) return Outcome.REFUSED;
        long[] old = skus.get(sku);
        int at = old == null ? -1 : indexOf(old, location);
        if (at >= 0) {
            if (version(old, at) >= p.version()) return Outcome.STALE;
            if (previous != null) previous[0] = position(old, at);
        }
        long[] next;
        if (at >= 0) {
            next = old.clone();
        } else {
            int n = old == null ? 0 : old.length;
            next = new long[n + WORDS];
            if (old != null) System.arraycopy(old, 0, next, 0, n);
            at = n / WORDS;
        }
        int i = at * WORDS;
        next[i] = pack(p.onHand(), p.reserved());
        next[i + 1] = pack(p.safetyStock(), p.available());
        next[i + 2] = ((long) location << 48) | p.version();
        next[i + 3] = p.asOfMillis();
        skus.put(sku, next);
        return Outcome.APPLIED;
    }

    /** The SKU's positions, the total ({@code "*"}) first, then by location name; empty when the SKU is unknown. */
    public List<Position> positions(String sku) {
        long[] words = skus.get(sku);
        if (words == null) return List.of();
        List<Position> out = new ArrayList<>(words.length / WORDS);
        for (int at = 0; at < words.length / WORDS; at++) out.add(position(words, at));
        out.sort((a, b) -> {
            if (a.location().equals(b.location())) return 0;
            if ("*".equals(a.location())) return -1;
            if ("*".equals(b.location())) return 1;
            return a.location().compareTo(b.location());
        });
        return out;
    }

    /** Up to {@code limit} SKUs starting with {@code prefix}, in order. */
    public List<String> skusStartingWith(String prefix, int limit) {
        List<String> out = new ArrayList<>();
        NavigableMap<String, long[]> tail = skus.tailMap(prefix, true);
        for (Map.Entry<String, long[]> e : tail.entrySet()) {
            if (!e.getKey().startsWith(prefix) || out.size() >= limit) break;
            out.add(e.getKey());
        }
        return out;
    }

    public int skuCount() {
        return skus.size();
    }

    public long positionCount() {
        long n = 0;
        for (long[] words : skus.values()) n += words.length / WORDS;
        return n;
    }

    private Position position(long[] words, int at) {
        int i = at * WORDS;
        return new Position(
                locations.name((int) (words[i + 2] >>> 48)),
                high(words[i]),
                low(words[i]),
                high(words[i + 1]),
                low(words[i + 1]),
                words[i + 2] & VERSION_MASK,
                words[i + 3]);
    }

    private static int indexOf(long[] words, int location) {
        for (int at = 0; at < words.length / WORDS; at++) if ((words[at * WORDS + 2] >>> 48) == location) return at;
        return -1;
    }

    private static long version(long[] words, int at) {
        return words[at * WORDS + 2] & VERSION_MASK;
    }

    private static long pack(int high, int low) {
        return ((long) high << 32) | (low & 0xffffffffL);
    }

    private static int high(long word) {
        return (int) (word >>> 32);
    }

    private static int low(long word) {
        return (int) word;
    }
}

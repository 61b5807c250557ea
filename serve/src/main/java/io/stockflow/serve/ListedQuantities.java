package io.stockflow.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each channel lists of a SKU, from {@code channel.sync}: the quantity of the newest accepted push per channel
 * and target (the SKU's availability version decides which is newest, whatever order the records arrive in). A push
 * the channel did not accept changed nothing there, so it is not what the channel lists. Per SKU one {@code long[]} of
 * three words per listing target (target number and availability version; quantity; pushed-at millis), replaced whole.
 */
final class ListedQuantities {
    private static final int WORDS = 3;
    private static final long VERSION_MASK = (1L << 48) - 1;

    /** A channel's listed quantity: {@code target} is the channel, or {@code channel@target} for a Shopify location. */
    record Listed(String target, int quantity, long availabilityVersion, long pushedAtMillis) {}

    private final ConcurrentHashMap<String, long[]> skus = new ConcurrentHashMap<>();
    private final LocationNames targets = new LocationNames();

    /**
     * Applies an accepted push; one older than the push held changes nothing. False when it cannot be kept (a version
     * out of range, too many targets).
     */
    boolean apply(String sku, String target, int quantity, long version, long pushedAtMillis) {
        if (version < 0 || version > VERSION_MASK) return false;
        int id = targets.id(target);
        if (id < 0) return false;
        long[] old = skus.get(sku);
        int at = -1;
        if (old != null) for (int i = 0; i < old.length / WORDS; i++) if ((old[i * WORDS] >>> 48) == id) at = i;
        long[] next;
        if (at >= 0) {
            if ((old[at * WORDS] & VERSION_MASK) > version) return true;
            next = old.clone();
        } else {
            int n = old == null ? 0 : old.length;
            next = new long[n + WORDS];
            if (old != null) System.arraycopy(old, 0, next, 0, n);
            at = n / WORDS;
        }
        next[at * WORDS] = ((long) id << 48) | version;
        next[at * WORDS + 1] = quantity;
        next[at * WORDS + 2] = pushedAtMillis;
        skus.put(sku, next);
        return true;
    }

    /** The SKU's listed quantities by target name; empty when no push of it was accepted. */
    List<Listed> of(String sku) {
        long[] words = skus.get(sku);
        List<Listed> out = new ArrayList<>();
        if (words == null) return out;
        for (int i = 0; i < words.length / WORDS; i++)
            out.add(new Listed(
                    targets.name((int) (words[i * WORDS] >>> 48)),
                    (int) words[i * WORDS + 1],
                    words[i * WORDS] & VERSION_MASK,
                    words[i * WORDS + 2]));
        out.sort((a, b) -> a.target().compareTo(b.target()));
        return out;
    }

    int skuCount() {
        return skus.size();
    }
}

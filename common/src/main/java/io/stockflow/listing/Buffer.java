package io.stockflow.listing;

import java.io.Serializable;

/**
 * What a channel keeps back of the units it may sell: {@code units} and {@code percent} (rounded up) are held back;
 * when fewer than {@code zeroBelow} units are sellable the channel lists 0 (a last unit is often damaged or in a
 * count); {@code cap} (null: none) is the most it lists.
 */
public record Buffer(long units, double percent, long zeroBelow, Long cap) implements Serializable {
    public static final Buffer NONE = new Buffer(0, 0, 0, null);

    /** The quantity to list when {@code sellable} units may be sold on the channel. */
    public long listed(long sellable) {
        if (sellable <= 0 || sellable < zeroBelow) return 0;
        long heldBack = units + (long) Math.ceil(sellable * percent / 100.0);
        long listed = Math.max(0, sellable - heldBack);
        return cap == null ? listed : Math.min(listed, cap);
    }
}

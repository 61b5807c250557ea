package io.stockflow.routing;

import java.io.Serializable;

/**
 * How an order may be split: {@code shipCompletePreferred} makes one location that can ship everything win over a
 * better-ranked split; at most {@code maxShipments} locations ship one order; without {@code allowBackorder} an order
 * that cannot ship in full is rejected.
 */
public record SplitPolicy(boolean shipCompletePreferred, int maxShipments, boolean allowBackorder)
        implements Serializable {
    public static final SplitPolicy DEFAULT = new SplitPolicy(true, 2, true);
}

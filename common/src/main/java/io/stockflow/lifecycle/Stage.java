package io.stockflow.lifecycle;

/**
 * Where an order is. Progress stages have a rank: an order never moves back to a lower rank, whatever order events
 * arrive in (a late "shipped" after "delivered" changes nothing). Final stages end the order's watch; a delivery
 * exception is an overlay on an order in the carrier's hands until the carrier reports progress again.
 */
public enum Stage {
    PLACED(0),
    ALLOCATED(1),
    BACKORDERED(1),
    PICKED(2),
    PACKED(3),
    SHIPPED(4),
    IN_TRANSIT(5),
    OUT_FOR_DELIVERY(6),
    AWAITING_PICKUP(6),
    DELIVERED(7),
    DELIVERY_EXCEPTION(-1),
    CANCELLED(-1),
    REFUNDED(-1),
    RETURNED(-1);

    public final int rank;

    Stage(int rank) {
        this.rank = rank;
    }

    public boolean isProgress() {
        return rank >= 0;
    }

    /** Nothing more is expected of the order: its state is kept a while for late events, then dropped. */
    public boolean isFinal() {
        return this == DELIVERED || this == CANCELLED || this == REFUNDED || this == RETURNED;
    }

    /** The parcel has left: the carrier's updates apply. */
    public boolean isShipped() {
        return rank >= SHIPPED.rank;
    }
}

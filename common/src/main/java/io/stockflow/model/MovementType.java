package io.stockflow.model;

/** Stock movement types of {@code inventory.movements}, with the sign each applies to on-hand. */
public enum MovementType {
    RECEIPT(Sign.POSITIVE),
    ADJUSTMENT(Sign.SIGNED),
    /** An absolute on-hand after a physical count. */
    COUNT(Sign.ABSOLUTE),
    TRANSFER_OUT(Sign.NEGATIVE),
    TRANSFER_IN(Sign.POSITIVE),
    RETURN_RESTOCK(Sign.POSITIVE),
    DAMAGED(Sign.NEGATIVE);

    /** How the movement's quantity applies to on-hand, and so which quantities are valid. */
    public enum Sign {
        POSITIVE,
        NEGATIVE,
        SIGNED,
        ABSOLUTE
    }

    public final Sign sign;

    MovementType(Sign sign) {
        this.sign = sign;
    }
}

package io.stockflow.tracking;

/** Carrier status in one vocabulary, whatever tracking provider reported it. */
public enum TrackingStatus {
    /** A label exists; the carrier does not have the parcel yet. */
    PRE_TRANSIT,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    /** Waiting at a pickup point or counter for the customer. */
    AVAILABLE_FOR_PICKUP,
    DELIVERED,
    /** The carrier tried to deliver and failed; it usually tries again. */
    ATTEMPT_FAILED,
    /** Held, damaged, lost, customs or address trouble: delivery is in doubt. */
    EXCEPTION,
    /** The parcel is on its way back, or back, to the sender. */
    RETURN_TO_SENDER,
    /** The provider stopped tracking: the label was voided or the tracker cancelled. */
    CANCELLED,
    /** The provider has no status (yet); informational only. */
    UNKNOWN;

    /** A status the customer and the team must hear about: delivery failed or is in doubt. */
    public boolean isDeliveryProblem() {
        return this == ATTEMPT_FAILED || this == EXCEPTION || this == RETURN_TO_SENDER;
    }
}

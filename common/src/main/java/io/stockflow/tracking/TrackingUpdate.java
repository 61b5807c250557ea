package io.stockflow.tracking;

/**
 * One carrier status update of {@code carrier.tracking}, whatever provider sent it: a compact Flink POJO. Times are
 * epoch milliseconds (UTC); absent optional values are null.
 */
public class TrackingUpdate {
    /** Deterministic from the payload: a retried webhook gets the same id. */
    public String eventId;
    /** The provider: easypost, aftership, shippo. */
    public String source;
    /** Normalized: upper case, without spaces, so the warehouse's and the provider's spelling agree. */
    public String trackingCode;

    public String carrier;
    public TrackingStatus status;
    /** The provider's own status word(s), e.g. {@code AttemptFail} or {@code FAILURE/delivery_attempted}. */
    public String providerStatus;
    /** The carrier's latest message, for people. */
    public String detail;

    public long occurredAt;
    public long receivedAt;
    /** The carrier's estimated delivery, when it gives one. */
    public Long estimatedDelivery;

    public TrackingUpdate() {}

    @Override
    public String toString() {
        return status + " " + trackingCode + " (" + source + " " + providerStatus + ") @" + occurredAt;
    }
}

package io.stockflow.channels;

/**
 * What became of one shipment confirmation or order cancellation: its status, the reason when it was not accepted,
 * the requests sent for it (reads included), and whether the channel had it already (read back, nothing written).
 */
public record ShipmentOutcome(CallStatus status, String reason, int attempts, boolean foundOnChannel) {
    static ShipmentOutcome accepted(int attempts) {
        return new ShipmentOutcome(CallStatus.ACCEPTED, null, attempts, false);
    }

    static ShipmentOutcome found(int attempts) {
        return new ShipmentOutcome(CallStatus.ACCEPTED, null, attempts, true);
    }

    static ShipmentOutcome refused(String reason, int attempts) {
        return new ShipmentOutcome(CallStatus.REFUSED, reason, attempts, false);
    }

    /** The same outcome with {@code earlier} requests more counted. */
    ShipmentOutcome after(int earlier) {
        return new ShipmentOutcome(status, reason, attempts + earlier, foundOnChannel);
    }
}

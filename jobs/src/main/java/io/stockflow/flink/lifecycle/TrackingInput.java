package io.stockflow.flink.lifecycle;

import io.stockflow.tracking.TrackingUpdate;

/**
 * What reaches the tracking-code linker: a shipment naming an order's tracking code (from a warehouse or marketplace
 * SHIPPED event), or a carrier update. Exactly one of {@code orderId} (with {@code trackingCode}) or {@code update}.
 */
public class TrackingInput {
    public String trackingCode;
    public String orderId;
    /** The location the shipment left from, when its event says. */
    public String location;

    public long time;
    public TrackingUpdate update;

    public TrackingInput() {}

    public static TrackingInput link(String trackingCode, String orderId, String location, long time) {
        TrackingInput in = new TrackingInput();
        in.trackingCode = trackingCode;
        in.orderId = orderId;
        in.location = location;
        in.time = time;
        return in;
    }

    public static TrackingInput of(TrackingUpdate update) {
        TrackingInput in = new TrackingInput();
        in.trackingCode = update.trackingCode;
        in.update = update;
        in.time = update.occurredAt;
        return in;
    }

    /** Equal times: the link first, so an update of the same instant finds its order. */
    public String sequenceKey() {
        return update == null ? "0|" + orderId : "1|" + update.eventId;
    }
}

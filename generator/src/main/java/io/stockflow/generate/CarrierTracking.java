package io.stockflow.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Carrier updates of {@code carrier.tracking} for a shipped parcel, as EasyPost's {@code tracker.updated} webhooks:
 * in transit hours after the shipment, out for delivery, delivered within the level's transit days; a small share
 * arrives days late. Each parcel draws from a random of its own tracking code, so adding tracking to a run changes
 * none of its other records.
 */
final class CarrierTracking {
    static final String TOPIC = "carrier.tracking";
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    /** Share of tracked parcels delivered after their transit days. */
    static final double LATE_SHARE = 0.04;

    private long next;

    /** The updates of one parcel, in time order. */
    List<GeneratedRecord> updates(String carrier, String trackingCode, SimOrder o, long shippedAt) {
        SplittableRandom r = new SplittableRandom(trackingCode.hashCode() * 0x9E3779B97F4A7C15L + shippedAt);
        long transit = o.level.transitDays * DAY;
        long inTransit = shippedAt + 2 * HOUR + r.nextLong(8 * HOUR);
        long delivered = r.nextDouble() < LATE_SHARE
                ? shippedAt + transit + DAY + r.nextLong(2 * DAY)
                : shippedAt + (long) (transit * (0.4 + 0.45 * r.nextDouble()));
        delivered = Math.max(delivered, inTransit + 4 * HOUR);
        long outForDelivery = Math.max(inTransit + HOUR, delivered - 2 * HOUR - r.nextLong(4 * HOUR));
        List<GeneratedRecord> out = new ArrayList<>(3);
        out.add(update(carrier, trackingCode, "in_transit", "Departed from origin facility", inTransit, delivered));
        out.add(update(carrier, trackingCode, "out_for_delivery", "Out for delivery", outForDelivery, delivered));
        out.add(update(carrier, trackingCode, "delivered", "Delivered", delivered, delivered));
        return out;
    }

    private GeneratedRecord update(String carrier, String code, String status, String message, long at, long eta) {
        ObjectNode result = Formats.object();
        result.put("id", "trk_" + Integer.toHexString(code.hashCode()));
        result.put("object", "Tracker");
        result.put("mode", "production");
        result.put("tracking_code", code);
        result.put("status", status);
        result.put("status_detail", status);
        result.put("carrier", carrier);
        result.put("updated_at", Formats.instant(at));
        ArrayNode details = result.putArray("tracking_details");
        ObjectNode detail = details.addObject();
        detail.put("object", "TrackingDetail");
        detail.put("message", message);
        detail.put("status", status);
        detail.put("datetime", Formats.instant(at));
        result.put("est_delivery_date", Formats.instant(eta));
        ObjectNode event = Formats.object();
        event.put("object", "Event");
        event.put("description", "tracker.updated");
        event.put("id", "evt_" + Formats.digits(++next, 10));
        event.set("result", result);
        ObjectNode envelope = Formats.object();
        envelope.put("source", "easypost");
        long received = at + MINUTE;
        envelope.put("received_at", Formats.instant(received));
        envelope.set("payload", event);
        return new GeneratedRecord(TOPIC, Formats.write(envelope), received, null);
    }
}

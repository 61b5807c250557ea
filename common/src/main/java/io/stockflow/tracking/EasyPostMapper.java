package io.stockflow.tracking;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import java.util.Map;

/**
 * EasyPost webhooks: an {@code Event} ({@code tracker.created}, {@code tracker.updated}) whose {@code result} is a
 * {@code Tracker} with {@code tracking_code}, {@code status}, {@code carrier}, {@code est_delivery_date} and
 * {@code tracking_details[]} (each with {@code status}, {@code message}, {@code datetime}).
 */
final class EasyPostMapper implements ProviderMapper {
    private static final Map<String, TrackingStatus> STATUSES = Map.ofEntries(
            Map.entry("unknown", TrackingStatus.UNKNOWN),
            Map.entry("pre_transit", TrackingStatus.PRE_TRANSIT),
            Map.entry("in_transit", TrackingStatus.IN_TRANSIT),
            Map.entry("out_for_delivery", TrackingStatus.OUT_FOR_DELIVERY),
            Map.entry("available_for_pickup", TrackingStatus.AVAILABLE_FOR_PICKUP),
            Map.entry("delivered", TrackingStatus.DELIVERED),
            Map.entry("return_to_sender", TrackingStatus.RETURN_TO_SENDER),
            Map.entry("failure", TrackingStatus.ATTEMPT_FAILED),
            Map.entry("error", TrackingStatus.EXCEPTION),
            Map.entry("cancelled", TrackingStatus.CANCELLED));

    @Override
    public String source() {
        return "easypost";
    }

    @Override
    public TrackingUpdate map(JsonFields event) throws InvalidRecordException {
        String description = event.optText("description");
        if (description != null && !description.startsWith("tracker.")) {
            throw event.invalid("description", "must be a tracker event (tracker.created or tracker.updated)");
        }
        JsonFields tracker = event.object("result");
        String object = tracker.optText("object");
        if (object != null && !object.equals("Tracker")) throw tracker.invalid("object", "must be Tracker");
        TrackingUpdate u = new TrackingUpdate();
        u.trackingCode = Providers.trackingCode(tracker, "tracking_code");
        u.carrier = tracker.optNonBlank("carrier");
        u.status = Providers.status(tracker, "status", STATUSES);
        String status = tracker.text("status");
        String detail = tracker.optNonBlank("status_detail");
        u.providerStatus = detail == null ? status : status + "/" + detail;
        // EasyPost reports a failed attempt and a final failure alike; its detail tells a return apart.
        if (u.status == TrackingStatus.ATTEMPT_FAILED && detail != null && detail.contains("return")) {
            u.status = TrackingStatus.RETURN_TO_SENDER;
        }
        u.estimatedDelivery = tracker.optTime("est_delivery_date");
        JsonFields latest = Providers.latest(tracker.optArray("tracking_details"), "datetime");
        if (latest != null) {
            u.occurredAt = latest.time("datetime");
            u.detail = latest.optNonBlank("message");
        } else {
            Long updated = tracker.optTime("updated_at");
            u.occurredAt = updated != null ? updated : Providers.UNSET;
        }
        return u;
    }
}

package io.stockflow.tracking;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import java.util.Map;

/**
 * Shippo {@code track_updated} webhooks: {@code data} is the track, with {@code tracking_number}, {@code carrier},
 * {@code eta} and {@code tracking_status} ({@code status}, {@code substatus.code}, {@code status_details},
 * {@code status_date}). The substatus refines TRANSIT and FAILURE: out for delivery, ready for pickup, a failed
 * attempt, a return.
 */
final class ShippoMapper implements ProviderMapper {
    private static final Map<String, TrackingStatus> STATUSES = Map.of(
            "UNKNOWN", TrackingStatus.UNKNOWN,
            "PRE_TRANSIT", TrackingStatus.PRE_TRANSIT,
            "TRANSIT", TrackingStatus.IN_TRANSIT,
            "DELIVERED", TrackingStatus.DELIVERED,
            "RETURNED", TrackingStatus.RETURN_TO_SENDER,
            "FAILURE", TrackingStatus.EXCEPTION);
    private static final Map<String, TrackingStatus> SUBSTATUSES = Map.of(
            "out_for_delivery", TrackingStatus.OUT_FOR_DELIVERY,
            "pickup_available", TrackingStatus.AVAILABLE_FOR_PICKUP,
            "delivery_attempted", TrackingStatus.ATTEMPT_FAILED,
            "return_to_sender", TrackingStatus.RETURN_TO_SENDER,
            "package_returned", TrackingStatus.RETURN_TO_SENDER);

    @Override
    public String source() {
        return "shippo";
    }

    @Override
    public TrackingUpdate map(JsonFields webhook) throws InvalidRecordException {
        String event = webhook.optText("event");
        if (event != null && !event.equals("track_updated")) throw webhook.invalid("event", "must be track_updated");
        JsonFields data = webhook.object("data");
        TrackingUpdate u = new TrackingUpdate();
        u.trackingCode = Providers.trackingCode(data, "tracking_number");
        u.carrier = data.optNonBlank("carrier");
        JsonFields status = data.object("tracking_status");
        String word = status.text("status");
        u.status = Providers.status(status, "status", STATUSES);
        JsonFields substatus = status.optObject("substatus");
        String code = substatus == null ? null : substatus.optNonBlank("code");
        u.providerStatus = code == null ? word : word + "/" + code;
        TrackingStatus refined = code == null ? null : SUBSTATUSES.get(code);
        if (refined != null && u.status != TrackingStatus.DELIVERED) u.status = refined;
        u.detail = status.optNonBlank("status_details");
        u.estimatedDelivery = data.optTime("eta");
        Long at = status.optTime("status_date");
        u.occurredAt = at != null ? at : Providers.UNSET;
        return u;
    }
}

package io.stockflow.tracking;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * AfterShip tracking webhooks: {@code msg} is the tracking, with {@code tracking_number}, {@code slug} (the carrier),
 * {@code tag} (its delivery status), {@code subtag}, {@code expected_delivery} and {@code checkpoints[]} (each with
 * {@code checkpoint_time}, which carriers give in local time, sometimes without an offset: then it is read as UTC).
 */
final class AfterShipMapper implements ProviderMapper {
    private static final Map<String, TrackingStatus> TAGS = Map.of(
            "Pending", TrackingStatus.UNKNOWN,
            "InfoReceived", TrackingStatus.PRE_TRANSIT,
            "InTransit", TrackingStatus.IN_TRANSIT,
            "OutForDelivery", TrackingStatus.OUT_FOR_DELIVERY,
            "AvailableForPickup", TrackingStatus.AVAILABLE_FOR_PICKUP,
            "Delivered", TrackingStatus.DELIVERED,
            "AttemptFail", TrackingStatus.ATTEMPT_FAILED,
            "Exception", TrackingStatus.EXCEPTION,
            // No tracking information for 30 days: the parcel may be lost.
            "Expired", TrackingStatus.EXCEPTION);

    @Override
    public String source() {
        return "aftership";
    }

    @Override
    public TrackingUpdate map(JsonFields webhook) throws InvalidRecordException {
        JsonFields msg = webhook.object("msg");
        TrackingUpdate u = new TrackingUpdate();
        u.trackingCode = Providers.trackingCode(msg, "tracking_number");
        u.carrier = msg.optNonBlank("slug");
        String tag = msg.text("tag");
        u.status = Providers.status(msg, "tag", TAGS);
        String subtag = msg.optNonBlank("subtag");
        u.providerStatus = subtag == null ? tag : tag + "/" + subtag;
        String subtagMessage = msg.optNonBlank("subtag_message");
        if (u.status == TrackingStatus.EXCEPTION
                && subtagMessage != null
                && subtagMessage.toLowerCase(Locale.ROOT).contains("return")) {
            u.status = TrackingStatus.RETURN_TO_SENDER;
        }
        String expected = msg.optNonBlank("expected_delivery");
        if (expected != null)
            u.estimatedDelivery =
                    expected.length() == 10 ? dateAtUtcMidnight(msg, expected) : msg.utcTime("expected_delivery");
        JsonFields latest = Providers.latest(msg.optArray("checkpoints"), c -> c.utcTime("checkpoint_time"));
        if (latest != null) {
            u.occurredAt = latest.utcTime("checkpoint_time");
            u.detail = latest.optNonBlank("message");
        } else {
            Long updated = msg.optTime("updated_at");
            u.occurredAt = updated != null ? updated : Providers.UNSET;
        }
        if (u.detail == null) u.detail = subtagMessage;
        return u;
    }

    /** AfterShip often gives the expected delivery as a date only. */
    private static long dateAtUtcMidnight(JsonFields msg, String date) throws InvalidRecordException {
        try {
            return LocalDate.parse(date)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            throw msg.invalid("expected_delivery", "must be an ISO-8601 date or time");
        }
    }
}

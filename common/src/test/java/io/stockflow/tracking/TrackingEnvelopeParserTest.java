package io.stockflow.tracking;

import static io.stockflow.ingest.Fixtures.bytes;
import static io.stockflow.ingest.Fixtures.millis;
import static io.stockflow.ingest.Fixtures.with;
import static io.stockflow.ingest.Fixtures.without;
import static io.stockflow.tracking.TrackingPayloads.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.json.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrackingEnvelopeParserTest {
    private final TrackingEnvelopeParser parser = new TrackingEnvelopeParser();

    private TrackingUpdate parse(ObjectNode record) throws InvalidRecordException {
        return parser.parse(bytes(record));
    }

    @Test
    void readsAnEasyPostTrackerUpdateAtItsLatestTrackingDetail() throws Exception {
        TrackingUpdate u = parse(record("easypost-tracker-updated.json"));

        assertThat(u.source).isEqualTo("easypost");
        assertThat(u.trackingCode).as("normalized: no spaces").isEqualTo("9400100000000000000000");
        assertThat(u.carrier).isEqualTo("USPS");
        assertThat(u.status).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(u.providerStatus).isEqualTo("out_for_delivery/out_for_delivery");
        assertThat(u.occurredAt)
                .as("the latest detail, whatever its position")
                .isEqualTo(millis("2026-11-27T14:58:00Z"));
        assertThat(u.detail).isEqualTo("Out for Delivery");
        assertThat(u.estimatedDelivery).isEqualTo(millis("2026-11-27T20:00:00Z"));
        assertThat(u.receivedAt).isEqualTo(millis("2026-11-27T15:00:05Z"));
        assertThat(u.eventId).startsWith("easypost:9400100000000000000000:OUT_FOR_DELIVERY:");
    }

    @Test
    void mapsEveryEasyPostStatus() throws Exception {
        String[][] cases = {
            {"unknown", "UNKNOWN"},
            {"pre_transit", "PRE_TRANSIT"},
            {"in_transit", "IN_TRANSIT"},
            {"out_for_delivery", "OUT_FOR_DELIVERY"},
            {"available_for_pickup", "AVAILABLE_FOR_PICKUP"},
            {"delivered", "DELIVERED"},
            {"return_to_sender", "RETURN_TO_SENDER"},
            {"failure", "ATTEMPT_FAILED"},
            {"error", "EXCEPTION"},
            {"cancelled", "CANCELLED"}
        };
        for (String[] c : cases) {
            ObjectNode r = with(record("easypost-tracker-updated.json"), "/payload/result/status", c[0]);
            assertThat(parse(r).status).as(c[0]).isEqualTo(TrackingStatus.valueOf(c[1]));
        }
    }

    @Test
    void takesTheTrackerUpdateTimeWhenThereAreNoDetails() throws Exception {
        ObjectNode r = without(record("easypost-tracker-updated.json"), "/payload/result/tracking_details");
        assertThat(parse(r).occurredAt).isEqualTo(millis("2026-11-27T15:00:02Z"));
    }

    @Test
    void readsAnAfterShipFailedAttemptWithItsLocalCheckpointTime() throws Exception {
        TrackingUpdate u = parse(record("aftership-attempt-fail.json"));

        assertThat(u.source).isEqualTo("aftership");
        assertThat(u.trackingCode).isEqualTo("1Z999AA10123456784");
        assertThat(u.carrier).isEqualTo("ups");
        assertThat(u.status).isEqualTo(TrackingStatus.ATTEMPT_FAILED);
        assertThat(u.providerStatus).isEqualTo("AttemptFail/AttemptFail_001");
        assertThat(u.occurredAt).as("12:25 at -05:00").isEqualTo(millis("2026-11-28T17:25:00Z"));
        assertThat(u.detail).startsWith("The receiver was not available");
        assertThat(u.estimatedDelivery)
                .as("a date alone is read as midnight UTC")
                .isEqualTo(millis("2026-11-30T00:00:00Z"));
    }

    @Test
    void mapsEveryAfterShipTagAndTellsAReturnFromOtherExceptions() throws Exception {
        String[][] cases = {
            {"Pending", "UNKNOWN"},
            {"InfoReceived", "PRE_TRANSIT"},
            {"InTransit", "IN_TRANSIT"},
            {"OutForDelivery", "OUT_FOR_DELIVERY"},
            {"AvailableForPickup", "AVAILABLE_FOR_PICKUP"},
            {"Delivered", "DELIVERED"},
            {"AttemptFail", "ATTEMPT_FAILED"},
            {"Exception", "EXCEPTION"},
            {"Expired", "EXCEPTION"}
        };
        for (String[] c : cases) {
            ObjectNode r = with(record("aftership-attempt-fail.json"), "/payload/msg/tag", c[0]);
            with(r, "/payload/msg/subtag_message", "Status update");
            assertThat(parse(r).status).as(c[0]).isEqualTo(TrackingStatus.valueOf(c[1]));
        }
        ObjectNode returned = with(record("aftership-attempt-fail.json"), "/payload/msg/tag", "Exception");
        with(returned, "/payload/msg/subtag_message", "Returned to sender");
        assertThat(parse(returned).status).isEqualTo(TrackingStatus.RETURN_TO_SENDER);
    }

    @Test
    void readsAShippoFailureWithItsSubstatus() throws Exception {
        TrackingUpdate u = parse(record("shippo-track-updated.json"));

        assertThat(u.source).isEqualTo("shippo");
        assertThat(u.trackingCode).isEqualTo("92055901755477000000000015");
        assertThat(u.carrier).isEqualTo("usps");
        assertThat(u.status).isEqualTo(TrackingStatus.EXCEPTION);
        assertThat(u.providerStatus).isEqualTo("FAILURE/address_issue");
        assertThat(u.occurredAt).isEqualTo(millis("2026-11-29T09:58:00Z"));
        assertThat(u.detail).contains("address is incomplete");
        assertThat(u.estimatedDelivery).isEqualTo(millis("2026-11-30T18:00:00Z"));
    }

    @Test
    void refinesShippoStatusesBySubstatus() throws Exception {
        String[][] cases = {
            {"PRE_TRANSIT", "information_received", "PRE_TRANSIT"},
            {"TRANSIT", "package_departed", "IN_TRANSIT"},
            {"TRANSIT", "out_for_delivery", "OUT_FOR_DELIVERY"},
            {"TRANSIT", "pickup_available", "AVAILABLE_FOR_PICKUP"},
            {"DELIVERED", "delivered", "DELIVERED"},
            {"FAILURE", "delivery_attempted", "ATTEMPT_FAILED"},
            {"RETURNED", "return_to_sender", "RETURN_TO_SENDER"},
            {"FAILURE", "package_lost", "EXCEPTION"},
            {"UNKNOWN", "other", "UNKNOWN"}
        };
        for (String[] c : cases) {
            ObjectNode r = with(record("shippo-track-updated.json"), "/payload/data/tracking_status/status", c[0]);
            with(r, "/payload/data/tracking_status/substatus/code", c[1]);
            assertThat(parse(r).status).as(c[0] + "/" + c[1]).isEqualTo(TrackingStatus.valueOf(c[2]));
        }
    }

    @Test
    void aRetriedWebhookGetsTheSameEventIdAndAnotherStatusAnother() throws Exception {
        ObjectNode first = record("shippo-track-updated.json");
        ObjectNode retried = with(record("shippo-track-updated.json"), "/received_at", "2026-11-29T10:05:00Z");
        ObjectNode next = with(
                record("shippo-track-updated.json"),
                "/payload/data/tracking_status/status_date",
                "2026-11-30T09:00:00Z");

        assertThat(parse(retried).eventId).isEqualTo(parse(first).eventId);
        assertThat(parse(next).eventId).isNotEqualTo(parse(first).eventId);
    }

    @Test
    void refusesWithAPreciseReason() {
        assertReason(
                record("easypost-tracker-updated.json").put("source", "fedex"),
                "unknown tracking provider 'fedex' (expected one of easypost, aftership, shippo)");
        assertReason(
                with(record("easypost-tracker-updated.json"), "/payload/result/status", "lost_in_space"),
                "unknown tracking status 'lost_in_space' in field 'payload.result.status'");
        assertReason(
                with(record("aftership-attempt-fail.json"), "/payload/msg/tag", "Teleported"),
                "unknown tracking status 'Teleported' in field 'payload.msg.tag'");
        assertReason(
                with(record("shippo-track-updated.json"), "/payload/data/tracking_status/status", "LOST"),
                "unknown tracking status 'LOST' in field 'payload.data.tracking_status.status'");
        assertReason(
                without(record("shippo-track-updated.json"), "/payload/data/tracking_number"),
                "missing field 'payload.data.tracking_number'");
        assertReason(without(record("aftership-attempt-fail.json"), "/payload/msg"), "missing field 'payload.msg'");
        assertReason(
                with(record("easypost-tracker-updated.json"), "/payload/description", "batch.updated"),
                "field 'payload.description' must be a tracker event");
        assertReason(
                with(record("shippo-track-updated.json"), "/payload/event", "transaction_created"),
                "field 'payload.event' must be track_updated");
        assertReason(
                with(record("aftership-attempt-fail.json"), "/payload/msg/checkpoints/1/checkpoint_time", "yesterday"),
                "field 'payload.msg.checkpoints[1].checkpoint_time' must be an ISO-8601 time");
    }

    @Test
    void refusesBadJson() {
        assertThatThrownBy(() -> parser.parse("{\"source\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith("record is not JSON");
    }

    private void assertReason(ObjectNode record, String reason) {
        assertThatThrownBy(() -> parse(record))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining(reason);
    }
}

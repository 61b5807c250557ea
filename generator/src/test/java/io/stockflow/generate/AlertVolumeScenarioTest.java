package io.stockflow.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stockflow.ingest.IngestLimits;
import io.stockflow.ingest.MovementParser;
import io.stockflow.model.Movement;
import io.stockflow.model.MovementType;
import io.stockflow.tracking.TrackingCodes;
import io.stockflow.tracking.TrackingEnvelopeParser;
import io.stockflow.tracking.TrackingStatus;
import io.stockflow.tracking.TrackingUpdate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The alert-volume scenario: carrier updates for every parcel but the silent carrier's, and one SKU sold out. */
class AlertVolumeScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<GeneratedRecord> records = new ArrayList<>();

    @BeforeAll
    static void generate() {
        GeneratorSettings s = Scenarios.alertVolume(7, 4);
        s.ordersPerHour = 40;
        new TrafficGenerator(s).records().forEachRemaining(records::add);
    }

    @Test
    void everyParcelOfACarrierThatReportsIsTrackedToTheDoorAndTheSilentCarriersNever() throws Exception {
        Map<String, String> carrierByCode = new HashMap<>();
        for (GeneratedRecord r : records) {
            if (!r.topic.equals(GeneratedRecord.FULFILMENT_EVENTS) || r.isBad()) continue;
            JsonNode e = JSON.readTree(r.value);
            carrierByCode.put(
                    TrackingCodes.normalize(e.path("tracking_code").asText()),
                    e.path("carrier").asText());
        }
        Map<String, List<TrackingStatus>> updates = new HashMap<>();
        TrackingEnvelopeParser parser = new TrackingEnvelopeParser();
        long last = Long.MIN_VALUE;
        for (GeneratedRecord r : records) {
            assertThat(r.eventTime).as("in time order").isGreaterThanOrEqualTo(last);
            last = r.eventTime;
            if (!r.topic.equals(CarrierTracking.TOPIC)) continue;
            TrackingUpdate u = parser.parse(r.value.getBytes(StandardCharsets.UTF_8));
            updates.computeIfAbsent(TrackingCodes.normalize(u.trackingCode), c -> new ArrayList<>())
                    .add(u.status);
        }
        assertThat(carrierByCode).containsValue(Scenarios.SILENT_CARRIER);
        carrierByCode.forEach((code, carrier) -> {
            if (carrier.equals(Scenarios.SILENT_CARRIER)) {
                assertThat(updates).as(code).doesNotContainKey(code);
            } else {
                assertThat(updates.get(code))
                        .as(code)
                        .containsExactly(
                                TrackingStatus.IN_TRANSIT, TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERED);
            }
        });
    }

    @Test
    void theSoldOutSkuIsCountedAtZeroAfterADayAndFoundAgainTwoDaysLaterWithNoReceiptBetween() throws Exception {
        MovementParser parser = new MovementParser(IngestLimits.DEFAULTS);
        List<String> counts = new ArrayList<>();
        long receiptsWhileSoldOut = 0;
        long from = Scenarios.alertVolume(7, 4).start.toEpochMilli() + 86_400_000L;
        long until = from + 2 * 86_400_000L;
        for (GeneratedRecord r : records) {
            if (!r.topic.equals(GeneratedRecord.INVENTORY_MOVEMENTS) || r.isBad()) continue;
            Movement m = parser.parse(r.value.getBytes(StandardCharsets.UTF_8));
            if (!m.sku.equals("SKU-00003")) continue;
            if (m.type == MovementType.COUNT && (m.quantity == 0 || m.occurredAt == until)) {
                counts.add(m.location + (m.quantity == 0 ? " 0" : " back"));
            }
            if (m.type == MovementType.RECEIPT && m.occurredAt >= from && m.occurredAt < until) receiptsWhileSoldOut++;
        }
        assertThat(counts)
                .containsExactly(
                        "WH-EAST 0", "WH-WEST 0", "STORE-NYC 0", "WH-EAST back", "WH-WEST back", "STORE-NYC back");
        assertThat(receiptsWhileSoldOut).isZero();
    }
}

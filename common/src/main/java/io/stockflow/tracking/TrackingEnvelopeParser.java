package io.stockflow.tracking;

import io.stockflow.ingest.Hashes;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one {@code carrier.tracking} record, {@code {"source", "received_at", "payload"}}: the payload goes to its
 * provider's mapper; the event id (from the payload only, so a retried webhook gets the same id) and the receipt time
 * are set here. An update whose payload names no event time takes {@code received_at}.
 */
public final class TrackingEnvelopeParser {
    private final Map<String, ProviderMapper> mappers = new LinkedHashMap<>();

    public TrackingEnvelopeParser() {
        for (ProviderMapper m : List.of(new EasyPostMapper(), new AfterShipMapper(), new ShippoMapper())) {
            mappers.put(m.source(), m);
        }
    }

    public TrackingUpdate parse(byte[] record) throws InvalidRecordException {
        JsonFields envelope = JsonFields.parse(record);
        String source = envelope.text("source");
        ProviderMapper mapper = mappers.get(source);
        if (mapper == null) {
            throw new InvalidRecordException("unknown tracking provider '" + source + "' (expected one of "
                    + String.join(", ", mappers.keySet()) + ")");
        }
        long receivedAt = envelope.time("received_at");
        JsonFields payload = envelope.object("payload");
        TrackingUpdate u = mapper.map(payload);
        u.source = source;
        u.receivedAt = receivedAt;
        if (u.occurredAt == Providers.UNSET) u.occurredAt = receivedAt;
        u.eventId = source + ":" + u.trackingCode + ":" + u.status + ":" + Hashes.payloadFingerprint(payload);
        return u;
    }
}

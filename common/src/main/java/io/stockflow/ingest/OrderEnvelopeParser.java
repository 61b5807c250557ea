package io.stockflow.ingest;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Parses one {@code orders.raw} record, {@code {"source", "kind", "received_at", "payload"}}, into a canonical
 * {@link OrderEvent}: the payload goes to the mapper of its marketplace; channel, order id, event id and receipt time
 * are set here, the same way for every marketplace.
 */
public final class OrderEnvelopeParser {
    private final Map<String, MarketplaceMapper> mappers = new LinkedHashMap<>();

    /** Contact details digested without a key: for reading event times and for tests. */
    public OrderEnvelopeParser(IngestLimits limits) {
        this(limits, ContactHashes.UNKEYED);
    }

    public OrderEnvelopeParser(IngestLimits limits, ContactHashes hashes) {
        LimitChecks checks = new LimitChecks(limits);
        for (MarketplaceMapper mapper : List.of(
                new ShopifyMapper(checks, hashes),
                new AmazonMapper(checks),
                new EbayMapper(checks, hashes),
                new WooCommerceMapper(checks, hashes))) {
            mappers.put(mapper.source(), mapper);
        }
    }

    public OrderEvent parse(byte[] record) throws InvalidRecordException {
        return parse(record, contact -> {});
    }

    /**
     * Parses the record and hands the order's raw contact details to {@code contacts} when it places an order and its
     * payload has an email or phone: one contact per order (a re-delivered order hands it again, the same), never
     * kept in the returned event, which carries only their digests.
     */
    public OrderEvent parse(byte[] record, Consumer<OrderContact> contacts) throws InvalidRecordException {
        JsonFields envelope = JsonFields.parse(record);
        String source = envelope.text("source");
        MarketplaceMapper mapper = mappers.get(source);
        if (mapper == null) {
            throw new InvalidRecordException(
                    "unknown source '" + source + "' (expected one of " + String.join(", ", mappers.keySet()) + ")");
        }
        String kind = envelope.text("kind");
        if (!mapper.kinds().contains(kind)) {
            throw new InvalidRecordException("unknown kind '" + kind + "' for source '" + source + "' (expected one of "
                    + String.join(", ", mapper.kinds()) + ")");
        }
        long receivedAt = envelope.time("received_at");
        JsonFields payload = envelope.object("payload");

        OrderEvent event = mapper.map(kind, payload);
        event.channel = source;
        event.orderId = source + ":" + event.marketplaceOrderId;
        // From the payload only: a retried delivery (another received_at) gets the same id and is dropped downstream.
        event.eventId = event.orderId + ":" + kind + ":" + Hashes.payloadFingerprint(payload);
        event.receivedAt = receivedAt;
        if (event.type == OrderEventType.PLACED) {
            OrderContact contact = mapper.contact(kind, payload);
            if (contact != null) {
                contact.orderId = event.orderId;
                contact.timeZone = ShipToTimeZones.of(event.shipCountry, event.shipRegion);
                contacts.accept(contact);
            }
        }
        return event;
    }
}

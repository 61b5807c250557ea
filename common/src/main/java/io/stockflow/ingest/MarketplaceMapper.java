package io.stockflow.ingest;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.model.OrderEvent;
import java.util.List;

/**
 * Reads one marketplace's native payload into a canonical {@link OrderEvent}. It fills what the payload says
 * (marketplace order id, type, status, times, money, address, lines, ...); the envelope parser adds channel,
 * order id, event id and receipt time.
 */
interface MarketplaceMapper {
    /** The envelope {@code source} this mapper reads. */
    String source();

    /** The envelope {@code kind}s it understands, in documentation order. */
    List<String> kinds();

    OrderEvent map(String kind, JsonFields payload) throws InvalidRecordException;

    /**
     * The buyer's raw email and phone in a payload of {@code kind} that {@link #map} accepted, from the same fields
     * whose digests it writes; null when the payload has none. Only for {@code customers.contacts}.
     */
    OrderContact contact(String kind, JsonFields payload) throws InvalidRecordException;
}

package io.stockflow.tracking;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;

/**
 * Reads one tracking provider's webhook body into a {@link TrackingUpdate}: tracking code, carrier, status in our
 * vocabulary, the time of the latest carrier event. Envelope fields (source, received time, event id) are set by
 * {@link TrackingEnvelopeParser}.
 */
interface ProviderMapper {
    String source();

    TrackingUpdate map(JsonFields payload) throws InvalidRecordException;
}

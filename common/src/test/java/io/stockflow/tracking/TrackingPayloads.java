package io.stockflow.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Tracking webhook fixtures ({@code src/test/resources/tracking/}); tests edit them with the JSON-pointer helpers of
 * {@link io.stockflow.ingest.Fixtures}.
 */
final class TrackingPayloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrackingPayloads() {}

    static ObjectNode record(String file) {
        try (InputStream in = TrackingPayloads.class.getResourceAsStream("/tracking/" + file)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + file);
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

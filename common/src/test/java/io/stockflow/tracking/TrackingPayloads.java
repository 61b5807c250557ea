package io.stockflow.tracking;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Tracking webhook fixtures ({@code src/test/resources/tracking/}), and edits of them by JSON pointer. */
final class TrackingPayloads {
    static final ObjectMapper JSON = new ObjectMapper();

    private TrackingPayloads() {}

    static ObjectNode record(String file) {
        try (InputStream in = TrackingPayloads.class.getResourceAsStream("/tracking/" + file)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + file);
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode with(ObjectNode root, String pointer, Object value) {
        JsonPointer path = JsonPointer.compile(pointer);
        ((ObjectNode) root.at(path.head())).set(path.last().getMatchingProperty(), JSON.valueToTree(value));
        return root;
    }

    static ObjectNode without(ObjectNode root, String pointer) {
        JsonPointer path = JsonPointer.compile(pointer);
        ((ObjectNode) root.at(path.head())).remove(path.last().getMatchingProperty());
        return root;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}

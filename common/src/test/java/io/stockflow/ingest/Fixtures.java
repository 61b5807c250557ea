package io.stockflow.ingest;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Marketplace payload fixtures, envelopes around them, and small edits of a payload by JSON pointer. */
public final class Fixtures {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String RECEIVED_AT = "2026-11-26T10:20:00Z";

    private Fixtures() {}

    /** A payload from {@code src/test/resources/marketplaces/}, e.g. {@code shopify/order.json}. */
    public static ObjectNode payload(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/marketplaces/" + path)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + path);
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] envelope(String source, String kind, JsonNode payload) {
        return envelope(source, kind, RECEIVED_AT, payload);
    }

    public static byte[] envelope(String source, String kind, String receivedAt, JsonNode payload) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("source", source);
        envelope.put("kind", kind);
        envelope.put("received_at", receivedAt);
        envelope.set("payload", payload);
        return bytes(envelope);
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the value at a JSON pointer whose parent exists; the value is anything Jackson can turn into JSON. */
    public static <T extends JsonNode> T with(T root, String pointer, Object value) {
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = root.at(path.head());
        JsonNode node = JSON.valueToTree(value);
        String last = path.last().getMatchingProperty();
        if (parent instanceof ArrayNode) ((ArrayNode) parent).set(Integer.parseInt(last), node);
        else if (parent instanceof ObjectNode) ((ObjectNode) parent).set(last, node);
        else throw new IllegalArgumentException("no object or array at " + path.head());
        return root;
    }

    public static <T extends JsonNode> T without(T root, String pointer) {
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = root.at(path.head());
        String last = path.last().getMatchingProperty();
        if (parent instanceof ArrayNode) ((ArrayNode) parent).remove(Integer.parseInt(last));
        else if (parent instanceof ObjectNode) ((ObjectNode) parent).remove(last);
        else throw new IllegalArgumentException("no object or array at " + path.head());
        return root;
    }

    /** JSON text as a tree, for values such as an array of lines. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long millis(String instant) {
        return java.time.Instant.parse(instant).toEpochMilli();
    }
}

package io.stockflow.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The answers' JSON: positions, changes and the records as they were on their topics. */
final class JsonBodies {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonBodies() {}

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ObjectNode error(String message) {
        return object().put("error", message);
    }

    static ObjectNode position(Position p) {
        return object().put("location", p.location())
                .put("on_hand", p.onHand())
                .put("reserved", p.reserved())
                .put("safety_stock", p.safetyStock())
                .put("available", p.available())
                .put("version", p.version())
                .put("as_of", Instant.ofEpochMilli(p.asOfMillis()).toString());
    }

    static ObjectNode change(AvailabilityChange c) {
        ObjectNode n = object().put("location", c.location())
                .put("on_hand", c.onHand())
                .put("reserved", c.reserved())
                .put("available", c.available());
        if (c.onHandDelta() != null) n.put("on_hand_change", c.onHandDelta());
        if (c.reservedDelta() != null) n.put("reserved_change", c.reservedDelta());
        return n.put("version", c.version())
                .put("as_of", Instant.ofEpochMilli(c.asOfMillis()).toString());
    }

    /** A record kept as the text it was on its topic; it read as JSON when it was kept. */
    static JsonNode record(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept record no longer reads", e);
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

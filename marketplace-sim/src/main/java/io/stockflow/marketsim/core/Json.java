package io.stockflow.marketsim.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One Jackson mapper for every channel, and the few reads the handlers repeat. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** The body as a JSON tree; an empty or unreadable body is refused, as every API here refuses it. */
    public static JsonNode parse(String body) throws MalformedJson {
        if (body == null || body.isBlank()) throw new MalformedJson("the request body is empty");
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedJson(e.getOriginalMessage());
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** An int the JSON holds as an integral number in int range; null for anything else (absent, text, 1.5). */
    public static Integer intOrNull(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) return null;
        return node.intValue();
    }

    /** A non-blank text value, or null. */
    public static String textOrNull(JsonNode node) {
        if (node == null || !node.isTextual() || node.textValue().isBlank()) return null;
        return node.textValue();
    }

    /** Why a request body could not be read as JSON. */
    public static final class MalformedJson extends Exception {
        public MalformedJson(String reason) {
            super(reason);
        }
    }
}

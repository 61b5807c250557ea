package io.stockflow.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Read access to one JSON object that knows its own path in the record, so every error names the exact field:
 * {@code missing field 'payload.line_items[2].sku'}, {@code field 'payload.line_items[0].quantity' must be an
 * integer, got "three"}. A field that is absent and one that is JSON {@code null} are treated alike.
 */
public final class JsonFields {
    private static final int MAX_SHOWN_CHARS = 60;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode node;
    private final String path;
    /** Of a record's top-level object: the record, and where its object and array fields lie in it. */
    private byte[] record;

    private Map<String, int[]> spans;
    /** Of a top-level field: where it lies in {@link #record}. */
    private int[] span;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Parses one record, which must be a single JSON object. */
    public static JsonFields parse(byte[] record) throws InvalidRecordException {
        if (record == null || record.length == 0) throw new InvalidRecordException("record is empty");
        JsonNode node;
        Map<String, int[]> spans = new HashMap<>();
        try (JsonParser parser = MAPPER.createParser(record)) {
            node = parser.nextToken() == JsonToken.START_OBJECT ? readObject(parser, spans) : MAPPER.readTree(parser);
            if (node != null && parser.nextToken() != null) {
                throw new InvalidRecordException("record holds more than one JSON value");
            }
        } catch (JacksonException e) {
            throw new InvalidRecordException("record is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRecordException("record is not readable: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) throw new InvalidRecordException("record is empty");
        JsonFields root = root(node);
        root.record = record;
        root.spans = spans;
        return root;
    }

    /** The top-level object, noting where each object or array value lies in the record's bytes. */
    private static ObjectNode readObject(JsonParser parser, Map<String, int[]> spans) throws IOException {
        ObjectNode object = MAPPER.createObjectNode();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken first = parser.nextToken();
            int from = (int) parser.currentTokenLocation().getByteOffset();
            object.set(name, MAPPER.readTree(parser));
            if (first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY) {
                spans.put(
                        name,
                        new int[] {from, (int) parser.currentTokenLocation().getByteOffset() + 1});
            }
        }
        return object;
    }

    /** The top-level object of a record; its fields' paths are their bare names. */
    public static JsonFields root(JsonNode node) throws InvalidRecordException {
        if (node == null || !node.isObject()) {
            throw new InvalidRecordException("record is not a JSON object, got " + show(node));
        }
        return new JsonFields(node, "");
    }

    /**
     * This object's text as it was sent, without the spaces between tokens: a re-indented copy gives the same bytes.
     * Much cheaper than {@link #canonicalBytes()} (no serialization); it is that for objects not read by {@link #parse}.
     */
    public byte[] compactBytes() {
        return span == null ? canonicalBytes() : CompactJson.withoutSpacing(record, span[0], span[1]);
    }

    /** Feeds the digest {@link #compactBytes()}, without copying them. */
    public void digestCompact(MessageDigest digest) {
        if (span == null) digest.update(canonicalBytes());
        else CompactJson.digest(digest, record, span[0], span[1]);
    }

    /** This object as Jackson writes it: the same JSON gives the same bytes, whatever its original spacing. */
    public byte[] canonicalBytes() {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serializes", e);
        }
    }

    public String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public JsonFields object(String name) throws InvalidRecordException {
        JsonFields child = optObject(name);
        if (child == null) throw missing(name);
        return child;
    }

    /** The child object, or null when absent. */
    public JsonFields optObject(String name) throws InvalidRecordException {
        JsonNode value = value(name);
        if (value == null) return null;
        if (!value.isObject()) throw wrongType(name, "an object", value);
        JsonFields child = new JsonFields(value, pathOf(name));
        if (spans != null) {
            child.record = record;
            child.span = spans.get(name);
        }
        return child;
    }

    public List<JsonFields> array(String name) throws InvalidRecordException {
        if (!has(name)) throw missing(name);
        return optArray(name);
    }

    /** The objects of an array, empty when the array is absent. */
    public List<JsonFields> optArray(String name) throws InvalidRecordException {
        JsonNode value = value(name);
        if (value == null) return List.of();
        if (!value.isArray()) throw wrongType(name, "an array", value);
        List<JsonFields> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = pathOf(name) + "[" + i + "]";
            if (!element.isObject()) {
                throw new InvalidRecordException("field '" + elementPath + "' must be an object, got " + show(element));
            }
            elements.add(new JsonFields(element, elementPath));
        }
        return elements;
    }

    /** The number of elements of an array field, 0 when absent: lets a caller refuse a huge array before reading it. */
    public int arraySize(String name) throws InvalidRecordException {
        JsonNode value = value(name);
        if (value == null) return 0;
        if (!value.isArray()) throw wrongType(name, "an array", value);
        return value.size();
    }

    /** The strings of an array field, empty when the array is absent. */
    public List<String> optTextArray(String name) throws InvalidRecordException {
        JsonNode value = value(name);
        if (value == null) return List.of();
        if (!value.isArray()) throw wrongType(name, "an array", value);
        List<String> texts = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isTextual()) {
                throw new InvalidRecordException(
                        "field '" + pathOf(name) + "[" + i + "]' must be a string, got " + show(element));
            }
            texts.add(element.textValue());
        }
        return texts;
    }

    public String text(String name) throws InvalidRecordException {
        String text = optText(name);
        if (text == null) throw missing(name);
        return text;
    }

    public String optText(String name) throws InvalidRecordException {
        JsonNode value = value(name);
        if (value == null) return null;
        if (!value.isTextual()) throw wrongType(name, "a string", value);
        return value.textValue();
    }

    /** Optional text where an empty or blank string means absent, as WooCommerce sends unset address fields. */
    public String optNonBlank(String name) throws InvalidRecordException {
        String text = optText(name);
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** An identifier sent as a string or as an integer (then its decimal text); never empty. */
    public String id(String name) throws InvalidRecordException {
        String id = optId(name);
        if (id == null) throw missing(name);
        return id;
    }

    public String optId(String name) throws InvalidRecordException {
        JsonNode value = value(name);
        if (value == null) return null;
        String id;
        if (value.isTextual()) id = value.textValue().trim();
        else if (value.isIntegralNumber()) id = value.bigIntegerValue().toString();
        else throw wrongType(name, "a string or an integer", value);
        if (id.isEmpty()) throw new InvalidRecordException("field '" + pathOf(name) + "' must not be empty");
        return id;
    }

    public long integer(String name) throws InvalidRecordException {
        Long value = optInteger(name);
        if (value == null) throw missing(name);
        return value;
    }

    public Long optInteger(String name) throws InvalidRecordException {
        JsonNode value = value(name);
        if (value == null) return null;
        if (!value.isIntegralNumber() || !value.canConvertToLong()) throw wrongType(name, "an integer", value);
        return value.longValue();
    }

    public boolean bool(String name) throws InvalidRecordException {
        JsonNode value = value(name);
        if (value == null) throw missing(name);
        if (!value.isBoolean()) throw wrongType(name, "true or false", value);
        return value.booleanValue();
    }

    /** A decimal sent as a JSON number or as a numeric string ({@code "49.50"}); null when absent. */
    public BigDecimal optDecimal(String name) throws InvalidRecordException {
        JsonNode value = value(name);
        if (value == null) return null;
        if (value.isNumber()) return value.decimalValue();
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.textValue().trim());
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw wrongType(name, "a decimal number", value);
    }

    public BigDecimal decimal(String name) throws InvalidRecordException {
        BigDecimal value = optDecimal(name);
        if (value == null) throw missing(name);
        return value;
    }

    /** An ISO-8601 time with offset, as UTC epoch millis. */
    public long time(String name) throws InvalidRecordException {
        Long time = optTime(name);
        if (time == null) throw missing(name);
        return time;
    }

    public Long optTime(String name) throws InvalidRecordException {
        String text = optText(name);
        if (text == null) return null;
        try {
            return Instants.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(
                    "field '" + pathOf(name) + "' must be an ISO-8601 time with offset, got " + show(node.get(name)));
        }
    }

    /** An ISO-8601 time that may lack an offset, which then means UTC. */
    public long utcTime(String name) throws InvalidRecordException {
        String text = text(name);
        try {
            return Instants.parseAssumingUtc(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(
                    "field '" + pathOf(name) + "' must be an ISO-8601 time, got " + show(node.get(name)));
        }
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) throws InvalidRecordException {
        String text = text(name);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) return constant;
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw new InvalidRecordException(
                "field '" + pathOf(name) + "' must be one of " + allowed + ", got " + show(node.get(name)));
    }

    public InvalidRecordException missing(String name) {
        return new InvalidRecordException("missing field '" + pathOf(name) + "'");
    }

    /** An error about a field's value: {@code field '<path>' <problem>, got <value>}. */
    public InvalidRecordException invalid(String name, String problem) {
        return new InvalidRecordException("field '" + pathOf(name) + "' " + problem + ", got " + show(node.get(name)));
    }

    private InvalidRecordException wrongType(String name, String expected, JsonNode value) {
        return new InvalidRecordException("field '" + pathOf(name) + "' must be " + expected + ", got " + show(value));
    }

    private JsonNode value(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** A value as JSON text, cut to a readable length. */
    public static String show(JsonNode value) {
        if (value == null || value.isMissingNode()) return "nothing";
        String text = value.toString();
        return text.length() <= MAX_SHOWN_CHARS ? text : text.substring(0, MAX_SHOWN_CHARS) + "…";
    }
}

package io.stockflow.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes a buyer's contact details from a record that is kept for people to read (a dead letter): e-mail addresses,
 * phone numbers, names and street lines. What makes the record worth keeping stays: its ids, SKUs, quantities,
 * timestamps, country and postcode, and the shape that made it fail.
 *
 * <p>A record that is JSON is redacted field by field, also inside a payload carried as a JSON string; one that is
 * not (cut short, broken) has its {@code "field": "value"} pairs of contact fields and any e-mail address masked.
 */
public final class ContactRedaction {
    public static final String MASK = "[redacted]";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Field names that hold a contact detail wherever they appear, in the marketplaces' spellings. */
    private static final Pattern CONTACT_FIELD = Pattern.compile(
            ".*e-?mail.*|.*phone.*|mobile|fax|user_?name|first_?name|last_?name|full_?name|buyer_?name|recipient"
                    + "|contact_?name|company|address_?line_?\\d?|address_?\\d|street.*|addressee|signed_?by|signer");

    /** Objects whose plain {@code name} is a person's, not a product's. */
    private static final Pattern PERSON_OBJECT =
            Pattern.compile(".*(address|customer|buyer|billing|shipping|recipient|contact|ship_?to).*");

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    /** A {@code "field": "value"} pair of a contact field in text that is not whole JSON. */
    private static final Pattern TEXT_PAIR = Pattern.compile("\"([A-Za-z_-]+)\"(\\s*:\\s*)\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ContactRedaction() {}

    /** The record with every contact detail replaced by {@link #MASK}; null stays null. */
    public static String redact(String raw) {
        if (raw == null || raw.isEmpty()) return raw;
        JsonNode tree;
        try {
            tree = MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            tree = null;
        }
        if (tree == null || !tree.isContainerNode()) return redactText(raw);
        JsonNode redacted = redactNode(tree.deepCopy(), "");
        // A record without contact details stays exactly as it came, spacing included.
        if (redacted.equals(tree)) return raw;
        try {
            return MAPPER.writeValueAsString(redacted);
        } catch (JsonProcessingException e) {
            return redactText(raw);
        }
    }

    private static JsonNode redactNode(JsonNode node, String parentField) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (isContactField(name, parentField)) {
                    if (!value.isNull() && !(value.isTextual() && value.asText().isEmpty()))
                        field.setValue(TextNode.valueOf(MASK));
                } else {
                    field.setValue(redactNode(value, name));
                }
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) array.set(i, redactNode(array.get(i), parentField));
            return array;
        }
        if (node.isTextual()) return TextNode.valueOf(redactString(node.asText()));
        return node;
    }

    /** A string value: a JSON document inside it is redacted as JSON; e-mail addresses anywhere are masked. */
    private static String redactString(String value) {
        String trimmed = value.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            String redacted = redact(trimmed);
            if (!redacted.equals(trimmed)) return redacted;
        }
        return EMAIL.matcher(value).replaceAll(MASK);
    }

    private static boolean isContactField(String name, String parentField) {
        String field = name.toLowerCase(Locale.ROOT);
        if (CONTACT_FIELD.matcher(field).matches()) return true;
        return field.equals("name")
                && PERSON_OBJECT.matcher(parentField.toLowerCase(Locale.ROOT)).matches();
    }

    private static String redactText(String raw) {
        Matcher m = TEXT_PAIR.matcher(raw);
        StringBuilder out = new StringBuilder(raw.length());
        while (m.find()) {
            String replacement =
                    CONTACT_FIELD.matcher(m.group(1).toLowerCase(Locale.ROOT)).matches()
                                    && !m.group(3).isEmpty()
                            ? "\"" + m.group(1) + "\"" + m.group(2) + "\"" + MASK + "\""
                            : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return EMAIL.matcher(out).replaceAll(MASK);
    }
}

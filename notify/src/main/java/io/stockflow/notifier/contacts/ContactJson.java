package io.stockflow.notifier.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * A {@code customers.contacts} value: {@code {"order_id", "email", "phone", "preferred_channel", "time_zone"}}.
 * {@code preferred_channel} is {@code email}, {@code sms} or {@code both} (default: email); {@code time_zone} an IANA
 * zone of the ship-to address (default: UTC).
 */
public final class ContactJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ContactJson() {}

    /** The contact, or null when the value cannot be read (the reason never quotes the value: it holds addresses). */
    public static Contact read(String orderId, String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) return null;
            String preference = text(node, "preferred_channel");
            String zone = text(node, "time_zone");
            return new Contact(
                    orderId,
                    text(node, "email"),
                    text(node, "phone"),
                    preference == null
                            ? Contact.Preference.EMAIL
                            : Contact.Preference.valueOf(preference.toUpperCase(Locale.ROOT)),
                    zone == null ? ZoneOffset.UTC : ZoneId.of(zone));
        } catch (IOException | IllegalArgumentException | DateTimeException e) {
            return null;
        }
    }

    public static String write(Contact contact) {
        var node = MAPPER.createObjectNode();
        node.put("order_id", contact.orderId());
        if (contact.hasEmail()) node.put("email", contact.email());
        if (contact.hasPhone()) node.put("phone", contact.phone());
        node.put("preferred_channel", contact.preference().name().toLowerCase(Locale.ROOT));
        node.put("time_zone", contact.timeZone().getId());
        return node.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

package io.stockflow.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code notification-templates.json}:
 * {@code {"version", "default_locale", "locales": {country: locale}, "high_value_from": {currency: amount},
 * "kinds": {KIND: [{"branch", "template", "when": {"high_value", "service_level": [..], "repeated", "status": [..]},
 * "variables": {..}}]}}}. The last branch of a kind should have no {@code when}. Errors name the field.
 */
public final class NotificationTemplatesReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationTemplatesReader() {}

    public static NotificationTemplates read(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("notification templates are not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("templates must be a JSON object");
        Map<String, String> locales = new HashMap<>();
        JsonNode l = root.path("locales");
        for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            locales.put(e.getKey().toUpperCase(), e.getValue().asText());
        }
        Map<String, BigDecimal> highValue = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        root.path("high_value_from").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                highValue.put(e.getKey(), new BigDecimal(e.getValue().asText()));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("high_value_from." + e.getKey() + " must be a decimal amount");
            }
        }
        EnumMap<NotificationKind, List<TemplateBranch>> kinds = new EnumMap<>(NotificationKind.class);
        JsonNode k = root.get("kinds");
        if (k == null || !k.isObject()) throw new IllegalArgumentException("kinds must be an object");
        for (Iterator<Map.Entry<String, JsonNode>> it = k.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            NotificationKind kind;
            try {
                kind = NotificationKind.valueOf(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("kinds." + e.getKey() + ": not a notification kind");
            }
            if (!e.getValue().isArray()) throw new IllegalArgumentException("kinds." + e.getKey() + " must be a list");
            List<TemplateBranch> branches = new ArrayList<>();
            int i = 0;
            for (JsonNode b : e.getValue()) branches.add(branch("kinds." + e.getKey() + "[" + i++ + "]", b));
            kinds.put(kind, branches);
        }
        String defaultLocale = root.path("default_locale").asText("en-US");
        return new NotificationTemplates(
                root.path("version").asText("unversioned"), defaultLocale, locales, highValue, kinds);
    }

    private static TemplateBranch branch(String path, JsonNode b) {
        String template = b.path("template").asText(null);
        if (template == null || template.isBlank()) throw new IllegalArgumentException(path + ".template is required");
        String name = b.path("branch").asText("default");
        JsonNode when = b.path("when");
        Boolean highValue = when.has("high_value") ? when.get("high_value").asBoolean() : null;
        Boolean repeated = when.has("repeated") ? when.get("repeated").asBoolean() : null;
        Map<String, String> variables = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = b.path("variables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            variables.put(e.getKey(), e.getValue().asText());
        }
        return new TemplateBranch(
                name,
                template,
                highValue,
                strings(when.get("service_level")),
                repeated,
                strings(when.get("status")),
                variables);
    }

    private static Set<String> strings(JsonNode node) {
        if (node == null) return null;
        Set<String> values = new HashSet<>();
        if (node.isArray()) {
            for (JsonNode v : node) values.add(v.asText());
        } else {
            values.add(node.asText());
        }
        return values;
    }
}

package io.stockflow.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the {@code evidence} object of an alert: named figures behind the decision, in insertion order. */
public final class Evidence {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, Object> values = new LinkedHashMap<>();

    public static Evidence of(String key, Object value) {
        return new Evidence().and(key, value);
    }

    public Evidence and(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /** Adds the entry only when the value is not null: for optional variables. */
    public Evidence andIfSet(String key, Object value) {
        if (value != null) values.put(key, value);
        return this;
    }

    /** A copy with {@code first}'s entries before this one's. */
    public Evidence prefixedBy(Evidence first) {
        Evidence merged = new Evidence();
        merged.values.putAll(first.values);
        merged.values.putAll(values);
        return merged;
    }

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("evidence must be plain values", e);
        }
    }
}

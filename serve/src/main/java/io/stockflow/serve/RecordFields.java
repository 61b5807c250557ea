package io.stockflow.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reading the fields of an output record, each refusal naming the field and why. */
final class RecordFields {
    private RecordFields() {}

    static String text(JsonNode record, String field) throws UnusableRecord {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) throw new UnusableRecord("missing_field", "missing field '" + field + "'");
        if (!v.isTextual() || v.asText().isEmpty())
            throw new UnusableRecord("wrong_type", "field '" + field + "' is not a non-empty string");
        return v.asText();
    }

    static String optionalText(JsonNode record, String field) {
        JsonNode v = record.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
    }

    static int integer(JsonNode record, String field) throws UnusableRecord {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) throw new UnusableRecord("missing_field", "missing field '" + field + "'");
        if (!v.canConvertToInt() || !v.isIntegralNumber())
            throw new UnusableRecord("wrong_type", "field '" + field + "' is not a 32-bit integer");
        return v.intValue();
    }

    static long longInteger(JsonNode record, String field) throws UnusableRecord {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) throw new UnusableRecord("missing_field", "missing field '" + field + "'");
        if (!v.canConvertToLong() || !v.isIntegralNumber())
            throw new UnusableRecord("wrong_type", "field '" + field + "' is not an integer");
        return v.longValue();
    }

    static long instant(JsonNode record, String field) throws UnusableRecord {
        return parseInstant(text(record, field), field);
    }

    static long parseInstant(String value, String field) throws UnusableRecord {
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant().toEpochMilli();
            } catch (DateTimeParseException again) {
                throw new UnusableRecord("bad_time", "field '" + field + "' is not an ISO-8601 instant: " + value);
            }
        }
    }
}

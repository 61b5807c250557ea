package io.stockflow.routing;

import io.stockflow.json.Instants;
import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.json.JsonText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The JSON of a {@code routing.capacity} record: {@code {"location", "day", "shipments_planned", "daily_capacity"?,
 * "version", "as_of"}}, {@code day} a local date, {@code daily_capacity} absent when unlimited.
 */
public final class CapacityJson {
    private CapacityJson() {}

    public static String write(CapacityLevel level) {
        return JsonText.object(fields(level));
    }

    /** {@link #write} as UTF-8 bytes. */
    public static byte[] writeUtf8(CapacityLevel level) {
        return JsonText.utf8(fields(level));
    }

    private static JsonText.Fields fields(CapacityLevel level) {
        return g -> {
            g.writeStringField("location", level.location);
            g.writeStringField("day", LocalDate.ofEpochDay(level.day).toString());
            g.writeNumberField("shipments_planned", level.planned);
            if (level.capacity != null) g.writeNumberField("daily_capacity", level.capacity);
            g.writeNumberField("version", level.version);
            g.writeStringField("as_of", Instants.format(level.asOf));
        };
    }

    public static CapacityLevel parse(byte[] record) throws InvalidRecordException {
        JsonFields fields = JsonFields.parse(record);
        CapacityLevel level = new CapacityLevel();
        level.location = fields.id("location");
        try {
            level.day = LocalDate.parse(fields.text("day")).toEpochDay();
        } catch (DateTimeParseException e) {
            throw fields.invalid("day", "must be a date (YYYY-MM-DD)");
        }
        level.planned = fields.integer("shipments_planned");
        if (level.planned < 0) throw fields.invalid("shipments_planned", "must not be negative");
        level.capacity = fields.optInteger("daily_capacity");
        if (level.capacity != null && level.capacity < 0)
            throw fields.invalid("daily_capacity", "must not be negative");
        level.version = fields.integer("version");
        level.asOf = fields.time("as_of");
        return level;
    }
}

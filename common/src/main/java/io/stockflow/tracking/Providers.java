package io.stockflow.tracking;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What the provider mappers share: tracking codes, status words, the latest carrier event of a history. */
final class Providers {
    /** The payload names no event time: the envelope's {@code received_at} stands in. */
    static final long UNSET = Long.MIN_VALUE;

    static final int MAX_CODE_LENGTH = 64;

    /** Reads the time of one history element. */
    @FunctionalInterface
    interface TimeOf {
        long of(JsonFields element) throws InvalidRecordException;
    }

    private Providers() {}

    static String trackingCode(JsonFields fields, String name) throws InvalidRecordException {
        String code = TrackingCodes.normalize(fields.id(name));
        if (code == null) throw fields.invalid(name, "must not be blank");
        if (code.length() > MAX_CODE_LENGTH) {
            throw fields.invalid(name, "is longer than " + MAX_CODE_LENGTH + " characters");
        }
        return code;
    }

    static TrackingStatus status(JsonFields fields, String name, Map<String, TrackingStatus> vocabulary)
            throws InvalidRecordException {
        String word = fields.text(name);
        TrackingStatus status = vocabulary.get(word);
        if (status == null) {
            throw new InvalidRecordException("unknown tracking status '" + word + "' in field '" + fields.pathOf(name)
                    + "' (expected one of " + String.join(", ", new TreeSet<>(vocabulary.keySet())) + ")");
        }
        return status;
    }

    /** The element with the latest time (the last one of equal times), or null for an empty history. */
    static JsonFields latest(List<JsonFields> history, TimeOf time) throws InvalidRecordException {
        JsonFields latest = null;
        long latestTime = Long.MIN_VALUE;
        for (JsonFields element : history) {
            long t = time.of(element);
            if (latest == null || t >= latestTime) {
                latest = element;
                latestTime = t;
            }
        }
        return latest;
    }

    static JsonFields latest(List<JsonFields> history, String timeField) throws InvalidRecordException {
        return latest(history, e -> e.time(timeField));
    }
}

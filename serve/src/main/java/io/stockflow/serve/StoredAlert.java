package io.stockflow.serve;

import java.util.Locale;

/**
 * An alert as the filters need it, beside the record as it was on the topic. {@code status} and {@code revision} are
 * read when the record carries them (a grouped alert is published again with a higher revision, and may be resolved);
 * without them an alert is open at revision 0.
 */
public record StoredAlert(
        String alertId,
        String type,
        Severity severity,
        String orderId,
        String sku,
        String location,
        String channel,
        long eventTimeMillis,
        String json,
        String status,
        long revision) {

    public StoredAlert(
            String alertId,
            String type,
            Severity severity,
            String orderId,
            String sku,
            String location,
            String channel,
            long eventTimeMillis,
            String json) {
        this(alertId, type, severity, orderId, sku, location, channel, eventTimeMillis, json, null, 0);
    }

    /** Open unless its status says it ended. */
    public boolean open() {
        if (status == null) return true;
        String s = status.toUpperCase(Locale.ROOT);
        return !(s.equals("RESOLVED") || s.equals("CLOSED"));
    }
}

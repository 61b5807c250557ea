package io.stockflow.serve;

/**
 * The filters of {@code GET /alerts}; a null filter lets everything through. {@code atLeast} keeps alerts at least
 * that severe, {@code since} those whose event time is not before it.
 */
public record AlertQuery(
        String type,
        Severity atLeast,
        String channel,
        String sku,
        String location,
        Long sinceMillis,
        int offset,
        int limit) {

    boolean matches(StoredAlert a) {
        return (type == null || type.equalsIgnoreCase(a.type()))
                && (atLeast == null || a.severity().compareTo(atLeast) >= 0)
                && (channel == null || channel.equals(a.channel()))
                && (sku == null || sku.equals(a.sku()))
                && (location == null || location.equals(a.location()))
                && (sinceMillis == null || a.eventTimeMillis() >= sinceMillis);
    }
}

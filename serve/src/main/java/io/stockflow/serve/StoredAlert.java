package io.stockflow.serve;

/** An alert as the filters need it, beside the record as it was on the topic. */
public record StoredAlert(
        String alertId,
        String type,
        Severity severity,
        String orderId,
        String sku,
        String location,
        String channel,
        long eventTimeMillis,
        String json) {}

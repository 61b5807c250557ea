package io.stockflow.notifier.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A {@code deadletter} record of the alert forwarder, in the contract's shape ({@code stage: "alertmanager"}). */
final class AlertDeadLetter {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_RAW = 64 * 1024;

    private AlertDeadLetter() {}

    static String of(String sourceTopic, String error, String raw, Instant receivedAt) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("source_topic", sourceTopic);
        node.put("error", error);
        node.put("raw", raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) + " [cut after 64 KiB]" : raw);
        node.put("received_at", receivedAt.toString());
        node.put("stage", "alertmanager");
        return node.toString();
    }
}

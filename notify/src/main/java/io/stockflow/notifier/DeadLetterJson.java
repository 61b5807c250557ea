package io.stockflow.notifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A {@code deadletter} record of the sender, in the contract's shape; keyed by the source topic. */
final class DeadLetterJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_RAW = 64 * 1024;

    private DeadLetterJson() {}

    static String of(String sourceTopic, String error, String raw, Instant receivedAt, String notificationId) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("source_topic", sourceTopic);
        node.put("error", error);
        node.put("raw", raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) + " [cut after 64 KiB]" : raw);
        node.put("received_at", receivedAt.toString());
        if (notificationId != null) node.put("notification_id", notificationId);
        node.put("stage", "notify");
        return node.toString();
    }
}

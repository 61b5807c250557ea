package io.stockflow.notifier.sent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A record of {@code notifications.sent}, keyed by notification id; the latest per id is the notification's state.
 *
 * <ul>
 *   <li>{@code HELD}: claimed, waiting for the end of the customer's quiet hours ({@code until}); it carries the
 *       notification record (hashes only), so a restarted sender still sends it;
 *   <li>{@code WAITING}: claimed, waiting for the order's contact on {@code customers.contacts} until {@code until}
 *       (the contacts are written beside the notifications, and may be read a little after them); it carries the
 *       notification record too;
 *   <li>{@code SENDING}: claimed for a send that is about to start; from here on nothing sends it again;
 *   <li>{@code SENT} or {@code FAILED}: the outcome; {@code detail} says why it failed;
 *   <li>{@code SKIPPED}: settled without a send, for a reason that is no failure ({@code detail}): the order's
 *       marketplace keeps its buyers' contact details to itself.
 * </ul>
 *
 * A {@code SENDING} that no outcome follows is a send a crash interrupted: it may or may not have reached the
 * customer, and it is never tried again (at most once); the sender counts these when it starts.
 */
public record Claim(
        String notificationId, State state, Instant at, String channels, Instant until, String payload, String detail) {
    public enum State {
        HELD,
        WAITING,
        SENDING,
        SENT,
        FAILED,
        SKIPPED
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static Claim waiting(String id, Instant at, Instant until, String payload) {
        return new Claim(id, State.WAITING, at, "", until, payload, "waiting for the order's contact");
    }

    public static Claim skipped(String id, Instant at, String detail) {
        return new Claim(id, State.SKIPPED, at, "", null, null, detail);
    }

    public static Claim sending(String id, String channels, Instant at) {
        return new Claim(id, State.SENDING, at, channels, null, null, null);
    }

    public static Claim held(String id, String channels, Instant at, Instant until, String payload) {
        return new Claim(id, State.HELD, at, channels, until, payload, null);
    }

    public static Claim sent(String id, String channels, Instant at) {
        return new Claim(id, State.SENT, at, channels, null, null, null);
    }

    public static Claim failed(String id, String channels, Instant at, String detail) {
        return new Claim(id, State.FAILED, at, channels, null, null, detail);
    }

    public String toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("notification_id", notificationId);
        node.put("state", state.name());
        node.put("at", at.toString());
        if (channels != null) node.put("channels", channels);
        if (until != null) node.put("until", until.toString());
        if (payload != null) node.put("notification", payload);
        if (detail != null) node.put("detail", detail);
        return node.toString();
    }

    public static Claim fromJson(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            return new Claim(
                    n.get("notification_id").asText(),
                    State.valueOf(n.get("state").asText()),
                    Instant.parse(n.get("at").asText()),
                    n.hasNonNull("channels") ? n.get("channels").asText() : null,
                    n.hasNonNull("until") ? Instant.parse(n.get("until").asText()) : null,
                    n.hasNonNull("notification") ? n.get("notification").asText() : null,
                    n.hasNonNull("detail") ? n.get("detail").asText() : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

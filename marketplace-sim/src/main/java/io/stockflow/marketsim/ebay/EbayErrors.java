package io.stockflow.marketsim.ebay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.marketsim.core.ChannelErrors;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Reply;

/**
 * eBay REST error answers: {@code {"errors": [{"errorId", "domain", "category", "message", "longMessage"}]}}, the same
 * entries that a bulk call's per-offer {@code responses[].errors} carry.
 */
final class EbayErrors implements ChannelErrors {
    static final String INVENTORY = "API_INVENTORY";
    static final String FULFILLMENT = "API_FULFILLMENT";
    /** Inventory API: a user error, with the particulars in the message. */
    static final int USER_ERROR = 25002;
    /** Inventory API: an invalid value for a field. */
    static final int INVALID_VALUE = 25709;
    /** Inventory API: the offer does not exist (or is not the caller's). */
    static final int OFFER_NOT_AVAILABLE = 25713;

    static ObjectNode entry(int errorId, String domain, String category, String message, String longMessage) {
        ObjectNode error = Json.object()
                .put("errorId", errorId)
                .put("domain", domain)
                .put("category", category)
                .put("message", message);
        if (longMessage != null) error.put("longMessage", longMessage);
        return error;
    }

    static Reply reply(int status, ObjectNode... entries) {
        ObjectNode body = Json.object();
        ArrayNode errors = body.putArray("errors");
        for (ObjectNode entry : entries) errors.add(entry);
        return Reply.json(status, body);
    }

    static Reply unauthorized() {
        return reply(
                401,
                entry(
                        1001,
                        "OAuth",
                        "REQUEST",
                        "Invalid access token",
                        "Invalid access token. Check the value of the Authorization HTTP request header."));
    }

    static Reply invalid(String domain, int errorId, String message) {
        return reply(400, entry(errorId, domain, "REQUEST", message, null));
    }

    @Override
    public Reply unavailable() {
        return reply(
                503, entry(25001, INVENTORY, "APPLICATION", "A system error has occurred. Service unavailable.", null));
    }

    @Override
    public Reply tooManyRequests() {
        return reply(
                429,
                entry(
                        2001,
                        "ACCESS",
                        "REQUEST",
                        "Too many requests. The request limit has been reached for the resource.",
                        null));
    }
}

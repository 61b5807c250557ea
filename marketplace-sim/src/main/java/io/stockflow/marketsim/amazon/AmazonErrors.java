package io.stockflow.marketsim.amazon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.marketsim.core.ChannelErrors;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Reply;

/** Selling Partner API error answers: {@code {"errors": [{"code", "message", "details"}]}}. */
final class AmazonErrors implements ChannelErrors {
    static Reply error(int status, String code, String message, String details) {
        ObjectNode body = Json.object();
        body.putArray("errors")
                .addObject()
                .put("code", code)
                .put("message", message)
                .put("details", details);
        return Reply.json(status, body);
    }

    static Reply unauthorized() {
        return error(
                403,
                "Unauthorized",
                "Access to requested resource is denied.",
                "The access token you provided is revoked, malformed or invalid.");
    }

    static Reply invalidInput(String message) {
        return error(400, "InvalidInput", message, "");
    }

    static Reply quotaExceeded() {
        return error(429, "QuotaExceeded", "You exceeded your quota for the requested resource.", "");
    }

    @Override
    public Reply unavailable() {
        return error(503, "ServiceUnavailable", "Service temporarily unavailable.", "");
    }

    @Override
    public Reply tooManyRequests() {
        return quotaExceeded();
    }
}

package io.stockflow.marketsim.twilio;

import io.stockflow.marketsim.core.ChannelErrors;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Reply;

/** Twilio REST error answers: {@code {"code", "message", "more_info", "status"}} with Twilio's numeric error codes. */
final class TwilioErrors implements ChannelErrors {
    static Reply error(int status, int code, String message) {
        return Reply.json(
                status,
                Json.object()
                        .put("code", code)
                        .put("message", message)
                        .put("more_info", "https://www.twilio.com/docs/errors/" + code)
                        .put("status", status));
    }

    static Reply unauthenticated() {
        return error(401, 20003, "Authenticate");
    }

    @Override
    public Reply unavailable() {
        return error(503, 20503, "Service unavailable");
    }

    @Override
    public Reply tooManyRequests() {
        return error(429, 20429, "Too Many Requests");
    }
}

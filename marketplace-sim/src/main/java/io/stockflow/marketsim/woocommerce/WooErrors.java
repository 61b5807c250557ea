package io.stockflow.marketsim.woocommerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.marketsim.core.ChannelErrors;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Reply;

/** WordPress REST error answers, as WooCommerce's REST API gives them: {@code {"code", "message", "data": {"status"}}}. */
final class WooErrors implements ChannelErrors {
    static ObjectNode error(String code, String message, int status) {
        ObjectNode error = Json.object().put("code", code).put("message", message);
        error.putObject("data").put("status", status);
        return error;
    }

    static Reply reply(String code, String message, int status) {
        return Reply.json(status, error(code, message, status));
    }

    static Reply invalidJson() {
        ObjectNode error = error("rest_invalid_json", "Invalid JSON body passed.", 400);
        ((ObjectNode) error.get("data")).put("json_error_code", 4).put("json_error_message", "Syntax error");
        return Reply.json(400, error);
    }

    /** A parameter that breaks its schema, with the reason under {@code data.params}. */
    static ObjectNode invalidParam(String param, String reason) {
        ObjectNode error = error("rest_invalid_param", "Invalid parameter(s): " + param, 400);
        ((ObjectNode) error.get("data")).putObject("params").put(param, reason);
        return error;
    }

    static Reply missingParam(String param) {
        ObjectNode error = error("rest_missing_callback_param", "Missing parameter(s): " + param, 400);
        ((ObjectNode) error.get("data")).putArray("params").add(param);
        return Reply.json(400, error);
    }

    @Override
    public Reply unavailable() {
        return reply("service_unavailable", "The store is temporarily unavailable.", 503);
    }

    @Override
    public Reply tooManyRequests() {
        return reply("rest_too_many_requests", "Too many requests. Please wait and try again.", 429);
    }
}

package io.stockflow.marketsim.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.marketsim.core.ChannelErrors;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Reply;
import java.util.List;

/** Shopify Admin API error answers: HTTP-level ones ({@code {"errors": ...}}) and GraphQL {@code errors[]} entries. */
final class ShopifyErrors implements ChannelErrors {
    static final String RATE_LIMITS_DOC = "https://shopify.dev/api/usage/rate-limits";

    static Reply unauthorized() {
        return Reply.json(
                401,
                Json.object()
                        .put("errors", "[API] Invalid API key or access token (unrecognized login or wrong password)"));
    }

    static Reply notFound() {
        return Reply.json(404, Json.object().put("errors", "Not Found"));
    }

    static Reply missingQuery() {
        ObjectNode errors = Json.object().put("query", "Required parameter missing or invalid");
        return Reply.json(400, Json.object().set("errors", errors));
    }

    /** One entry of a GraphQL answer's {@code errors[]}, with an {@code extensions.code} when given. */
    static ObjectNode graphqlError(String message, String code) {
        ObjectNode error = Json.object().put("message", message);
        if (code != null) error.set("extensions", Json.object().put("code", code));
        return error;
    }

    static ObjectNode throttled() {
        ObjectNode error = graphqlError("Throttled", "THROTTLED");
        ((ObjectNode) error.get("extensions")).put("documentation", RATE_LIMITS_DOC);
        return error;
    }

    /** An entry of a payload's {@code userErrors}: the input path, the message and, where the type has one, a code. */
    static ObjectNode userError(List<?> field, String message, String code) {
        ObjectNode error = Json.object();
        ArrayNode path = error.putArray("field");
        field.forEach(step -> path.add(String.valueOf(step)));
        error.put("message", message);
        if (code != null) error.put("code", code);
        return error;
    }

    static Reply graphqlErrors(JsonNode... errors) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("errors");
        for (JsonNode error : errors) list.add(error);
        return Reply.json(200, body);
    }

    @Override
    public Reply unavailable() {
        return Reply.json(503, Json.object().put("errors", "Service Unavailable"));
    }

    @Override
    public Reply tooManyRequests() {
        ObjectNode body = Json.object();
        body.putArray("errors").add(throttled());
        return Reply.json(429, body);
    }
}

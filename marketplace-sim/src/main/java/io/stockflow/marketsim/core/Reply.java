package io.stockflow.marketsim.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an endpoint answers: a status, extra headers and a body, independent of the HTTP library, so handlers stay
 * plain functions from a request to an answer.
 */
public record Reply(int status, Map<String, String> headers, String body, String contentType) {
    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply json(int status, JsonNode body) {
        return new Reply(status, Map.of(), Json.write(body), "application/json; charset=utf-8");
    }

    public static Reply empty(int status) {
        return new Reply(status, Map.of(), "", null);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, more, body, contentType);
    }
}

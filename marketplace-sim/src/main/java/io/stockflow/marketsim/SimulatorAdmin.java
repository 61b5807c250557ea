package io.stockflow.marketsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A client of the simulator's admin API ({@code /_sim/...}, docs/marketplace-simulator.md), for whoever drives a
 * simulator: the demo and the tests seed listings, switch failure modes and read back what each channel lists. Every
 * answer that is not what the call expects throws, with the answer's status and body.
 */
public final class SimulatorAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param base the simulator's base URL, as {@link MarketplaceSimulator#start()} returns it */
    public SimulatorAdmin(URI base) {
        this.base = base;
    }

    /** Creates what {@code json} describes under an admin path, e.g. {@code /_sim/ebay/offers}. */
    public void seed(String path, String json) {
        expect(201, "POST", path, json);
    }

    /** Switches a channel's failure mode, e.g. {@code {"mode":"outage"}}. */
    public void fault(String channel, String json) {
        expect(200, "PUT", "/_sim/faults/" + channel, json);
    }

    /** An admin path's JSON answer, e.g. {@code /_sim/quantities}. */
    public JsonNode get(String path) {
        try {
            return JSON.readTree(expect(200, "GET", path, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The quantity the simulator keeps for one listing: the entry of {@code channel} under {@code /_sim/quantities}
     * whose fields have the given values ({@code field, value, ...}), read from {@code quantityField}; null if none.
     */
    public Long quantity(String channel, String quantityField, String... fieldValues) {
        return quantity(get("/_sim/quantities"), channel, quantityField, fieldValues);
    }

    /** The same lookup in an answer of {@code /_sim/quantities} read before. */
    public static Long quantity(JsonNode quantities, String channel, String quantityField, String... fieldValues) {
        for (JsonNode entry : quantities.path(channel)) {
            boolean matches = true;
            for (int i = 0; i < fieldValues.length; i += 2) {
                matches &= fieldValues[i + 1].equals(entry.path(fieldValues[i]).asText());
            }
            if (matches) return entry.path(quantityField).asLong();
        }
        return null;
    }

    private String expect(int status, String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (answer.statusCode() != status) {
            throw new IllegalStateException(method + " " + path + (body == null ? "" : " " + body) + ": "
                    + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }
}

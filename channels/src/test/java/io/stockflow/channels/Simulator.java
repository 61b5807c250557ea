package io.stockflow.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stockflow.marketsim.MarketplaceSimulator;
import io.stockflow.marketsim.SimulatorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The marketplace simulator running in the test JVM on a free port, and its admin API: seeding, state, faults. */
final class Simulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final ShiftedClock clock = new ShiftedClock();
    private final MarketplaceSimulator server;
    private final HttpClient http = HttpClient.newHttpClient();
    final URI base;

    Simulator(SimulatorSettings settings) {
        server = new MarketplaceSimulator(settings, clock, 0);
        base = server.start();
    }

    Simulator() {
        this(SimulatorSettings.defaults());
    }

    void seed(String path, String json) {
        HttpResponse<String> answer = send("POST", path, json);
        assertThat(answer.statusCode())
                .as("seeding %s: %s", path, answer.body())
                .isEqualTo(201);
    }

    /** Switches a channel's failure mode, e.g. {@code {"mode":"outage"}}. */
    void fault(String channel, String json) {
        HttpResponse<String> answer = send("PUT", "/_sim/faults/" + channel, json);
        assertThat(answer.statusCode())
                .as("fault %s: %s", channel, answer.body())
                .isEqualTo(200);
    }

    JsonNode admin(String path) {
        HttpResponse<String> answer = send("GET", path, null);
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statuses of the calls the simulator received of one channel's operation, oldest first. */
    List<Integer> calls(String channel, String operation) {
        List<Integer> statuses = new ArrayList<>();
        for (JsonNode call : admin("/_sim/calls?limit=10000")) {
            if (channel.equals(call.path("channel").asText())
                    && operation.equals(call.path("endpoint").asText())) {
                statuses.add(call.path("status").asInt());
            }
        }
        return statuses;
    }

    /** When the simulator answered each call of one channel's operation, oldest first (on its clock). */
    List<Instant> callTimes(String channel, String operation) {
        List<Instant> times = new ArrayList<>();
        for (JsonNode call : admin("/_sim/calls?limit=10000")) {
            if (channel.equals(call.path("channel").asText())
                    && operation.equals(call.path("endpoint").asText())) {
                times.add(Instant.parse(call.path("at").asText()));
            }
        }
        return times;
    }

    /**
     * The quantity the simulator keeps for one listing: the entry of {@code channel} under {@code /_sim/quantities}
     * whose fields have the given values ({@code field, value, ...}), read from {@code quantityField}; null if none.
     */
    Long quantity(String channel, String quantityField, String... fieldValues) {
        for (JsonNode entry : admin("/_sim/quantities").path(channel)) {
            boolean matches = true;
            for (int i = 0; i < fieldValues.length; i += 2) {
                matches &= fieldValues[i + 1].equals(entry.path(fieldValues[i]).asText());
            }
            if (matches) return entry.path(quantityField).asLong();
        }
        return null;
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}

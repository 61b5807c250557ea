package io.stockflow.notifier.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the tests ask Alertmanager through its API v2: its groups and alerts, and silences. */
final class AlertmanagerApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    AlertmanagerApi(URI base) {
        this.base = base;
    }

    /** {@code GET /api/v2/alerts/groups}: each group with its receiver, group labels and alerts. */
    JsonNode groups() {
        return get("/api/v2/alerts/groups");
    }

    /** The groups of one receiver. */
    List<JsonNode> groups(String receiver) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode g : groups())
            if (receiver.equals(g.path("receiver").path("name").asText())) out.add(g);
        return out;
    }

    /** {@code GET /api/v2/alerts}, every state (active, silenced, inhibited). */
    JsonNode alerts() {
        return get("/api/v2/alerts");
    }

    /** The alert with that {@code alert_id} label, or null. */
    JsonNode alert(String alertId) {
        for (JsonNode a : alerts())
            if (alertId.equals(a.path("labels").path("alert_id").asText())) return a;
        return null;
    }

    /** Creates a silence of the alerts whose labels equal the given pairs ({@code name, value, ...}); its id. */
    String silence(Instant endsAt, String... labels) {
        StringBuilder matchers = new StringBuilder();
        for (int i = 0; i < labels.length; i += 2) {
            if (i > 0) matchers.append(',');
            matchers.append("{\"name\":\"")
                    .append(labels[i])
                    .append("\",\"value\":\"")
                    .append(labels[i + 1])
                    .append("\",\"isRegex\":false,\"isEqual\":true}");
        }
        String body = "{\"matchers\":[" + matchers + "],\"startsAt\":\"" + Instant.now() + "\",\"endsAt\":\"" + endsAt
                + "\",\"createdBy\":\"test\",\"comment\":\"known: a recount is on its way\"}";
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v2/silences"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request).path("silenceID").asText();
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2)
                throw new IllegalStateException(
                        request.uri() + ": HTTP " + response.statusCode() + " " + response.body());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

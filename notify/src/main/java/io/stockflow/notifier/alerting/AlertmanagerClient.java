package io.stockflow.notifier.alerting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;

/** Posts alerts to Alertmanager's API v2. */
public final class AlertmanagerClient {
    private final URI alerts;
    private final Duration timeout;
    private final HttpClient http;

    /** What a post came to: accepted, refused for its content (a 4xx: posting it again changes nothing), or failed. */
    public enum Outcome {
        ACCEPTED,
        REFUSED,
        FAILED
    }

    /** The outcome, with Alertmanager's answer or the error when it was not accepted. */
    public record Result(Outcome outcome, String detail) {}

    public AlertmanagerClient(URI alertmanager, Duration timeout) {
        this.alerts = URI.create(alertmanager.toString().replaceAll("/+$", "") + "/api/v2/alerts");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public Result post(Collection<PostableAlert> batch) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(alerts)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PostableAlert.toJson(batch), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 2) return new Result(Outcome.ACCEPTED, "");
            String answer = "HTTP " + status + ": " + response.body().strip();
            return new Result(status / 100 == 4 && status != 429 ? Outcome.REFUSED : Outcome.FAILED, answer);
        } catch (IOException e) {
            return new Result(Outcome.FAILED, "Alertmanager at " + alerts + " unreachable (" + e + ")");
        }
    }
}

package io.stockflow.notifier.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stockflow.notifier.render.RenderedSms;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Sends an SMS through Twilio's Messages API: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json},
 * form-encoded {@code To}, {@code From}, {@code Body}, HTTP Basic with the SID and token. 201 is sent; 429 and 5xx are
 * transient; any other 4xx (an invalid number, a refused body) is permanent, reported with Twilio's error code.
 */
public final class SmsSender {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final SmsSettings settings;
    private final HttpClient http;
    private final URI messages;
    private final String authorization;

    public SmsSender(SmsSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        this.messages = URI.create(base + "/2010-04-01/Accounts/" + settings.accountSid() + "/Messages.json");
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
    }

    public void send(String to, RenderedSms sms) throws SendFailure {
        String form = "To=" + encode(to) + "&From=" + encode(settings.from()) + "&Body=" + encode(sms.body());
        HttpRequest request = HttpRequest.newBuilder(messages)
                .timeout(settings.timeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SendFailure(
                    "SMS provider " + settings.baseUrl() + " unavailable ("
                            + e.getClass().getSimpleName() + ")",
                    false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailure("SMS send interrupted", false);
        }
        int status = response.statusCode();
        if (status == 201 || status == 200) return;
        String error = twilioError(response.body(), to);
        boolean transientStatus = status == 429 || status >= 500;
        throw new SendFailure("SMS refused by the provider (HTTP " + status + error + ")", !transientStatus);
    }

    private static String twilioError(String body, String to) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.has("code")) return "";
            String message = node.path("message").asText("").replace(to, "[phone]");
            return ", code " + node.get("code").asText() + (message.isEmpty() ? "" : ": " + message);
        } catch (IOException e) {
            return "";
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package io.stockflow.marketsim.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Reply;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}: a form-encoded {@code To}, {@code From} and
 * {@code Body} behind HTTP Basic auth (account SID and auth token), answered 201 with the new message, status
 * {@code queued}. Nothing is sent anywhere: the messages are kept for the admin API.
 */
final class TwilioMessages {
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final String E164 = "(whatsapp:)?\\+[1-9][0-9]{1,14}";

    private final String accountSid;
    private final String authToken;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final List<ObjectNode> sent = new ArrayList<>();

    TwilioMessages(String accountSid, String authToken, Clock clock) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.clock = clock;
    }

    Reply create(Context ctx) {
        if (!authenticated(ctx)) return TwilioErrors.unauthenticated();
        String to = ctx.formParam("To");
        String from = ctx.formParam("From");
        String service = ctx.formParam("MessagingServiceSid");
        String body = ctx.formParam("Body");
        if (blank(to)) return TwilioErrors.error(400, 21604, "A 'To' phone number is required.");
        if (!to.matches(E164)) return TwilioErrors.error(400, 21211, "Invalid 'To' Phone Number: " + to);
        if (blank(from) && blank(service)) return TwilioErrors.error(400, 21603, "A 'From' phone number is required.");
        if (blank(body) && blank(ctx.formParam("MediaUrl")))
            return TwilioErrors.error(400, 21602, "Message body is required.");
        if (body != null && body.length() > 1600) {
            return TwilioErrors.error(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
        }
        String sid = "SM" + HexFormat.of().formatHex(random.generateSeed(16));
        String now = RFC_2822.format(clock.instant());
        ObjectNode message = Json.object()
                .put("account_sid", accountSid)
                .put("api_version", "2010-04-01")
                .put("body", body)
                .put("date_created", now)
                .putNull("date_sent")
                .put("date_updated", now)
                .put("direction", "outbound-api")
                .putNull("error_code")
                .putNull("error_message")
                .put("from", from)
                .put("messaging_service_sid", service)
                .put("num_media", "0")
                .put("num_segments", Integer.toString(Math.max(1, (body == null ? 0 : body.length() + 152) / 153)))
                .putNull("price")
                .put("price_unit", "USD")
                .put("sid", sid)
                .put("status", "queued")
                .put("to", to)
                .put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + ".json");
        message.putObject("subresource_uris")
                .put("media", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + "/Media.json");
        synchronized (sent) {
            sent.add(message);
        }
        return Reply.json(201, message);
    }

    JsonNode messages() {
        ArrayNode list = Json.array();
        synchronized (sent) {
            sent.forEach(list::add);
        }
        return list;
    }

    void clear() {
        synchronized (sent) {
            sent.clear();
        }
    }

    private boolean authenticated(Context ctx) {
        if (!accountSid.equals(ctx.pathParam("AccountSid"))) return false;
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return false;
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            return decoded.equals(accountSid + ":" + authToken);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package io.stockflow.marketsim.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.stockflow.marketsim.core.CallLog;
import io.stockflow.marketsim.core.Channel;
import io.stockflow.marketsim.core.Fault;
import io.stockflow.marketsim.core.Faults;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.SimulatedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The simulator's own API under {@code /_sim}: what every channel holds (quantities, shipments, cancellations, messages), the call
 * log and counters, the failure mode of each channel (read and switched), a reset, and a health check. Seeding lives
 * with each channel ({@code /_sim/<channel>/...}).
 */
public final class AdminApi {
    private final List<SimulatedChannel> channels;
    private final Faults faults;
    private final CallLog calls;

    public AdminApi(List<SimulatedChannel> channels, Faults faults, CallLog calls) {
        this.channels = List.copyOf(channels);
        this.faults = faults;
        this.calls = calls;
    }

    public void register(RoutesConfig routes) {
        routes.get("/_sim/health", ctx -> json(ctx, 200, Json.object().put("status", "ok")));
        routes.get("/_sim/quantities", ctx -> json(ctx, 200, byChannel("quantities")));
        routes.get("/_sim/shipments", ctx -> json(ctx, 200, byChannel("shipments")));
        routes.get("/_sim/cancellations", ctx -> json(ctx, 200, byChannel("cancellations")));
        routes.get("/_sim/messages", ctx -> json(ctx, 200, byChannel("messages").path(Channel.TWILIO.key)));
        routes.get("/_sim/calls", this::calls);
        routes.get("/_sim/counters", ctx -> {
            ObjectNode counters = Json.object();
            counters.set("calls", Json.MAPPER.valueToTree(calls.counters()));
            counters.set("ebayRevisions", byChannel("revisions").path(Channel.EBAY.key));
            json(ctx, 200, counters);
        });
        routes.get("/_sim/faults", ctx -> {
            ObjectNode all = Json.object();
            for (Channel channel : Channel.values()) all.set(channel.key, describe(faults.current(channel)));
            json(ctx, 200, all);
        });
        routes.put("/_sim/faults/{channel}", this::switchFault);
        routes.post("/_sim/reset", ctx -> {
            channels.forEach(SimulatedChannel::clear);
            faults.clear();
            calls.clear();
            ctx.status(204);
        });
    }

    private ObjectNode byChannel(String kind) {
        ObjectNode all = Json.object();
        for (SimulatedChannel channel : channels) {
            JsonNode part = channel.state().get(kind);
            if (part != null) all.set(channel.channel().key, part);
        }
        return all;
    }

    private void calls(Context ctx) {
        int limit = 100;
        try {
            if (ctx.queryParam("limit") != null) limit = Math.max(1, Integer.parseInt(ctx.queryParam("limit")));
        } catch (NumberFormatException e) {
            json(ctx, 400, Json.object().put("error", "'limit' must be a number"));
            return;
        }
        ArrayNode list = Json.array();
        for (CallLog.Call call : calls.recent(limit)) {
            list.addObject()
                    .put("at", call.at().toString())
                    .put("channel", call.channel().key)
                    .put("endpoint", call.endpoint())
                    .put("method", call.method())
                    .put("path", call.path())
                    .put("status", call.status())
                    .put("accepted", call.accepted());
        }
        json(ctx, 200, list);
    }

    /**
     * {@code PUT /_sim/faults/{channel}} with {@code {"mode": "outage"|"storm"|"slow"|"normal"}} and, as the mode
     * needs, {@code seconds} (how long; absent: until switched back), {@code retryAfterSeconds} (storm, default 1)
     * and {@code delayMillis} (slow).
     */
    private void switchFault(Context ctx) {
        Optional<Channel> channel = Channel.byKey(ctx.pathParam("channel"));
        if (channel.isEmpty()) {
            json(ctx, 404, Json.object().put("error", "no channel '" + ctx.pathParam("channel") + "'"));
            return;
        }
        try {
            JsonNode body = Json.parse(ctx.body());
            Duration duration = body.hasNonNull("seconds") ? seconds(body, "seconds") : null;
            switch (body.path("mode").asText("")) {
                case "outage" -> faults.outage(channel.get(), duration);
                case "storm" ->
                    faults.storm(
                            channel.get(),
                            duration,
                            body.hasNonNull("retryAfterSeconds")
                                    ? seconds(body, "retryAfterSeconds")
                                    : Duration.ofSeconds(1));
                case "slow" -> {
                    Integer delay = Json.intOrNull(body.get("delayMillis"));
                    if (delay == null || delay < 0)
                        throw new IllegalArgumentException("'delayMillis' must be 0 or more");
                    faults.slow(channel.get(), Duration.ofMillis(delay), duration);
                }
                case "normal" -> faults.normal(channel.get());
                default -> throw new IllegalArgumentException("'mode' must be outage, storm, slow or normal");
            }
            json(ctx, 200, describe(faults.current(channel.get())));
        } catch (Json.MalformedJson | IllegalArgumentException e) {
            json(ctx, 400, Json.object().put("error", e.getMessage()));
        }
    }

    private static Duration seconds(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (!value.isNumber() || value.asDouble() < 0)
            throw new IllegalArgumentException("'" + field + "' must be 0 or more seconds");
        return Duration.ofMillis(Math.round(value.asDouble() * 1000));
    }

    private static ObjectNode describe(Fault fault) {
        ObjectNode json = Json.object().put("mode", fault.kind().name().toLowerCase());
        if (fault.until() != null) json.put("until", fault.until().toString());
        if (fault.kind() == Fault.Kind.STORM)
            json.put("retryAfterSeconds", fault.retryAfter().toSeconds());
        if (fault.kind() == Fault.Kind.SLOW)
            json.put("delayMillis", fault.delay().toMillis());
        return json;
    }

    private static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}

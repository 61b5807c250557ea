package io.stockflow.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The answers of the query API over the views; every handler reads the views only. */
final class QueryApi {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final int RECENT_CHANGES_SHOWN = 20;
    static final String MOVEMENTS_NOTE = "No output topic carries stock movements (inventory.movements is an input);"
            + " recent_changes lists this SKU's availability changes the service has seen, newest first.";

    private final AvailabilityView availability;
    private final RecentChanges changes;
    private final OrderTimelines orders;
    private final AlertLog alerts;
    private final ListedQuantities listed;
    private final CatchUp catchUp;
    private final Supplier<String> readerProblem;

    QueryApi(
            AvailabilityView availability,
            RecentChanges changes,
            OrderTimelines orders,
            AlertLog alerts,
            ListedQuantities listed,
            CatchUp catchUp,
            Supplier<String> readerProblem) {
        this.listed = listed;
        this.readerProblem = readerProblem;
        this.availability = availability;
        this.changes = changes;
        this.orders = orders;
        this.alerts = alerts;
        this.catchUp = catchUp;
    }

    void register(RoutesConfig routes) {
        routes.get(ApiRoutes.SKU, this::sku);
        routes.get(ApiRoutes.ORDER, this::order);
        routes.get(ApiRoutes.ALERTS, this::alerts);
        routes.get(ApiRoutes.SEARCH, this::search);
        routes.get(ApiRoutes.HEALTH, this::health);
    }

    private void sku(Context ctx) {
        String sku = ctx.pathParam("sku");
        List<Position> positions = availability.positions(sku);
        if (positions.isEmpty()) {
            json(ctx, 404, JsonBodies.error(notFound("SKU", sku, "inventory.availability")));
            return;
        }
        ObjectNode body = JsonBodies.object().put("sku", sku);
        ArrayNode locations = JsonBodies.JSON.createArrayNode();
        for (Position p : positions) {
            if ("*".equals(p.location())) body.set("total", JsonBodies.position(p));
            else locations.add(JsonBodies.position(p));
        }
        body.set("locations", locations);
        // What each channel lists, from its newest accepted push on channel.sync; empty without channel sync.
        ArrayNode shown = body.putArray("listed");
        for (ListedQuantities.Listed l : listed.of(sku))
            shown.addObject()
                    .put("channel", l.target())
                    .put("quantity", l.quantity())
                    .put("availability_version", l.availabilityVersion())
                    .put("pushed_at", Instant.ofEpochMilli(l.pushedAtMillis()).toString());
        ArrayNode recent = body.putArray("recent_changes");
        for (AvailabilityChange c : changes.of(sku, RECENT_CHANGES_SHOWN)) recent.add(JsonBodies.change(c));
        body.put("movements", MOVEMENTS_NOTE);
        json(ctx, 200, body);
    }

    private void order(Context ctx) {
        String orderId = ctx.pathParam("orderId");
        List<TimelineEntry> timeline = orders.timeline(orderId);
        if (timeline == null) {
            json(ctx, 404, JsonBodies.error(notFound("order", orderId, "the order topics or alerts")));
            return;
        }
        ObjectNode body = JsonBodies.object().put("order_id", orderId);
        String channel = orders.channel(orderId);
        if (channel != null) body.put("channel", channel);
        String number = orders.marketplaceOrderId(orderId);
        if (number != null) body.put("marketplace_order_id", number);
        OrderProgress.describe(timeline, body);
        ArrayNode events = body.putArray("timeline");
        for (TimelineEntry e : timeline) {
            ObjectNode n = events.addObject()
                    .put("kind", e.kind().label)
                    .put("event_time", Instant.ofEpochMilli(e.eventTimeMillis()).toString());
            n.set("record", JsonBodies.record(e.json()));
        }
        json(ctx, 200, body);
    }

    private void alerts(Context ctx) {
        String severity = blankToNull(ctx.queryParam("severity"));
        Severity atLeast = severity == null ? null : Severity.parse(severity);
        if (severity != null && atLeast == null)
            throw new BadQuery("severity must be INFO, WARNING or CRITICAL, not '" + severity + "'");
        String since = blankToNull(ctx.queryParam("since"));
        Long sinceMillis;
        try {
            sinceMillis = since == null ? null : RecordFields.parseInstant(since, "since");
        } catch (UnusableRecord e) {
            throw new BadQuery("since must be an ISO-8601 instant such as 2026-11-26T10:00:00Z, not '" + since + "'");
        }
        int offset = number(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        AlertQuery q = new AlertQuery(
                blankToNull(ctx.queryParam("type")),
                atLeast,
                blankToNull(ctx.queryParam("channel")),
                blankToNull(ctx.queryParam("sku")),
                blankToNull(ctx.queryParam("location")),
                sinceMillis,
                offset,
                limit);
        AlertLog.Page page = alerts.query(q);
        ObjectNode body = JsonBodies.object();
        ArrayNode list = body.putArray("alerts");
        for (StoredAlert a : page.alerts()) list.add(JsonBodies.record(a.json()));
        body.put("matched", page.matched()).put("offset", offset).put("limit", limit);
        if (offset + page.alerts().size() < page.matched())
            body.put("next_offset", offset + page.alerts().size());
        json(ctx, 200, body);
    }

    private void search(Context ctx) {
        String order = blankToNull(ctx.queryParam("order"));
        String sku = ctx.queryParam("sku");
        if ((order == null) == (sku == null))
            throw new BadQuery("give exactly one of order=<marketplace order number> or sku=<prefix>");
        ObjectNode body = JsonBodies.object();
        if (order != null) {
            ArrayNode found = body.putArray("orders");
            for (String id : orders.withMarketplaceNumber(order)) {
                ObjectNode n = found.addObject().put("order_id", id).put("marketplace_order_id", order);
                String channel = orders.channel(id);
                if (channel != null) n.put("channel", channel);
            }
        } else {
            if (sku.isBlank()) throw new BadQuery("sku must be a non-empty prefix");
            int limit = number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
            ArrayNode found = body.putArray("skus");
            for (String s : availability.skusStartingWith(sku, limit)) {
                ObjectNode n = found.addObject().put("sku", s);
                for (Position p : availability.positions(s))
                    if ("*".equals(p.location()))
                        n.put("available", p.available()).put("on_hand", p.onHand());
            }
        }
        json(ctx, 200, body);
    }

    private void health(Context ctx) {
        boolean serving = catchUp.caughtUp();
        ObjectNode body = JsonBodies.object().put("status", serving ? "serving" : "catching_up");
        String problem = readerProblem.get();
        if (problem != null) body.put("problem", problem);
        ObjectNode progress = body.putObject("progress");
        for (Map.Entry<String, long[]> e : catchUp.progress().entrySet())
            progress.putObject(e.getKey()).put("read", e.getValue()[0]).put("to_read", e.getValue()[1]);
        body.put("skus", availability.skuCount()).put("orders", orders.size()).put("alerts", alerts.size());
        json(ctx, serving ? 200 : 503, body);
    }

    private String notFound(String what, String id, String where) {
        String message = "unknown " + what + " '" + id + "': no record on " + where + " names it";
        return catchUp.caughtUp() ? message : message + " yet (the service is still catching up with the topics)";
    }

    private static int number(Context ctx, String name, int fallback, int min, int max) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new BadQuery(name + " must be a whole number from " + min + " to " + max + ", not '" + v + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(JsonBodies.write(body));
    }
}

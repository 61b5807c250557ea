package io.stockflow.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web console: its pages (plain HTML with their own scripts, every asset from the jar), the live summary as JSON
 * and as server-sent events, and the reports as JSON and CSV. The pages fill themselves from the JSON routes; the
 * server only decides whether the order or SKU asked for exists, so that an unknown one is a 404 with a message.
 */
final class ConsoleRoutes {
    private static final String RESOURCES = "console/";
    /** The assets the pages load, by file name: nothing else is served from the resources. */
    static final Map<String, String> ASSETS = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "live.js", "text/javascript; charset=utf-8",
            "order.js", "text/javascript; charset=utf-8",
            "sku.js", "text/javascript; charset=utf-8",
            "reports.js", "text/javascript; charset=utf-8");

    private static final int DEFAULT_DAYS = 14;
    private static final int DEFAULT_WEEKS = 5;

    private final AvailabilityView availability;
    private final OrderTimelines orders;
    private final Reports reports;
    private final LiveSummary summary;
    private final LiveUpdates updates;
    private final Map<String, String> resources = new ConcurrentHashMap<>();

    ConsoleRoutes(
            AvailabilityView availability,
            OrderTimelines orders,
            Reports reports,
            LiveSummary summary,
            LiveUpdates updates) {
        this.availability = availability;
        this.orders = orders;
        this.reports = reports;
        this.summary = summary;
        this.updates = updates;
    }

    void register(RoutesConfig routes) {
        routes.get(ApiRoutes.CONSOLE, ctx -> page(ctx, 200, "live.html"));
        routes.get(ApiRoutes.CONSOLE_ORDER, this::orderPage);
        routes.get(ApiRoutes.CONSOLE_SKU, this::skuPage);
        routes.get(ApiRoutes.CONSOLE_REPORTS, this::reportsPage);
        routes.get(ApiRoutes.CONSOLE_ASSET, this::asset);
        routes.get(ApiRoutes.CONSOLE_LIVE, ctx -> QueryApi.json(ctx, 200, summary.at(System.currentTimeMillis())));
        routes.sse(ApiRoutes.CONSOLE_LIVE_EVENTS, this::subscribe);
        routes.get(ApiRoutes.REPORT, this::reportJson);
        routes.get(ApiRoutes.REPORT_CSV, this::reportCsv);
    }

    private void orderPage(Context ctx) {
        String orderId = ctx.pathParam("orderId");
        if (orders.timeline(orderId) == null)
            errorPage(ctx, 404, "Unknown order '" + orderId + "': no record on the order topics or alerts names it.");
        else page(ctx, 200, "order.html");
    }

    private void skuPage(Context ctx) {
        String sku = ctx.pathParam("sku");
        if (availability.positions(sku).isEmpty())
            errorPage(ctx, 404, "Unknown SKU '" + sku + "': no record on inventory.availability names it.");
        else page(ctx, 200, "sku.html");
    }

    private void reportsPage(Context ctx) {
        String period = ctx.queryParam("period");
        if (period != null && Reports.Period.parse(period) == null)
            errorPage(ctx, 400, "period must be day or week, not '" + period + "'.");
        else page(ctx, 200, "reports.html");
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("file");
        String type = ASSETS.get(name);
        if (type == null) {
            QueryApi.json(ctx, 404, JsonBodies.error("no such console asset: " + name));
            return;
        }
        ctx.status(200).contentType(type).header("Cache-Control", "no-cache").result(resource(name));
    }

    private void subscribe(SseClient client) {
        client.keepAlive();
        updates.add(client);
    }

    private void reportJson(Context ctx) {
        Reports.Period period = period(ctx);
        int last = last(ctx, period);
        ObjectNode body = JsonBodies.object()
                .put("period", period.name().toLowerCase(Locale.ROOT))
                .put("last", last);
        ObjectNode tables = body.putObject("tables");
        for (String name : Reports.TABLES) {
            ReportTable t = reports.table(name, period, last);
            ObjectNode n = tables.putObject(name).put("title", t.title());
            ArrayNode columns = n.putArray("columns");
            t.columns().forEach(columns::add);
            ArrayNode rows = n.putArray("rows");
            for (var row : t.rows()) {
                ArrayNode r = rows.addArray();
                row.forEach(r::add);
            }
            n.put("csv", "/reports/" + body.get("period").asText() + "/" + name + ".csv");
        }
        QueryApi.json(ctx, 200, body);
    }

    private void reportCsv(Context ctx) {
        Reports.Period period = period(ctx);
        String file = ctx.pathParam("file");
        String name = file.endsWith(".csv") ? file.substring(0, file.length() - 4) : null;
        if (name == null || !Reports.TABLES.contains(name)) {
            QueryApi.json(
                    ctx,
                    404,
                    JsonBodies.error(
                            "no such report '" + file + "': one of " + String.join(".csv, ", Reports.TABLES) + ".csv"));
            return;
        }
        int last = last(ctx, period);
        String label = period.name().toLowerCase(Locale.ROOT);
        ctx.status(200)
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"stockflow-" + name + "-by-" + label + ".csv\"")
                .result(Csv.write(reports.table(name, period, last)));
    }

    private static Reports.Period period(Context ctx) {
        String name = ctx.pathParam("period");
        Reports.Period period = Reports.Period.parse(name);
        if (period == null) throw new BadQuery("period must be day or week, not '" + name + "'");
        return period;
    }

    private static int last(Context ctx, Reports.Period period) {
        int max = period == Reports.Period.DAY ? DailyReports.DAYS_KEPT : DailyReports.DAYS_KEPT / 7;
        String v = ctx.queryParam("last");
        if (v == null || v.isBlank()) return period == Reports.Period.DAY ? DEFAULT_DAYS : DEFAULT_WEEKS;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1 || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new BadQuery("last must be a whole number from 1 to " + max + ", not '" + v + "'");
        }
    }

    private void page(Context ctx, int status, String file) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(resource(file));
    }

    /** A page that says what was wrong, in the console's frame; the message is escaped. */
    private void errorPage(Context ctx, int status, String message) {
        String html = resource("error.html").replace("{{message}}", Html.escape(message));
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }

    private String resource(String name) {
        return resources.computeIfAbsent(name, n -> {
            try (InputStream in = ConsoleRoutes.class.getResourceAsStream(RESOURCES + n)) {
                if (in == null) throw new IllegalStateException("the console's " + n + " is not on the class path");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

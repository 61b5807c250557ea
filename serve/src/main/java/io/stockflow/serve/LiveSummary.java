package io.stockflow.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the console's live page shows, as one JSON document: sent at load and then every second as an event. */
final class LiveSummary {
    static final int BUSIEST = 10;
    static final int ALERTS_SHOWN = 15;

    private final AvailabilityView availability;
    private final OrderTimelines orders;
    private final AlertLog alerts;
    private final ConsoleViews console;
    private final CatchUp catchUp;

    LiveSummary(
            AvailabilityView availability,
            OrderTimelines orders,
            AlertLog alerts,
            ConsoleViews console,
            CatchUp catchUp) {
        this.availability = availability;
        this.orders = orders;
        this.alerts = alerts;
        this.console = console;
        this.catchUp = catchUp;
    }

    ObjectNode at(long nowMillis) {
        ObjectNode body = JsonBodies.object()
                .put("status", catchUp.caughtUp() ? "serving" : "catching_up")
                .put("generated_at", Instant.ofEpochMilli(nowMillis).toString());
        ObjectNode rate = body.putObject("orders_per_second")
                .put("seconds", LiveActivity.SECONDS)
                .put(
                        "last_second",
                        Instant.ofEpochSecond(Math.floorDiv(nowMillis, 1000)).toString());
        ObjectNode channels = rate.putObject("channels");
        long lastMinute = 0;
        for (Map.Entry<String, long[]> e :
                console.live.ordersPerSecond(nowMillis).entrySet()) {
            ArrayNode series = channels.putArray(e.getKey());
            for (long n : e.getValue()) {
                series.add(n);
                lastMinute += n;
            }
        }
        rate.put("orders_last_minute", lastMinute);

        ArrayNode busiest = body.putArray("busiest_skus");
        for (Map.Entry<String, Long> e : console.live.busiest(nowMillis, BUSIEST)) {
            ObjectNode n = busiest.addObject().put("sku", e.getKey()).put("units_ordered", e.getValue());
            for (Position p : availability.positions(e.getKey()))
                if ("*".equals(p.location()))
                    n.put("available", p.available()).put("on_hand", p.onHand()).put("reserved", p.reserved());
            ArrayNode listed = n.putArray("listed");
            for (ListedQuantities.Listed l : console.listed.of(e.getKey()))
                listed.addObject().put("channel", l.target()).put("quantity", l.quantity());
        }
        body.put("busiest_window_minutes", LiveActivity.MINUTES);

        AlertLog.Page open = alerts.open(ALERTS_SHOWN);
        ObjectNode openAlerts = body.putObject("open_alerts").put("count", open.matched());
        ArrayNode latest = openAlerts.putArray("latest");
        for (StoredAlert a : open.alerts()) latest.add(alert(a));

        ObjectNode sla = body.putObject("sla");
        LocalDate today = DailyReports.day(nowMillis);
        sla.set("today", breachRate(List.of(today)));
        sla.set(
                "last_7_days",
                breachRate(today.minusDays(6).datesUntil(today.plusDays(1)).toList()));

        body.putObject("totals")
                .put("skus", availability.skuCount())
                .put("orders", orders.size())
                .put("alerts", alerts.size());
        return body;
    }

    /** An alert as the console lists it, with the console page of its order, else its SKU. */
    static ObjectNode alert(StoredAlert a) {
        String message = RecordFields.optionalText(JsonBodies.record(a.json()), "message");
        ObjectNode n = JsonBodies.object()
                .put("alert_id", a.alertId())
                .put("type", a.type())
                .put("severity", a.severity().name())
                .put("event_time", Instant.ofEpochMilli(a.eventTimeMillis()).toString());
        if (message != null) n.put("message", message);
        if (a.status() != null) n.put("status", a.status());
        if (a.orderId() != null) n.put("order_id", a.orderId());
        if (a.sku() != null) n.put("sku", a.sku());
        if (a.location() != null) n.put("location", a.location());
        if (a.channel() != null) n.put("channel", a.channel());
        return n;
    }

    private ObjectNode breachRate(List<LocalDate> days) {
        long shipDue = 0, shipLate = 0, deliveryDue = 0, deliveryLate = 0;
        for (LocalDate d : days) {
            shipDue += total(d, DailyReports.Counter.SHIP_DUE);
            shipLate += total(d, DailyReports.Counter.SHIP_BREACHED);
            deliveryDue += total(d, DailyReports.Counter.DELIVERY_DUE);
            deliveryLate += total(d, DailyReports.Counter.DELIVERY_BREACHED);
        }
        ObjectNode n = JsonBodies.object()
                .put("ship_due", shipDue)
                .put("ship_breached", shipLate)
                .put("delivery_due", deliveryDue)
                .put("delivery_breached", deliveryLate);
        if (shipDue > 0) n.put("ship_breach_rate", Math.min(1.0, (double) shipLate / shipDue));
        if (deliveryDue > 0) n.put("delivery_breach_rate", Math.min(1.0, (double) deliveryLate / deliveryDue));
        return n;
    }

    private long total(LocalDate day, DailyReports.Counter counter) {
        long n = 0;
        for (long v : console.reports.counts(day, counter).values()) n += v;
        return n;
    }
}

package io.stockflow.marketsim.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Reply;
import java.time.Clock;
import java.util.List;

/**
 * Orders, REST v3, for shipment confirmation and cancellation: {@code GET orders/{id}}, {@code PUT orders/{id}}
 * (status and meta data, e.g. the tracking number), {@code GET orders/{id}/notes} and {@code POST orders/{id}/notes}
 * (a note, to the customer or private, e.g. with the carrier and tracking number).
 */
final class WooOrders {
    private static final List<String> STATUSES = List.of(
            "pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed", "checkout-draft");

    private final WooStore store;
    private final WooAccess access;
    private final Clock clock;

    WooOrders(WooStore store, WooAccess access, Clock clock) {
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    Reply update(Context ctx) {
        Reply refused =
                access.check(ctx, "woocommerce_rest_cannot_edit", "Sorry, you are not allowed to edit this resource.");
        if (refused != null) return refused;
        JsonNode body;
        try {
            body = Json.parse(ctx.body());
        } catch (Json.MalformedJson e) {
            return WooErrors.invalidJson();
        }
        if (!body.isObject()) return WooErrors.invalidJson();
        JsonNode status = body.get("status");
        if (status != null && (!status.isTextual() || !STATUSES.contains(status.textValue()))) {
            return Reply.json(
                    400, WooErrors.invalidParam("status", "status is not one of " + String.join(", ", STATUSES) + "."));
        }
        JsonNode metaData = body.get("meta_data");
        if (metaData != null && !metaData.isArray()) {
            return Reply.json(400, WooErrors.invalidParam("meta_data", "meta_data is not of type array."));
        }
        synchronized (store) {
            WooStore.Order order = store.order(WooProducts.id(ctx.pathParam("id")));
            if (order == null) return WooErrors.reply("woocommerce_rest_shop_order_invalid_id", "Invalid ID.", 404);
            if (status != null) order.status = status.textValue();
            if (metaData != null) order.metaData = metaData;
            order.modified = clock.instant();
            return Reply.json(200, order.toJson());
        }
    }

    Reply get(Context ctx) {
        Reply refused = access.check(ctx, "woocommerce_rest_cannot_view", "Sorry, you cannot view this resource.");
        if (refused != null) return refused;
        synchronized (store) {
            WooStore.Order order = store.order(WooProducts.id(ctx.pathParam("id")));
            if (order == null) return WooErrors.reply("woocommerce_rest_shop_order_invalid_id", "Invalid ID.", 404);
            return Reply.json(200, order.toJson());
        }
    }

    Reply notes(Context ctx) {
        Reply refused = access.check(ctx, "woocommerce_rest_cannot_view", "Sorry, you cannot view this resource.");
        if (refused != null) return refused;
        synchronized (store) {
            WooStore.Order order = store.order(WooProducts.id(ctx.pathParam("id")));
            if (order == null) return WooErrors.reply("woocommerce_rest_order_invalid_id", "Invalid order ID.", 404);
            var list = Json.array();
            // Newest first, as WordPress lists comments.
            for (int i = order.notes.size() - 1; i >= 0; i--)
                list.add(order.notes.get(i).deepCopy());
            return Reply.json(200, list);
        }
    }

    Reply addNote(Context ctx) {
        Reply refused =
                access.check(ctx, "woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources.");
        if (refused != null) return refused;
        JsonNode body;
        try {
            body = Json.parse(ctx.body());
        } catch (Json.MalformedJson e) {
            return WooErrors.invalidJson();
        }
        if (!body.isObject()) return WooErrors.invalidJson();
        String note = Json.textOrNull(body.get("note"));
        if (note == null) return WooErrors.missingParam("note");
        synchronized (store) {
            WooStore.Order order = store.order(WooProducts.id(ctx.pathParam("id")));
            if (order == null) return WooErrors.reply("woocommerce_rest_order_invalid_id", "Invalid order ID.", 404);
            String now = clock.instant().toString().replaceFirst("(\\.\\d+)?Z$", "");
            ObjectNode created = Json.object()
                    .put("id", store.nextNoteId())
                    .put("author", "system")
                    .put("date_created", now)
                    .put("date_created_gmt", now)
                    .put("note", note)
                    .put("customer_note", body.path("customer_note").asBoolean(false));
            order.notes.add(created);
            return Reply.json(201, created);
        }
    }
}

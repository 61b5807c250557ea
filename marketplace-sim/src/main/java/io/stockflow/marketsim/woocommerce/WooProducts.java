package io.stockflow.marketsim.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Reply;
import java.time.Clock;
import java.util.function.LongFunction;

/**
 * Products and variations, REST v3: batch updates of {@code stock_quantity} ({@code products/batch} and
 * {@code products/{id}/variations/batch}; at most {@code batchLimit} items counting create, update and delete,
 * each item answered on its own) and single reads for reconciliation. Creating and deleting through a batch is not
 * simulated and answers an error for each such item.
 */
final class WooProducts {
    private final WooStore store;
    private final WooAccess access;
    private final int batchLimit;
    private final Clock clock;

    WooProducts(WooStore store, WooAccess access, int batchLimit, Clock clock) {
        this.store = store;
        this.access = access;
        this.batchLimit = batchLimit;
        this.clock = clock;
    }

    Reply batchProducts(Context ctx) {
        Reply refused = access.check(
                ctx, "woocommerce_rest_cannot_batch", "Sorry, you are not allowed to batch manipulate this resource.");
        if (refused != null) return refused;
        return batch(ctx, "woocommerce_rest_product_invalid_id", id -> {
            WooStore.Product product = store.product(id);
            return product == null ? null : product.stock;
        });
    }

    Reply batchVariations(Context ctx) {
        Reply refused = access.check(
                ctx, "woocommerce_rest_cannot_batch", "Sorry, you are not allowed to batch manipulate this resource.");
        if (refused != null) return refused;
        WooStore.Product parent = product(ctx);
        if (parent == null) return WooErrors.reply("woocommerce_rest_product_invalid_id", "Invalid ID.", 404);
        return batch(ctx, "woocommerce_rest_product_variation_invalid_id", parent.variations::get);
    }

    Reply getProduct(Context ctx) {
        Reply refused = access.check(ctx, "woocommerce_rest_cannot_view", "Sorry, you cannot view this resource.");
        if (refused != null) return refused;
        synchronized (store) {
            WooStore.Product product = product(ctx);
            if (product == null) return WooErrors.reply("woocommerce_rest_product_invalid_id", "Invalid ID.", 404);
            return Reply.json(200, product.toJson());
        }
    }

    Reply getVariation(Context ctx) {
        Reply refused = access.check(ctx, "woocommerce_rest_cannot_view", "Sorry, you cannot view this resource.");
        if (refused != null) return refused;
        synchronized (store) {
            WooStore.Product product = product(ctx);
            WooStore.Stocked variation =
                    product == null ? null : product.variations.get(id(ctx.pathParam("variationId")));
            if (variation == null)
                return WooErrors.reply("woocommerce_rest_product_variation_invalid_id", "Invalid ID.", 404);
            return Reply.json(200, variation.toJson());
        }
    }

    private WooStore.Product product(Context ctx) {
        return store.product(id(ctx.pathParam("id")));
    }

    /** A path id; one that is not a number finds nothing, as WordPress's routes would not match it. */
    static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Reply batch(Context ctx, String invalidIdCode, LongFunction<WooStore.Stocked> find) {
        JsonNode body;
        try {
            body = Json.parse(ctx.body());
        } catch (Json.MalformedJson e) {
            return WooErrors.invalidJson();
        }
        if (!body.isObject()) return WooErrors.invalidJson();
        int items = 0;
        for (String kind : new String[] {"create", "update", "delete"}) {
            JsonNode list = body.get(kind);
            if (list == null) continue;
            if (!list.isArray()) return Reply.json(400, WooErrors.invalidParam(kind, kind + " is not of type array."));
            items += list.size();
        }
        if (items > batchLimit) {
            return WooErrors.reply(
                    "woocommerce_rest_request_entity_too_large",
                    "Unable to accept more than " + batchLimit + " items for this request.",
                    413);
        }
        ObjectNode answer = Json.object();
        synchronized (store) {
            if (body.has("create")) answer.set("create", notSimulated(body.get("create"), "create"));
            if (body.has("update")) {
                ArrayNode updated = answer.putArray("update");
                body.get("update").forEach(item -> updated.add(update(item, invalidIdCode, find)));
            }
            if (body.has("delete")) answer.set("delete", notSimulated(body.get("delete"), "delete"));
        }
        return Reply.json(200, answer);
    }

    private ObjectNode update(JsonNode item, String invalidIdCode, LongFunction<WooStore.Stocked> find) {
        JsonNode idNode = item.get("id");
        long id = idNode != null && idNode.canConvertToLong()
                ? idNode.asLong()
                : id(item.path("id").asText());
        WooStore.Stocked stocked = id > 0 ? find.apply(id) : null;
        if (stocked == null) return failed(id, WooErrors.error(invalidIdCode, "Invalid ID.", 400));
        JsonNode quantity = item.get("stock_quantity");
        if (quantity != null && !quantity.isNull()) {
            Integer n = Json.intOrNull(quantity);
            if (n == null)
                return failed(id, WooErrors.invalidParam("stock_quantity", "stock_quantity is not of type integer."));
            stocked.stockQuantity = n;
            stocked.modified = clock.instant();
        }
        WooStore.Product product = store.product(id);
        return product != null && product.stock == stocked ? product.toJson() : stocked.toJson();
    }

    private static ObjectNode failed(long id, ObjectNode error) {
        ObjectNode item = Json.object().put("id", id);
        item.set("error", error);
        return item;
    }

    private static ArrayNode notSimulated(JsonNode items, String kind) {
        ArrayNode answers = Json.array();
        for (JsonNode item : items) {
            answers.add(failed(
                    item.path("id").asLong(0),
                    WooErrors.error(
                            "marketsim_not_simulated",
                            "The simulator does not " + kind
                                    + " products; seed them through /_sim/woocommerce/products.",
                            400)));
        }
        return answers;
    }
}

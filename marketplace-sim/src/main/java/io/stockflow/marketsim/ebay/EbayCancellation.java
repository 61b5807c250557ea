package io.stockflow.marketsim.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Reply;
import java.time.Clock;
import java.util.List;

/**
 * The Post-Order API's seller cancellation, {@code POST /post-order/v2/cancellation}: cancels an order by its
 * {@code legacyOrderId} with a {@code cancelReason}; 201 with the new {@code cancelId}. The Post-Order API takes the
 * OAuth token as {@code Authorization: IAF <token>} and needs {@code X-EBAY-C-MARKETPLACE-ID}. An order with a
 * shipping fulfillment, or one cancelled already, is refused. Its errors are the Post-Order API's {@code error} list.
 */
final class EbayCancellation {
    /** The reasons a seller may give. */
    static final List<String> SELLER_REASONS =
            List.of("OUT_OF_STOCK_OR_CANNOT_FULFILL", "BUYER_ASKED_CANCEL", "ADDRESS_ISSUES");

    private final EbayStore store;
    private final String accessToken;
    private final Clock clock;

    EbayCancellation(EbayStore store, String accessToken, Clock clock) {
        this.store = store;
        this.accessToken = accessToken;
        this.clock = clock;
    }

    Reply create(Context ctx) {
        if (!("IAF " + accessToken).equals(ctx.header("Authorization")))
            return error(401, 1001, "Invalid access token.");
        if (ctx.header("X-EBAY-C-MARKETPLACE-ID") == null)
            return error(400, 1002, "The X-EBAY-C-MARKETPLACE-ID header is required.");
        JsonNode body;
        try {
            body = Json.parse(ctx.body());
        } catch (Json.MalformedJson e) {
            return error(400, 1003, "The request body could not be read as JSON: " + e.getMessage());
        }
        if (!body.isObject()) return error(400, 1003, "The request body must be a JSON object.");
        String legacyOrderId = Json.textOrNull(body.get("legacyOrderId"));
        if (legacyOrderId == null) return error(400, 1004, "legacyOrderId is required.");
        String reason = Json.textOrNull(body.get("cancelReason"));
        if (reason == null || !SELLER_REASONS.contains(reason))
            return error(400, 1005, "cancelReason must be one of " + String.join(", ", SELLER_REASONS) + ".");
        synchronized (store) {
            EbayStore.Order order = store.orderByLegacyId(legacyOrderId);
            if (order == null) return error(404, 1006, "Order " + legacyOrderId + " was not found.");
            if (order.cancellation != null) return error(409, 1007, "The order is already cancelled.");
            if (!order.fulfillments.isEmpty())
                return error(409, 1008, "The order has shipped and can no longer be cancelled.");
            String cancelId = "5" + String.format("%09d", (order.orderId.hashCode() & 0x7fffffff) % 1_000_000_000);
            order.cancellation = Json.object()
                    .put("cancelId", cancelId)
                    .put("cancelReason", reason)
                    .put("cancelInitiator", "SELLER")
                    .put("cancelRequestedDate", clock.instant().toString());
            return Reply.json(201, Json.object().put("cancelId", cancelId));
        }
    }

    private static Reply error(int status, int errorId, String message) {
        ObjectNode body = Json.object();
        body.putArray("error")
                .addObject()
                .put("errorId", errorId)
                .put("domain", "returnErrorDomain")
                .put("severity", "ERROR")
                .put("category", "REQUEST")
                .put("message", message);
        return Reply.json(status, body);
    }
}

package io.stockflow.marketsim.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.stockflow.marketsim.core.Channel;
import io.stockflow.marketsim.core.DailyLimit;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Seeding;
import io.stockflow.marketsim.core.SimRoutes;
import io.stockflow.marketsim.core.SimulatedChannel;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * eBay's Sell APIs as channel sync uses them: Inventory {@code bulkUpdatePriceQuantity} and {@code getOffer}, and
 * Fulfillment {@code getOrder}, {@code getShippingFulfillments} and {@code createShippingFulfillment}, and the Post-Order
 * API's seller cancellation, behind an OAuth token, with the per-call request limit and
 * each listing's daily revision limit. Seeded with offers ({@code POST /_sim/ebay/offers}) and orders
 * ({@code POST /_sim/ebay/orders}); revisions per offer and day are in {@code state().revisions}.
 */
public final class EbayChannel implements SimulatedChannel {
    private final EbayStore store = new EbayStore();
    private final DailyLimit revisions;
    private final EbayInventory inventory;
    private final EbayFulfillment fulfillment;
    private final EbayCancellation cancellation;

    public EbayChannel(String accessToken, int requestsPerCall, int revisionsPerDay, ZoneId dayZone, Clock clock) {
        this.revisions = new DailyLimit(revisionsPerDay, dayZone, clock);
        this.inventory = new EbayInventory(store, accessToken, requestsPerCall, revisions);
        this.fulfillment = new EbayFulfillment(store, accessToken, clock);
        this.cancellation = new EbayCancellation(store, accessToken, clock);
    }

    @Override
    public Channel channel() {
        return Channel.EBAY;
    }

    @Override
    public void register(SimRoutes api, RoutesConfig admin) {
        EbayErrors errors = new EbayErrors();
        api.add(
                HandlerType.POST,
                "/sell/inventory/v1/bulk_update_price_quantity",
                Channel.EBAY,
                "bulkUpdatePriceQuantity",
                errors,
                inventory::bulkUpdatePriceQuantity);
        api.add(
                HandlerType.GET,
                "/sell/inventory/v1/offer/{offerId}",
                Channel.EBAY,
                "getOffer",
                errors,
                inventory::getOffer);
        api.add(
                HandlerType.POST,
                "/sell/fulfillment/v1/order/{orderId}/shipping_fulfillment",
                Channel.EBAY,
                "createShippingFulfillment",
                errors,
                fulfillment::createShippingFulfillment);
        api.add(
                HandlerType.GET,
                "/sell/fulfillment/v1/order/{orderId}/shipping_fulfillment",
                Channel.EBAY,
                "getShippingFulfillments",
                errors,
                fulfillment::getShippingFulfillments);
        api.add(
                HandlerType.GET,
                "/sell/fulfillment/v1/order/{orderId}",
                Channel.EBAY,
                "getOrder",
                errors,
                fulfillment::getOrder);
        api.add(
                HandlerType.POST,
                "/post-order/v2/cancellation",
                Channel.EBAY,
                "createCancellation",
                errors,
                cancellation::create);
        Seeding.post(admin, "/_sim/ebay/offers", body -> {
            String offerId = Seeding.text(body, "offerId");
            if (!offerId.matches("[0-9]+"))
                throw new IllegalArgumentException("'offerId' must be digits, as eBay's are");
            store.addOffer(new EbayStore.Offer(
                    offerId,
                    Seeding.text(body, "sku"),
                    body.path("marketplaceId").asText("EBAY_US"),
                    body.path("listingId").asText("1" + offerId),
                    Seeding.integer(body, "availableQuantity")));
        });
        Seeding.post(admin, "/_sim/ebay/orders", body -> {
            Map<String, Integer> lines = new LinkedHashMap<>();
            Map<String, String> skus = new LinkedHashMap<>();
            for (JsonNode line : Seeding.array(body, "lineItems")) {
                String lineItemId = Seeding.text(line, "lineItemId");
                lines.put(lineItemId, Seeding.integer(line, "quantity"));
                if (line.hasNonNull("sku")) skus.put(lineItemId, Seeding.text(line, "sku"));
            }
            String orderId = Seeding.text(body, "orderId");
            String legacy = body.hasNonNull("legacyOrderId") ? Seeding.text(body, "legacyOrderId") : orderId;
            store.addOrder(new EbayStore.Order(orderId, legacy, lines, skus));
        });
    }

    @Override
    public ObjectNode state() {
        ObjectNode state = Json.object();
        state.set("quantities", store.quantities());
        state.set("shipments", store.shipments());
        state.set("cancellations", store.cancellations());
        state.set("revisions", Json.MAPPER.valueToTree(revisions.snapshot()));
        return state;
    }

    @Override
    public void clear() {
        store.clear();
        revisions.clear();
    }
}

package io.stockflow.marketsim.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.stockflow.marketsim.core.Channel;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Seeding;
import io.stockflow.marketsim.core.SimRoutes;
import io.stockflow.marketsim.core.SimulatedChannel;
import io.stockflow.marketsim.core.TokenBucket;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Amazon's Selling Partner API as channel sync uses it: Listings Items 2021-08-01 (patch and get of a listing) and
 * Orders v0 {@code getOrder}, {@code getOrderItems} and {@code confirmShipment}, behind {@code x-amz-access-token} and a usage-plan bucket per operation. Seeded with
 * listings ({@code POST /_sim/amazon/listings}) and orders ({@code POST /_sim/amazon/orders}).
 */
public final class AmazonChannel implements SimulatedChannel {
    /** The usage plan of one operation: requests a second and burst. */
    public record Rate(double perSecond, int burst) {}

    private final AmazonStore store = new AmazonStore();
    private final AmazonListings listings;
    private final AmazonOrders orders;
    private final Clock clock;

    public AmazonChannel(
            String accessToken, Rate patchListingsItem, Rate getListingsItem, Rate confirmShipment, Clock clock) {
        this.clock = clock;
        this.listings =
                new AmazonListings(store, accessToken, bucket(patchListingsItem), bucket(getListingsItem), clock);
        // getOrder and getOrderItems keep a bucket each of their own, at confirmShipment's rate.
        this.orders = new AmazonOrders(
                store, accessToken, bucket(confirmShipment), bucket(confirmShipment), bucket(confirmShipment));
    }

    private TokenBucket bucket(Rate rate) {
        return new TokenBucket(rate.perSecond(), rate.burst(), clock);
    }

    @Override
    public Channel channel() {
        return Channel.AMAZON;
    }

    @Override
    public void register(SimRoutes api, RoutesConfig admin) {
        AmazonErrors errors = new AmazonErrors();
        String item = "/listings/2021-08-01/items/{sellerId}/{sku}";
        api.add(HandlerType.PATCH, item, Channel.AMAZON, "patchListingsItem", errors, listings::patch);
        api.add(HandlerType.GET, item, Channel.AMAZON, "getListingsItem", errors, listings::get);
        api.add(
                HandlerType.POST,
                "/orders/v0/orders/{orderId}/shipmentConfirmation",
                Channel.AMAZON,
                "confirmShipment",
                errors,
                orders::confirmShipment);
        api.add(HandlerType.GET, "/orders/v0/orders/{orderId}", Channel.AMAZON, "getOrder", errors, orders::order);
        api.add(
                HandlerType.GET,
                "/orders/v0/orders/{orderId}/orderItems",
                Channel.AMAZON,
                "getOrderItems",
                errors,
                orders::orderItems);
        Seeding.post(admin, "/_sim/amazon/listings", body -> {
            Set<String> marketplaceIds = new TreeSet<>();
            Seeding.array(body, "marketplaceIds").forEach(id -> marketplaceIds.add(id.asText()));
            if (marketplaceIds.isEmpty()) throw new IllegalArgumentException("'marketplaceIds' must not be empty");
            AmazonStore.Listing listing = new AmazonStore.Listing(
                    Seeding.text(body, "sellerId"),
                    Seeding.text(body, "sku"),
                    body.path("productType").asText("PRODUCT"),
                    marketplaceIds,
                    clock.instant());
            listing.quantityByChannel.put(
                    body.path("fulfillmentChannelCode").asText("DEFAULT"), Seeding.integer(body, "quantity"));
            store.addListing(listing);
        });
        Seeding.post(admin, "/_sim/amazon/orders", body -> {
            Map<String, Integer> items = new LinkedHashMap<>();
            Map<String, String> skus = new LinkedHashMap<>();
            for (JsonNode line : Seeding.array(body, "orderItems")) {
                String itemId = Seeding.text(line, "orderItemId");
                items.put(itemId, Seeding.integer(line, "quantity"));
                if (line.hasNonNull("sellerSku")) skus.put(itemId, Seeding.text(line, "sellerSku"));
            }
            store.addOrder(new AmazonStore.Order(
                    Seeding.text(body, "orderId"), Seeding.text(body, "marketplaceId"), items, skus));
        });
    }

    @Override
    public ObjectNode state() {
        ObjectNode state = Json.object();
        state.set("quantities", store.quantities());
        state.set("shipments", store.shipments());
        return state;
    }

    @Override
    public void clear() {
        store.clear();
    }
}

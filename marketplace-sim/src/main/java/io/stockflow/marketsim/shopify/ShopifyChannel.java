package io.stockflow.marketsim.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.stockflow.marketsim.core.Channel;
import io.stockflow.marketsim.core.CostBucket;
import io.stockflow.marketsim.core.Json;
import io.stockflow.marketsim.core.Seeding;
import io.stockflow.marketsim.core.SimRoutes;
import io.stockflow.marketsim.core.SimulatedChannel;
import java.time.Clock;

/**
 * The Shopify Admin GraphQL API as channel sync uses it: {@code inventorySetQuantities}, {@code fulfillmentCreate},
 * {@code orderCancel} and the {@code inventoryItem} and {@code order} reads, behind the access token and the query-cost
 * throttle. Seeded with inventory levels ({@code POST /_sim/shopify/inventory-levels}), orders with their fulfillment
 * orders and line items ({@code POST /_sim/shopify/orders}) and bare fulfillment orders
 * ({@code POST /_sim/shopify/fulfillment-orders}).
 */
public final class ShopifyChannel implements SimulatedChannel {
    private final ShopifyStore store = new ShopifyStore();
    private final ShopifyGraphqlEndpoint graphql;

    /**
     * @param bucketSize   the throttle bucket's size in cost points (Shopify Plus's is 1000)
     * @param restoreRate  points restored a second
     * @param costPerCall  what every call costs, query or mutation
     */
    public ShopifyChannel(String accessToken, int bucketSize, double restoreRate, int costPerCall, Clock clock) {
        this.graphql = new ShopifyGraphqlEndpoint(
                accessToken,
                new CostBucket(bucketSize, restoreRate, clock),
                costPerCall,
                new InventorySetQuantities(store, clock),
                new FulfillmentCreate(store, clock),
                new InventoryItemQuery(store),
                new OrderQuery(store),
                new OrderCancel(store, clock));
    }

    @Override
    public Channel channel() {
        return Channel.SHOPIFY;
    }

    @Override
    public void register(SimRoutes api, RoutesConfig admin) {
        api.add(
                HandlerType.POST,
                "/admin/api/{version}/graphql.json",
                Channel.SHOPIFY,
                "graphql",
                new ShopifyErrors(),
                graphql);
        Seeding.post(admin, "/_sim/shopify/inventory-levels", body -> {
            String item = Seeding.text(body, "inventoryItemId");
            String location = Seeding.text(body, "locationId");
            if (!item.matches("gid://shopify/InventoryItem/[0-9]+")
                    || !location.matches("gid://shopify/Location/[0-9]+")) {
                throw new IllegalArgumentException(
                        "ids must be gid://shopify/InventoryItem/N and gid://shopify/Location/N");
            }
            store.stock(item, location, Seeding.integer(body, "available"));
        });
        Seeding.post(admin, "/_sim/shopify/fulfillment-orders", body -> {
            String id = Seeding.text(body, "fulfillmentOrderId");
            if (!id.matches("gid://shopify/FulfillmentOrder/[0-9]+")) {
                throw new IllegalArgumentException("fulfillmentOrderId must be gid://shopify/FulfillmentOrder/N");
            }
            store.addFulfillmentOrder(id, Seeding.text(body, "orderId"));
        });
        Seeding.post(admin, "/_sim/shopify/orders", body -> {
            String orderId = Seeding.text(body, "orderId");
            if (!orderId.matches("gid://shopify/Order/[0-9]+"))
                throw new IllegalArgumentException("orderId must be gid://shopify/Order/N");
            synchronized (store) {
                for (JsonNode fo : Seeding.array(body, "fulfillmentOrders")) {
                    String id = Seeding.text(fo, "id");
                    if (!id.matches("gid://shopify/FulfillmentOrder/[0-9]+"))
                        throw new IllegalArgumentException(
                                "fulfillment order ids must be gid://shopify/FulfillmentOrder/N");
                    ShopifyStore.FulfillmentOrder order = store.addFulfillmentOrder(id, orderId);
                    for (JsonNode line : Seeding.array(fo, "lineItems")) {
                        String lineId = Seeding.text(line, "id");
                        if (!lineId.matches("gid://shopify/FulfillmentOrderLineItem/[0-9]+"))
                            throw new IllegalArgumentException(
                                    "line item ids must be gid://shopify/FulfillmentOrderLineItem/N");
                        order.lines.put(
                                lineId,
                                new ShopifyStore.LineItem(
                                        lineId, Seeding.text(line, "sku"), Seeding.integer(line, "quantity")));
                    }
                }
            }
        });
    }

    @Override
    public ObjectNode state() {
        ObjectNode state = Json.object();
        state.set("quantities", store.quantities());
        state.set("shipments", store.fulfillments());
        state.set("cancellations", store.cancellations());
        return state;
    }

    @Override
    public void clear() {
        store.clear();
    }
}

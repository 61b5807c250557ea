package io.stockflow.marketsim.woocommerce;

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

/**
 * WooCommerce's REST API v3 as channel sync uses it: product and variation stock in batches, single reads, order
 * reads, updates and notes, behind the REST API key (HTTP Basic) and a configured request rate. Seeded with products
 * ({@code POST /_sim/woocommerce/products}, variations nested) and orders ({@code POST /_sim/woocommerce/orders}).
 */
public final class WooChannel implements SimulatedChannel {
    private static final String BASE = "/wp-json/wc/v3";

    private final WooStore store = new WooStore();
    private final WooProducts products;
    private final WooOrders orders;
    private final Clock clock;

    public WooChannel(
            String consumerKey,
            String consumerSecret,
            double requestsPerSecond,
            int burst,
            int batchLimit,
            Clock clock) {
        this.clock = clock;
        WooAccess access = new WooAccess(consumerKey, consumerSecret, new TokenBucket(requestsPerSecond, burst, clock));
        this.products = new WooProducts(store, access, batchLimit, clock);
        this.orders = new WooOrders(store, access, clock);
    }

    @Override
    public Channel channel() {
        return Channel.WOOCOMMERCE;
    }

    @Override
    public void register(SimRoutes api, RoutesConfig admin) {
        WooErrors errors = new WooErrors();
        api.add(
                HandlerType.POST,
                BASE + "/products/batch",
                Channel.WOOCOMMERCE,
                "batchProducts",
                errors,
                products::batchProducts);
        api.add(
                HandlerType.POST,
                BASE + "/products/{id}/variations/batch",
                Channel.WOOCOMMERCE,
                "batchVariations",
                errors,
                products::batchVariations);
        api.add(
                HandlerType.GET,
                BASE + "/products/{id}",
                Channel.WOOCOMMERCE,
                "getProduct",
                errors,
                products::getProduct);
        api.add(
                HandlerType.GET,
                BASE + "/products/{id}/variations/{variationId}",
                Channel.WOOCOMMERCE,
                "getVariation",
                errors,
                products::getVariation);
        api.add(HandlerType.GET, BASE + "/orders/{id}", Channel.WOOCOMMERCE, "getOrder", errors, orders::get);
        api.add(HandlerType.PUT, BASE + "/orders/{id}", Channel.WOOCOMMERCE, "updateOrder", errors, orders::update);
        api.add(
                HandlerType.GET,
                BASE + "/orders/{id}/notes",
                Channel.WOOCOMMERCE,
                "listOrderNotes",
                errors,
                orders::notes);
        api.add(
                HandlerType.POST,
                BASE + "/orders/{id}/notes",
                Channel.WOOCOMMERCE,
                "createOrderNote",
                errors,
                orders::addNote);
        Seeding.post(admin, "/_sim/woocommerce/products", body -> {
            long id = Seeding.integer(body, "id");
            WooStore.Product product = new WooStore.Product(new WooStore.Stocked(
                    id,
                    body.path("sku").asText(""),
                    body.path("name").asText("Product " + id),
                    Seeding.integer(body, "stock_quantity"),
                    clock.instant()));
            if (body.has("variations")) {
                for (JsonNode variation : Seeding.array(body, "variations")) {
                    long variationId = Seeding.integer(variation, "id");
                    product.variations.put(
                            variationId,
                            new WooStore.Stocked(
                                    variationId,
                                    variation.path("sku").asText(""),
                                    "Variation " + variationId,
                                    Seeding.integer(variation, "stock_quantity"),
                                    clock.instant()));
                }
            }
            store.addProduct(product);
        });
        Seeding.post(
                admin,
                "/_sim/woocommerce/orders",
                body -> store.addOrder(new WooStore.Order(
                        Seeding.integer(body, "id"), body.path("status").asText("processing"), clock.instant())));
    }

    @Override
    public ObjectNode state() {
        ObjectNode state = Json.object();
        state.set("quantities", store.quantities());
        state.set("shipments", store.shipments());
        state.set("cancellations", store.cancellations());
        return state;
    }

    @Override
    public void clear() {
        store.clear();
    }
}

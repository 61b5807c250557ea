package io.stockflow.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's listings: every SKU of the generated catalogue listed on all four channels, fed by every location of the
 * generated traffic with no buffer, so that each channel should list what the ledger has available. It writes the
 * listing map the sync job starts with, the simulator's seeding requests for the same listings, and reads the
 * simulator's quantities back per SKU. Ids are derived from a SKU's position: the map and the seeding always agree.
 */
public final class DemoListings {
    public static final List<String> CHANNELS = List.of("shopify", "amazon", "ebay", "woocommerce");
    static final String SELLER_ID = "A1DEMOSELLER";
    static final String MARKETPLACE_ID = "ATVPDKIKX0DER";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A seeding call of the simulator's admin API. */
    record Seed(String path, String body) {}

    private final List<String> skus;
    private final List<String> locations;
    private final Map<String, String> skuByShopifyItem = new HashMap<>();
    private final Map<String, String> skuByOffer = new HashMap<>();
    private final Map<String, String> skuByProduct = new HashMap<>();

    public DemoListings(List<String> skus, List<String> locations) {
        if (skus.isEmpty() || locations.isEmpty()) throw new IllegalArgumentException("no SKUs or no locations");
        this.skus = List.copyOf(skus);
        this.locations = List.copyOf(locations);
        for (int i = 0; i < skus.size(); i++) {
            skuByShopifyItem.put(shopifyItem(i), skus.get(i));
            skuByOffer.put(offerId(i), skus.get(i));
            skuByProduct.put(Long.toString(productId(i)), skus.get(i));
        }
    }

    List<String> skus() {
        return skus;
    }

    /** The listing map (schema {@code channel.listings}): each Shopify location fed by one stockflow location. */
    String listingMap(Instant effectiveFrom) {
        ObjectNode map = JSON.createObjectNode();
        map.put("version", "demo-1");
        map.put("effective_from", effectiveFrom.toString());
        map.put("description", "The demo's catalogue on every channel, fed by every location, no buffer.");
        ObjectNode channels = map.putObject("channels");
        ArrayNode shopifyLocations = channels.putObject("shopify").putArray("locations");
        for (int l = 0; l < locations.size(); l++) {
            ObjectNode location = shopifyLocations.addObject();
            location.put("id", shopifyLocation(l));
            location.putArray("fed_by").add(locations.get(l));
        }
        ObjectNode amazon = channels.putObject("amazon");
        amazon.putArray("marketplace_ids").add(MARKETPLACE_ID);
        feedAll(amazon);
        feedAll(channels.putObject("ebay"));
        feedAll(channels.putObject("woocommerce"));
        ArrayNode listings = map.putArray("listings");
        for (int i = 0; i < skus.size(); i++) {
            ObjectNode listing = listings.addObject();
            listing.put("sku", skus.get(i));
            listing.putObject("shopify").put("inventory_item_id", shopifyItem(i));
            listing.putObject("amazon").put("seller_sku", skus.get(i));
            listing.putObject("ebay").put("sku", skus.get(i)).put("offer_id", offerId(i));
            listing.putObject("woocommerce").put("product_id", productId(i));
        }
        return map.toString();
    }

    /** The simulator's listings for the map, each at 0 units until the sync job pushes the ledger's quantity. */
    List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            String sku = skus.get(i);
            for (int l = 0; l < locations.size(); l++) {
                ObjectNode level = JSON.createObjectNode();
                level.put("inventoryItemId", shopifyItem(i));
                level.put("locationId", shopifyLocation(l));
                level.put("available", 0);
                seeds.add(new Seed("/_sim/shopify/inventory-levels", level.toString()));
            }
            ObjectNode listing = JSON.createObjectNode();
            listing.put("sellerId", SELLER_ID);
            listing.put("sku", sku);
            listing.putArray("marketplaceIds").add(MARKETPLACE_ID);
            listing.put("quantity", 0);
            seeds.add(new Seed("/_sim/amazon/listings", listing.toString()));
            ObjectNode offer = JSON.createObjectNode();
            offer.put("offerId", offerId(i));
            offer.put("sku", sku);
            offer.put("availableQuantity", 0);
            seeds.add(new Seed("/_sim/ebay/offers", offer.toString()));
            ObjectNode product = JSON.createObjectNode();
            product.put("id", productId(i));
            product.put("sku", sku);
            product.put("stock_quantity", 0);
            seeds.add(new Seed("/_sim/woocommerce/products", product.toString()));
        }
        return seeds;
    }

    /**
     * What each channel lists per SKU, from the simulator's {@code GET /_sim/quantities}, in {@link #CHANNELS} order;
     * Shopify's is the sum over its locations, as a buyer of any location could take it. A channel that has no
     * listing of a SKU is null.
     */
    public Map<String, Long[]> listed(JsonNode q) {
        Map<String, Long[]> listed = new LinkedHashMap<>();
        for (String sku : skus) listed.put(sku, new Long[CHANNELS.size()]);
        for (JsonNode e : q.path("shopify")) {
            add(listed, skuByShopifyItem.get(e.path("inventoryItemId").asText()), 0, e.path("available"));
        }
        for (JsonNode e : q.path("amazon")) {
            String sku = e.path("sku").asText();
            boolean merchantFulfilled =
                    "DEFAULT".equals(e.path("fulfillmentChannelCode").asText("DEFAULT"));
            add(listed, merchantFulfilled && listed.containsKey(sku) ? sku : null, 1, e.path("quantity"));
        }
        for (JsonNode e : q.path("ebay")) {
            add(listed, skuByOffer.get(e.path("offerId").asText()), 2, e.path("availableQuantity"));
        }
        for (JsonNode e : q.path("woocommerce")) {
            if (e.has("variationId")) continue;
            add(listed, skuByProduct.get(e.path("productId").asText()), 3, e.path("stockQuantity"));
        }
        return listed;
    }

    private static void add(Map<String, Long[]> listed, String sku, int channel, JsonNode quantity) {
        if (sku == null || !quantity.canConvertToLong()) return;
        Long[] row = listed.get(sku);
        row[channel] = (row[channel] == null ? 0 : row[channel]) + quantity.asLong();
    }

    private void feedAll(ObjectNode channel) {
        ArrayNode fedBy = channel.putArray("fed_by");
        locations.forEach(fedBy::add);
    }

    static String shopifyLocation(int location) {
        return "gid://shopify/Location/" + (101 + location);
    }

    static String shopifyItem(int sku) {
        return "gid://shopify/InventoryItem/" + (1001 + sku);
    }

    static String offerId(int sku) {
        return Long.toString(5_000_001L + sku);
    }

    static long productId(int sku) {
        return 801 + sku;
    }
}

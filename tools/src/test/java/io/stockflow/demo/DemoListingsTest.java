package io.stockflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stockflow.flink.sync.ListingMapDocuments;
import io.stockflow.generate.GeneratorSettings;
import io.stockflow.listing.ListedQuantity;
import io.stockflow.listing.ListingMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoListingsTest {
    static final List<String> LOCATIONS = List.of("WH-EAST", "WH-WEST", "STORE-NYC");
    final DemoListings listings = new DemoListings(List.of("SKU-00001", "SKU-00002"), LOCATIONS);

    @Test
    void theMapListsEverySkuOnAllFourChannelsAndEachListsTheLedgersAvailableUnits() throws Exception {
        String canonical = ListingMapDocuments.canonical(
                listings.listingMap(Instant.parse("2026-12-06T00:00:00Z")).getBytes(StandardCharsets.UTF_8));
        ListingMap map = ListingMapDocuments.parse(canonical);

        assertThat(map.skus()).containsExactlyInAnyOrder("SKU-00001", "SKU-00002");
        assertThat(map.listingsOf("SKU-00002")).hasSize(4);
        List<ListedQuantity> listed =
                map.quantities("SKU-00001", Map.of("WH-EAST", 4L, "WH-WEST", 0L, "STORE-NYC", 2L), 6);
        // Shopify: one target per stockflow location; the other channels: every location, no buffer.
        assertThat(listed)
                .extracting(q -> q.listing().channel().name() + " " + q.target() + " " + q.quantity())
                .containsExactlyInAnyOrder(
                        "SHOPIFY gid://shopify/Location/101 4",
                        "SHOPIFY gid://shopify/Location/102 0",
                        "SHOPIFY gid://shopify/Location/103 2",
                        "AMAZON " + target(listed, "AMAZON") + " 6",
                        "EBAY " + target(listed, "EBAY") + " 6",
                        "WOOCOMMERCE " + target(listed, "WOOCOMMERCE") + " 6");
    }

    @Test
    void theGeneratorsCatalogueIsWhatTheDemoLists() {
        GeneratorSettings settings = new GeneratorSettings();
        settings.skus = 3;
        assertThat(settings.skuIds()).containsExactly("SKU-00001", "SKU-00002", "SKU-00003");
    }

    @Test
    void everyListingIsSeededAtZeroOnItsChannel() {
        List<DemoListings.Seed> seeds = listings.seeds();
        // Per SKU: a Shopify level per location, an Amazon listing, an eBay offer, a WooCommerce product.
        assertThat(seeds).hasSize(2 * (LOCATIONS.size() + 3));
        assertThat(seeds)
                .filteredOn(s -> s.path().equals("/_sim/ebay/offers"))
                .extracting(DemoListings.Seed::body)
                .containsExactly(
                        "{\"offerId\":\"5000001\",\"sku\":\"SKU-00001\",\"availableQuantity\":0}",
                        "{\"offerId\":\"5000002\",\"sku\":\"SKU-00002\",\"availableQuantity\":0}");
    }

    @Test
    void listedQuantitiesAreReadBackPerSkuWithShopifySummedOverItsLocations() throws Exception {
        String quantities = """
                {"shopify": [
                   {"inventoryItemId": "gid://shopify/InventoryItem/1001", "locationId": "gid://shopify/Location/101", "available": 4},
                   {"inventoryItemId": "gid://shopify/InventoryItem/1001", "locationId": "gid://shopify/Location/103", "available": 2},
                   {"inventoryItemId": "gid://shopify/InventoryItem/9999", "locationId": "gid://shopify/Location/101", "available": 50}],
                 "amazon": [
                   {"sellerId": "A1DEMOSELLER", "sku": "SKU-00001", "fulfillmentChannelCode": "DEFAULT", "quantity": 6},
                   {"sellerId": "A1DEMOSELLER", "sku": "SKU-00001", "fulfillmentChannelCode": "AMAZON_NA", "quantity": 40}],
                 "ebay": [{"offerId": "5000002", "sku": "SKU-00002", "availableQuantity": 3}],
                 "woocommerce": [
                   {"productId": 801, "stockQuantity": 5},
                   {"productId": 801, "variationId": 9, "stockQuantity": 70}]}
                """;

        Map<String, Long[]> listed = listings.listed(new ObjectMapper().readTree(quantities));

        assertThat(listed.get("SKU-00001")).containsExactly(6L, 6L, null, 5L);
        assertThat(listed.get("SKU-00002")).containsExactly(null, null, 3L, null);
    }

    private static String target(List<ListedQuantity> listed, String channel) {
        return listed.stream()
                .filter(q -> q.listing().channel().name().equals(channel))
                .findFirst()
                .orElseThrow()
                .target();
    }
}

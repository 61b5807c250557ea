package io.stockflow.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListedQuantitiesTest {
    private static final Map<String, Long> STOCK = Map.of("WH-EAST", 30L, "WH-WEST", 12L, "STORE-NYC", 3L);

    @Test
    void eachShopifyLocationListsTheStockOfTheLocationsThatFeedIt() throws Exception {
        Map<String, Long> shopify = quantities("MUG-1", STOCK, 45, Channel.SHOPIFY);

        assertThat(shopify)
                .containsEntry("gid://shopify/Location/1001", 42L)
                .containsEntry("gid://shopify/Location/1002", 3L);
    }

    @Test
    void aChannelNeverListsMoreThanTheNetworkHas() throws Exception {
        // Orders reserved at another level than the locations' records: the network total is the bound.
        Map<String, Long> amazon = quantities("MUG-1", STOCK, 20, Channel.AMAZON);

        assertThat(amazon).containsEntry(null, 17L); // 20 sellable, 1 unit and 10% (2) held back
    }

    @Test
    void aLocationShortOfStockTakesNothingFromAnother() throws Exception {
        Map<String, Long> ebay = quantities("MUG-1", Map.of("WH-EAST", -4L, "WH-WEST", 12L), 8, Channel.EBAY);

        assertThat(ebay)
                .as("WH-WEST's 12, bounded by the network's 8, less 2 held back")
                .containsEntry(null, 6L);
    }

    @Test
    void theBufferHoldsBackUnitsAndAPercentShowsZeroBelowItsFloorAndCaps() {
        Buffer buffer = new Buffer(1, 10, 5, 50L);

        assertThat(buffer.listed(4)).as("below the floor").isZero();
        assertThat(buffer.listed(5)).as("5 - 1 - ceil(0.5)").isEqualTo(3);
        assertThat(buffer.listed(40)).as("40 - 1 - 4").isEqualTo(35);
        assertThat(buffer.listed(1000)).as("capped").isEqualTo(50);
        assertThat(Buffer.NONE.listed(7)).isEqualTo(7);
        assertThat(Buffer.NONE.listed(-3)).as("an oversold SKU lists 0").isZero();
    }

    @Test
    void everyLocationFeedsAChannelConfiguredWithoutLocations() throws Exception {
        Map<String, Long> woo = quantities("TEE-M", STOCK, 45, Channel.WOOCOMMERCE);

        assertThat(woo).containsEntry(null, 45L);
    }

    @Test
    void aSkuWithoutListingsGoesToNoChannel() throws Exception {
        assertThat(map().quantities("NOT-LISTED", STOCK, 45)).isEmpty();
    }

    private static Map<String, Long> quantities(String sku, Map<String, Long> stock, long network, Channel channel)
            throws Exception {
        List<ListedQuantity> all = map().quantities(sku, stock, network);
        java.util.HashMap<String, Long> byTarget = new java.util.HashMap<>();
        for (ListedQuantity q : all) {
            if (q.listing().channel() == channel) byTarget.put(q.target(), q.quantity());
        }
        return byTarget;
    }

    private static ListingMap map() throws Exception {
        return ListingMapParser.parse(ListingMapParserTest.example().toString().getBytes());
    }
}

package io.stockflow.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.stockflow.json.InvalidRecordException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListingMapParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheExampleMapWithEveryChannel() throws Exception {
        ListingMap map = ListingMapParser.parse(example().toString().getBytes());

        assertThat(map.version()).isEqualTo("2026-12-06.1");
        assertThat(map.channels()).containsOnlyKeys(Channel.values());
        assertThat(map.channels().get(Channel.SHOPIFY).feeds())
                .containsExactly(
                        new Feed("gid://shopify/Location/1001", List.of("WH-EAST", "WH-WEST")),
                        new Feed("gid://shopify/Location/1002", List.of("STORE-NYC")));
        assertThat(map.channels().get(Channel.AMAZON).marketplaceIds()).containsExactly("ATVPDKIKX0DER");
        assertThat(map.channels().get(Channel.AMAZON).buffer()).isEqualTo(new Buffer(1, 10, 0, null));
        assertThat(map.channels().get(Channel.WOOCOMMERCE).feeds())
                .as("every location feeds by default")
                .containsExactly(new Feed(null, List.of(Feed.EVERY_LOCATION)));
        assertThat(map.listingsOf("MUG-1").get(Channel.EBAY).ids())
                .containsEntry("sku", "MUG-1")
                .containsEntry("offer_id", "5005317010");
        assertThat(map.listingsOf("MUG-1").get(Channel.WOOCOMMERCE).id("variation_id"))
                .isEqualTo("811");
        assertThat(map.listingsOf("TEE-M")).containsOnlyKeys(Channel.SHOPIFY, Channel.WOOCOMMERCE);
        assertThat(map.listingsOf("NOT-LISTED")).isEmpty();
    }

    @Test
    void readsTheSameMapFromYaml(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("listings.yaml");
        Files.writeString(yaml, new YAMLMapper().writeValueAsString(example()));

        assertThat(ListingMapParser.parseFile(yaml))
                .isEqualTo(ListingMapParser.parse(example().toString().getBytes()));
    }

    @Test
    void refusesASchemaViolationWithItsJsonPath() throws Exception {
        ObjectNode doc = example();
        ((ObjectNode) doc.path("listings").get(0).path("shopify")).put("inventory_item_id", "30322695");
        ((ObjectNode) doc.path("channels").path("ebay").path("buffer")).put("percent", 150);

        assertThatThrownBy(() -> ListingMapParser.parse(doc.toString().getBytes()))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("does not match channel.listings.schema.json")
                .hasMessageContaining("/listings/0/shopify/inventory_item_id")
                .hasMessageContaining("/channels/ebay/buffer/percent");
    }

    @Test
    void refusesASkuListedTwiceAndAListingThatCarriesTwoSkus() throws Exception {
        ObjectNode doc = example();
        ArrayNode listings = (ArrayNode) doc.path("listings");
        listings.add(JSON.readTree("{\"sku\":\"MUG-1\",\"amazon\":{\"seller_sku\":\"OTHER\"}}"));
        listings.add(JSON.readTree("{\"sku\":\"CAP-1\",\"amazon\":{\"seller_sku\":\"MUG-1\"}}"));

        assertThatThrownBy(() -> ListingMapParser.parse(doc.toString().getBytes()))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("listing map 2026-12-06.1 is invalid")
                .hasMessageContaining("field 'listings[2].sku': SKU MUG-1 is already listed at 'listings[0].sku'")
                .hasMessageContaining("field 'listings[3].amazon': the amazon seller_sku MUG-1 listing already carries"
                        + " the SKU at 'listings[0].amazon'");
    }

    @Test
    void refusesAListingOnAChannelThatIsNotConfigured() throws Exception {
        ObjectNode doc = example();
        ((ObjectNode) doc.path("channels")).remove("ebay");

        assertThatThrownBy(() -> ListingMapParser.parse(doc.toString().getBytes()))
                .hasMessageContaining("field 'listings[0].ebay': channel ebay is not configured under channels");
    }

    @Test
    void refusesAShopifyLocationNamedTwice() throws Exception {
        ObjectNode doc = example();
        ((ObjectNode) doc.path("channels").path("shopify").path("locations").get(1))
                .put("id", "gid://shopify/Location/1001");

        assertThatThrownBy(() -> ListingMapParser.parse(doc.toString().getBytes()))
                .hasMessageContaining("field 'channels.shopify.locations[1].id': Shopify location "
                        + "gid://shopify/Location/1001 is already at 'channels.shopify.locations[0].id'");
    }

    @Test
    void thePublishedSchemaIsTheOneEnforced() throws IOException {
        Path published = Path.of("..", "docs", "schemas", "channel.listings.schema.json");
        assertThat(ListingMapParser.SCHEMA.text()).isEqualTo(Files.readString(published));
    }

    static ObjectNode example() throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("..", "docs", "examples", "listings.example.json")));
    }
}

package io.stockflow.flink.sync;

import io.stockflow.codec.OutputJson;
import io.stockflow.flink.io.Topics;
import io.stockflow.json.Instants;
import io.stockflow.ledger.AvailabilityUpdate;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the sync tests share: the sync job's topics, and a listing map: MUG-1 and TEE-M on all four channels, each channel fed by WH-EAST and WH-WEST
 * with no buffer, so a channel lists what those two locations have available (at most the network's).
 */
final class SyncFixtures {
    /** The sync job's topics, inputs and outputs. */
    static final List<String> TOPICS = List.of(
            Topics.AVAILABILITY,
            Topics.CHANNEL_LISTINGS,
            Topics.CHANNEL_SYNC,
            Topics.ORDERS_CANONICAL,
            Topics.ALLOCATIONS,
            Topics.FULFILMENT,
            Topics.CHANNEL_SHIPMENTS,
            Topics.ALERTS,
            Topics.DEADLETTER);

    static final String SHOPIFY_LOCATION = "gid://shopify/Location/1";
    static final String US = "ATVPDKIKX0DER";
    static final String LISTINGS = """
            {"version": "v1", "effective_from": "2026-12-01T00:00:00Z",
             "channels": {
               "shopify": {"locations": [{"id": "gid://shopify/Location/1", "fed_by": ["WH-EAST", "WH-WEST"]}]},
               "amazon": {"marketplace_ids": ["ATVPDKIKX0DER"], "fed_by": ["WH-EAST", "WH-WEST"]},
               "ebay": {"fed_by": ["WH-EAST", "WH-WEST"]},
               "woocommerce": {"fed_by": ["WH-EAST", "WH-WEST"]}
             },
             "listings": [
               {"sku": "MUG-1",
                "shopify": {"inventory_item_id": "gid://shopify/InventoryItem/1"},
                "amazon": {"seller_sku": "MUG-1"},
                "ebay": {"sku": "MUG-1", "offer_id": "5001"},
                "woocommerce": {"product_id": 701}},
               {"sku": "TEE-M",
                "shopify": {"inventory_item_id": "gid://shopify/InventoryItem/2"},
                "amazon": {"seller_sku": "TEE-M"},
                "ebay": {"sku": "TEE-M", "offer_id": "5002"},
                "woocommerce": {"product_id": 702}}
             ]}
            """.replace("\n", " ");

    private SyncFixtures() {}

    static String canonicalListings() throws Exception {
        return ListingMapDocuments.canonical(LISTINGS.getBytes(StandardCharsets.UTF_8));
    }

    static AvailabilityUpdate availability(String sku, String location, long available, long version) {
        AvailabilityUpdate u = new AvailabilityUpdate();
        u.sku = sku;
        u.location = location;
        u.onHand = available;
        u.available = available;
        u.version = version;
        u.asOf = Instants.parse("2026-12-06T10:00:00Z") + version * 1000;
        return u;
    }

    /** The record the inventory job writes for it, as on {@code inventory.availability}. */
    static String availabilityJson(String sku, String location, long available, long version) {
        return OutputJson.availability(availability(sku, location, available, version));
    }
}

package io.stockflow.flink.sync;

import static io.stockflow.flink.sync.SyncFixtures.availability;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.listing.ListingPush;
import java.util.List;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-SKU step through an operator harness: levels per location, version order, the map in force, unlisted SKUs. */
class SkuListingQuantitiesTest {
    KeyedBroadcastOperatorTestHarness<String, AvailabilityUpdate, String, ListingPush> harness;

    void open(String initial) throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new SkuListingQuantities(initial),
                u -> u.sku,
                org.apache.flink.api.common.typeinfo.Types.STRING,
                SkuListingQuantities.LISTING_MAP);
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) harness.close();
    }

    List<String> pushes() {
        return harness.extractOutputValues().stream()
                .map(p -> p.channel + "=" + p.quantity + "@v" + p.version)
                .toList();
    }

    @Test
    void eachChannelListsWhatItsLocationsHaveAtMostTheNetworkWithTheSkusVersion() throws Exception {
        open(SyncFixtures.canonicalListings());
        harness.processElement(availability("MUG-1", "*", 7, 3), 0);
        harness.processElement(availability("MUG-1", "WH-EAST", 4, 2), 0);
        harness.processElement(availability("MUG-1", "WH-WEST", 5, 1), 0);

        // At the last record: WH-EAST 4 + WH-WEST 5 = 9, but the network has 7; version 3 + 2 + 1.
        assertThat(pushes())
                .endsWith("shopify=7@v6", "amazon=7@v6", "ebay=7@v6", "woocommerce=7@v6")
                .hasSize(12);
    }

    @Test
    void anOlderVersionOfALocationChangesNothing() throws Exception {
        open(SyncFixtures.canonicalListings());
        harness.processElement(availability("MUG-1", "*", 7, 3), 0);
        harness.processElement(availability("MUG-1", "WH-EAST", 7, 3), 0);
        int before = pushes().size();
        harness.processElement(availability("MUG-1", "WH-EAST", 50, 2), 0);
        harness.processElement(availability("MUG-1", "*", 50, 3), 0);

        assertThat(pushes()).hasSize(before);
    }

    @Test
    void aSkuWithoutAListingIsSetAsideNotPushed() throws Exception {
        open(SyncFixtures.canonicalListings());
        harness.processElement(availability("CAP-9", "*", 7, 1), 0);

        assertThat(pushes()).isEmpty();
        assertThat(harness.getSideOutput(SkuListingQuantities.UNLISTED)).hasSize(1);
    }

    @Test
    void withoutAMapNothingIsPushedUntilOneIsBroadcast() throws Exception {
        open(null);
        harness.processElement(availability("MUG-1", "*", 7, 1), 0);
        assertThat(pushes()).isEmpty();

        harness.processBroadcastElement(SyncFixtures.canonicalListings(), 0);
        harness.processElement(availability("MUG-1", "WH-EAST", 7, 1), 0);
        assertThat(pushes()).containsExactly("shopify=7@v2", "amazon=7@v2", "ebay=7@v2", "woocommerce=7@v2");
    }
}

package io.stockflow.flink.sync;

import static io.stockflow.flink.sync.SyncFixtures.availability;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.alert.Alert;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.listing.ChannelSyncRecord;
import io.stockflow.model.DeadLetter;
import io.stockflow.testing.InMemoryRun;
import io.stockflow.testing.TestFlink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sync topology on in-memory availability, bounded, pushing to the marketplace simulator in this JVM: what the
 * ledger has available reaches every channel's listing, in the order of its versions.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SyncTopologyITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    @AutoClose
    static final SyncSimulator SIM = new SyncSimulator();

    record Results(List<ChannelSyncRecord> pushes, List<Alert> alerts, List<DeadLetter> deadLetters) {}

    static Results run(List<AvailabilityUpdate> availability, List<String> listings) throws Exception {
        InMemoryRun run = new InMemoryRun();
        SyncSettings settings = new SyncSettings();
        settings.listings = SyncFixtures.canonicalListings();
        settings.connections = SIM.connections();
        SyncOutputs out = SyncTopology.build(
                new SyncInputs(
                        run.input("availability", AvailabilityUpdate.class, availability),
                        run.records("channel.listings", 0, listings)),
                settings);
        var pushes = run.collect("pushes", out.pushes());
        var alerts = run.collect("alerts", out.alerts());
        var deadLetters = run.collect("deadletters", out.deadLetters());
        run.run();
        return new Results(pushes.elements(), alerts.elements(), deadLetters.elements());
    }

    @Test
    void ordersThatTakeASkuToZeroShowZeroOnEveryChannelAndAReceiptBringsItBack() throws Exception {
        Results soldOut = run(
                List.of(
                        availability("MUG-1", "*", 3, 1),
                        availability("MUG-1", "WH-EAST", 3, 1),
                        availability("MUG-1", "WH-EAST", 1, 2), // an order of 2
                        availability("MUG-1", "*", 1, 2),
                        availability("MUG-1", "WH-EAST", 0, 3), // the last unit
                        availability("MUG-1", "*", 0, 3)),
                List.of());

        assertThat(SIM.listed("MUG-1")).isEqualTo(Map.of("shopify", 0L, "amazon", 0L, "ebay", 0L, "woocommerce", 0L));
        assertThat(soldOut.pushes()).allSatisfy(p -> assertThat(p.status).isEqualTo("ACCEPTED"));
        // The newest push of each channel carries the sell-out (versions 3 + 3 of WH-EAST and the network).
        assertThat(soldOut.pushes())
                .filteredOn(p -> p.version == 6 || p.version == 5)
                .extracting(p -> p.channel + "=" + p.quantity)
                .containsExactlyInAnyOrder("shopify=0", "amazon=0", "ebay=0", "woocommerce=0");
        assertThat(soldOut.alerts()).isEmpty();

        Results receipt = run(
                List.of(
                        availability("MUG-1", "WH-EAST", 0, 3),
                        availability("MUG-1", "*", 0, 3),
                        availability("MUG-1", "WH-EAST", 5, 4), // a receipt of 5
                        availability("MUG-1", "*", 5, 4),
                        availability("MUG-1", "WH-EAST", 2, 1), // older versions, late: nothing changes
                        availability("MUG-1", "*", 2, 1)),
                List.of());

        assertThat(SIM.listed("MUG-1")).isEqualTo(Map.of("shopify", 5L, "amazon", 5L, "ebay", 5L, "woocommerce", 5L));
        assertThat(receipt.pushes()).extracting(p -> p.quantity).doesNotContain(2L);
    }

    @Test
    void anInvalidListingMapIsDeadLetteredWithItsPathsAndTheMapInForceStays() throws Exception {
        Results out = run(
                List.of(availability("TEE-M", "*", 4, 1), availability("TEE-M", "WH-WEST", 4, 1)),
                List.of("{\"version\": \"v2\", \"channels\": {\"shopify\": {}}, \"listings\": [{\"sku\": 1}]}"));

        assertThat(out.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.sourceTopic).isEqualTo("channel.listings");
            assertThat(d.error).contains("/listings/0/sku");
        });
        assertThat(out.alerts()).singleElement().satisfies(a -> {
            assertThat(a.type).isEqualTo("LISTING_MAP_REJECTED");
            assertThat(a.message).contains("version v2").contains("goes on with version v1");
        });
        assertThat(SIM.listed("TEE-M")).isEqualTo(Map.of("shopify", 4L, "amazon", 4L, "ebay", 4L, "woocommerce", 4L));
    }
}

package io.stockflow.channels;

import static io.stockflow.channels.SimulatorChannels.settings;
import static io.stockflow.channels.SimulatorChannels.shopify;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.listing.Channel;
import io.stockflow.marketsim.SimulatorSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class ShopifyClientTest {
    static final String LOCATION = "gid://shopify/Location/1";

    Simulator sim;
    ShopifyClient client;

    void start(SimulatorSettings simSettings, String version) {
        sim = new Simulator(simSettings);
        client = new ShopifyClient(settings(Channel.SHOPIFY, sim.base).withApiVersion(version), sim.clock);
    }

    @AfterEach
    void stop() {
        if (client != null) client.close();
        if (sim != null) sim.close();
    }

    void stock(int item, int available) {
        sim.seed(
                "/_sim/shopify/inventory-levels",
                "{\"inventoryItemId\":\"gid://shopify/InventoryItem/" + item + "\",\"locationId\":\"" + LOCATION
                        + "\",\"available\":" + available + "}");
    }

    Long available(int item) {
        return sim.quantity(
                "shopify",
                "available",
                "inventoryItemId",
                "gid://shopify/InventoryItem/" + item,
                "locationId",
                LOCATION);
    }

    @ParameterizedTest(name = "API version {0}")
    @ValueSource(strings = {"2025-10", "2026-01", "2026-04"})
    void aPushSetsTheAvailableQuantityWithCompareAndSetInEveryApiVersion(String version) {
        start(SimulatorSettings.defaults(), version);
        stock(1, 12);
        stock(2, 3);

        List<PushOutcome> outcomes = client.setQuantities(List.of(
                        new QuantityPush(shopify("MUG-1", 1), LOCATION, 7, 12L, 1),
                        new QuantityPush(shopify("TEE-M", 2), LOCATION, 0, null, 1)))
                .join();

        assertThat(outcomes).extracting(PushOutcome::status).containsExactly(CallStatus.ACCEPTED, CallStatus.ACCEPTED);
        assertThat(available(1)).isEqualTo(7);
        assertThat(available(2)).isEqualTo(0);
        assertThat(client.readQuantity(shopify("MUG-1", 1), LOCATION).join()).isEqualTo(7);
    }

    @Test
    void quantitiesOfOneBatchGoOutInOneMutationAndLargerOnesSplitAtTheBatchSize() {
        sim = new Simulator();
        client = new ShopifyClient(settings(Channel.SHOPIFY, sim.base).withBatchSize(3), sim.clock);
        List<QuantityPush> pushes = new ArrayList<>();
        for (int item = 1; item <= 7; item++) {
            stock(item, 100);
            pushes.add(new QuantityPush(shopify("SKU-" + item, item), LOCATION, item, 100L, 1));
        }

        List<PushOutcome> outcomes = client.setQuantities(pushes).join();

        assertThat(outcomes).extracting(PushOutcome::status).containsOnly(CallStatus.ACCEPTED);
        assertThat(outcomes).extracting(o -> o.push().quantity()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(sim.calls("shopify", "inventorySetQuantities")).hasSize(3);
        for (int item = 1; item <= 7; item++) assertThat(available(item)).isEqualTo(item);
    }

    @ParameterizedTest(name = "API version {0}")
    @ValueSource(strings = {"2025-10", "2026-04"})
    void aCompareAndSetMismatchIsReportedStaleNotRetriedAndTheRestOfTheBatchStillGoesOut(String version) {
        start(SimulatorSettings.defaults(), version);
        stock(1, 12);
        stock(2, 5);

        List<PushOutcome> outcomes = client.setQuantities(List.of(
                        new QuantityPush(shopify("MUG-1", 1), LOCATION, 7, 10L, 2),
                        new QuantityPush(shopify("TEE-M", 2), LOCATION, 4, 5L, 2)))
                .join();

        assertThat(outcomes.get(0).status()).isEqualTo(CallStatus.STALE);
        assertThat(outcomes.get(0).reason()).containsAnyOf("CHANGE_FROM_QUANTITY_STALE", "COMPARE_QUANTITY_STALE");
        assertThat(outcomes.get(1).status()).isEqualTo(CallStatus.ACCEPTED);
        assertThat(available(1)).as("the channel's own quantity stays").isEqualTo(12);
        assertThat(available(2)).isEqualTo(4);
        assertThat(sim.calls("shopify", "inventorySetQuantities"))
                .as("the mismatch, then the rest alone")
                .hasSize(2);
    }

    @Test
    void anUnknownInventoryItemIsRefusedWithShopifysReason() {
        start(SimulatorSettings.defaults(), "2026-04");
        stock(1, 1);

        PushOutcome outcome = client.setQuantities(List.of(new QuantityPush(shopify("GONE", 99), LOCATION, 3, 0L, 1)))
                .join()
                .get(0);

        assertThat(outcome.status()).isEqualTo(CallStatus.REFUSED);
        assertThat(outcome.reason()).contains("INVALID_INVENTORY_ITEM");
    }

    @Test
    void aThrottledCallWaitsForTheCostBucketToRestoreAndThenGoesThrough() {
        start(SimulatorSettings.defaults().withShopifyThrottle(20, 10, 10), "2026-04");
        for (int item = 1; item <= 4; item++) stock(item, 50);

        Instant started = Instant.now();
        for (int item = 1; item <= 4; item++) {
            PushOutcome outcome = client.setQuantities(
                            List.of(new QuantityPush(shopify("SKU-" + item, item), LOCATION, 9, 50L, 1)))
                    .join()
                    .get(0);
            assertThat(outcome.status()).isEqualTo(CallStatus.ACCEPTED);
        }

        // Two calls empty the 20-point bucket; each further one waits a second for 10 points to come back.
        assertThat(Duration.between(started, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        for (int item = 1; item <= 4; item++) assertThat(available(item)).isEqualTo(9);
    }

    @Test
    void aShipmentIsConfirmedWithItsTrackingAndASecondConfirmationIsRefused() {
        start(SimulatorSettings.defaults(), "2026-04");
        sim.seed(
                "/_sim/shopify/fulfillment-orders",
                "{\"fulfillmentOrderId\":\"gid://shopify/FulfillmentOrder/1\",\"orderId\":\"gid://shopify/Order/1\"}");
        Shipment shipment = new Shipment(
                "gid://shopify/FulfillmentOrder/1",
                null,
                1,
                "UPS",
                "1Z999",
                null,
                Instant.parse("2026-12-06T10:00:00Z"),
                List.of());

        ShipmentOutcome first = client.confirmShipment(shipment).join();
        ShipmentOutcome second = client.confirmShipment(shipment).join();

        assertThat(first.status()).isEqualTo(CallStatus.ACCEPTED);
        assertThat(sim.admin("/_sim/shipments").path("shopify").toString())
                .contains("1Z999")
                .contains("UPS");
        assertThat(second.status()).isEqualTo(CallStatus.REFUSED);
    }
}

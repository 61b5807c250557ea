package io.stockflow.channels;

import static io.stockflow.channels.SimulatorChannels.settings;
import static io.stockflow.channels.SimulatorChannels.shopify;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** An order with one fulfillment order of two line items: 2 MUG-1 and 1 TEE-M. */
    void seedOrder() {
        sim.seed(
                "/_sim/shopify/orders",
                "{\"orderId\":\"gid://shopify/Order/450789469\",\"fulfillmentOrders\":[{\"id\":\"gid://shopify/FulfillmentOrder/1\","
                        + "\"lineItems\":[{\"id\":\"gid://shopify/FulfillmentOrderLineItem/11\",\"sku\":\"MUG-1\",\"quantity\":2},"
                        + "{\"id\":\"gid://shopify/FulfillmentOrderLineItem/12\",\"sku\":\"TEE-M\",\"quantity\":1}]}]}");
    }

    static Shipment shipment(String id, String tracking, Shipment.Line... lines) {
        return new Shipment(
                "450789469", id, "UPS", tracking, null, Instant.parse("2026-12-06T10:00:00Z"), List.of(lines));
    }

    @Test
    void aShipmentIsConfirmedOnItsLineItemsWithTrackingAndOnceOnly() {
        start(SimulatorSettings.defaults(), "2026-04");
        seedOrder();
        Shipment mugs = shipment("ful-1", "1Z999", new Shipment.Line("MUG-1", 2));

        ShipmentOutcome first = client.confirmShipment(mugs).join();
        ShipmentOutcome again = client.confirmShipment(mugs).join();

        assertThat(first).isEqualTo(new ShipmentOutcome(CallStatus.ACCEPTED, null, 2, false));
        assertThat(again)
                .as("read back: the tracking number is there already, nothing is sent")
                .isEqualTo(new ShipmentOutcome(CallStatus.ACCEPTED, null, 1, true));
        JsonNode shipments = sim.admin("/_sim/shipments").path("shopify");
        assertThat(shipments.path("fulfillments")).hasSize(1);
        assertThat(shipments.path("fulfillments").get(0).path("trackingInfo").toString())
                .contains("\"company\":\"UPS\"")
                .contains("\"number\":\"1Z999\"");
        assertThat(shipments.path("fulfillmentOrders").get(0).path("status").asText())
                .as("TEE-M is still to ship")
                .isEqualTo("OPEN");

        ShipmentOutcome tee = client.confirmShipment(shipment("ful-2", "1Z777", new Shipment.Line("TEE-M", 1)))
                .join();
        assertThat(tee.status()).isEqualTo(CallStatus.ACCEPTED);
        assertThat(sim.admin("/_sim/shipments")
                        .path("shopify")
                        .path("fulfillmentOrders")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("CLOSED");
    }

    @Test
    void aShipmentOfAnUnknownOrderOrOfUnitsNotLeftIsRefusedWithTheReason() {
        start(SimulatorSettings.defaults(), "2026-04");
        seedOrder();

        ShipmentOutcome unknown = client.confirmShipment(new Shipment(
                        "999", "ful-9", "UPS", "1Z1", null, Instant.parse("2026-12-06T10:00:00Z"), List.of()))
                .join();
        ShipmentOutcome notOrdered = client.confirmShipment(shipment("ful-3", "1Z2", new Shipment.Line("CAP-1", 1)))
                .join();

        assertThat(unknown.status()).isEqualTo(CallStatus.REFUSED);
        assertThat(unknown.reason()).contains("order 999 does not exist");
        assertThat(notOrdered.status()).isEqualTo(CallStatus.REFUSED);
        assertThat(notOrdered.reason()).contains("no units left to fulfil").contains("CAP-1");
    }

    @Test
    void aRejectedOrderIsCancelledWithTheReasonAsStaffNoteAndOnceOnly() {
        start(SimulatorSettings.defaults(), "2026-04");
        seedOrder();
        Cancellation cancel = new Cancellation("450789469", "Nothing could be held: MUG-1 is sold out everywhere.");

        ShipmentOutcome first = client.cancelOrder(cancel).join();
        ShipmentOutcome again = client.cancelOrder(cancel).join();

        assertThat(first).isEqualTo(new ShipmentOutcome(CallStatus.ACCEPTED, null, 2, false));
        assertThat(again.foundOnChannel()).isTrue();
        JsonNode cancelled = sim.admin("/_sim/cancellations").path("shopify");
        assertThat(cancelled).hasSize(1);
        assertThat(cancelled.get(0).path("reason").asText()).isEqualTo("INVENTORY");
        assertThat(cancelled.get(0).path("staffNote").asText()).contains("MUG-1 is sold out");
    }
}

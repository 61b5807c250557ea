package io.stockflow.channels;

import static io.stockflow.channels.SimulatorChannels.ebay;
import static io.stockflow.channels.SimulatorChannels.settings;
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

@Timeout(60)
class EbayClientTest {
    Simulator sim;
    EbayClient client;

    void start(SimulatorSettings simSettings) {
        sim = new Simulator(simSettings);
        client = new EbayClient(settings(Channel.EBAY, sim.base), sim.clock);
    }

    @AfterEach
    void stop() {
        if (client != null) client.close();
        if (sim != null) sim.close();
    }

    void offer(String offerId, String sku, int quantity) {
        sim.seed(
                "/_sim/ebay/offers",
                "{\"offerId\":\"" + offerId + "\",\"sku\":\"" + sku + "\",\"availableQuantity\":" + quantity + "}");
    }

    Long quantity(String offerId) {
        return sim.quantity("ebay", "availableQuantity", "offerId", offerId);
    }

    /** The simulator with a listing revisable {@code perDay} times a day instead of 250. */
    static SimulatorSettings revisionsPerDay(int perDay) {
        return SimulatorSettings.defaults().withEbayRevisionsPerDay(perDay);
    }

    @Test
    void pushesGoOutInBulkCallsOfAtMost25OffersAndChangeWhatTheChannelShows() {
        start(SimulatorSettings.defaults());
        List<QuantityPush> pushes = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            offer("50" + i, "SKU-" + i, 100);
            pushes.add(new QuantityPush(ebay("SKU-" + i, "50" + i), null, i, null, 1));
        }

        List<PushOutcome> outcomes = client.setQuantities(pushes).join();

        assertThat(outcomes).extracting(PushOutcome::status).containsOnly(CallStatus.ACCEPTED);
        assertThat(sim.calls("ebay", "bulkUpdatePriceQuantity")).containsExactly(200, 200, 200);
        for (int i = 1; i <= 60; i++) assertThat(quantity("50" + i)).isEqualTo(i);
        assertThat(client.readQuantity(ebay("SKU-7", "507"), null).join()).isEqualTo(7);
    }

    @Test
    void anOfferPastItsDailyRevisionLimitIsRefusedOnItsOwnWhileTheOthersGoThroughUntilTheNextDay() {
        start(revisionsPerDay(2));
        offer("5001", "MUG-1", 10);
        offer("5002", "TEE-M", 10);
        for (int q = 9; q >= 8; q--) {
            assertThat(client.setQuantities(List.of(new QuantityPush(ebay("MUG-1", "5001"), null, q, null, q)))
                            .join()
                            .get(0)
                            .status())
                    .isEqualTo(CallStatus.ACCEPTED);
        }

        List<PushOutcome> outcomes = client.setQuantities(List.of(
                        new QuantityPush(ebay("MUG-1", "5001"), null, 0, null, 10),
                        new QuantityPush(ebay("TEE-M", "5002"), null, 3, null, 10)))
                .join();

        assertThat(outcomes.get(0).status()).isEqualTo(CallStatus.REFUSED);
        assertThat(outcomes.get(0).reason()).contains("25002").contains("revised 2 times today");
        assertThat(outcomes.get(0).attempts()).as("a refusal is not retried").isEqualTo(1);
        assertThat(outcomes.get(1).status()).isEqualTo(CallStatus.ACCEPTED);
        assertThat(quantity("5001")).isEqualTo(8);
        assertThat(quantity("5002")).isEqualTo(3);

        sim.clock.advance(Duration.ofDays(1));
        assertThat(client.setQuantities(List.of(new QuantityPush(ebay("MUG-1", "5001"), null, 0, null, 11)))
                        .join()
                        .get(0)
                        .status())
                .isEqualTo(CallStatus.ACCEPTED);
        assertThat(quantity("5001")).isEqualTo(0);
    }

    @Test
    void anUnknownOfferIsRefusedWithEbaysErrorId() {
        start(SimulatorSettings.defaults());

        PushOutcome outcome = client.setQuantities(List.of(new QuantityPush(ebay("X", "9999"), null, 1, null, 1)))
                .join()
                .get(0);

        assertThat(outcome.status()).isEqualTo(CallStatus.REFUSED);
        assertThat(outcome.reason()).contains("25713");
    }

    @Test
    void aShipmentIsConfirmedOnTheLineItemsOfItsSkusAndReadBackInsteadOfSentTwice() {
        start(SimulatorSettings.defaults());
        sim.seed(
                "/_sim/ebay/orders",
                "{\"orderId\":\"12-34\",\"lineItems\":[{\"lineItemId\":\"L1\",\"sku\":\"MUG-1\",\"quantity\":1}]}");
        Shipment shipment = new Shipment(
                "12-34",
                "ful-1",
                "USPS",
                "9400111",
                null,
                Instant.parse("2026-12-06T10:00:00Z"),
                List.of(new Shipment.Line("MUG-1", 1)));

        assertThat(client.confirmShipment(shipment).join())
                .isEqualTo(new ShipmentOutcome(CallStatus.ACCEPTED, null, 2, false));
        assertThat(client.confirmShipment(shipment).join())
                .as("getOrder and getShippingFulfillments find the tracking number")
                .isEqualTo(new ShipmentOutcome(CallStatus.ACCEPTED, null, 2, true));
        JsonNode fulfillments = sim.admin("/_sim/shipments").path("ebay");
        assertThat(fulfillments).hasSize(1);
        assertThat(fulfillments.get(0).path("shipmentTrackingNumber").asText()).isEqualTo("9400111");
        assertThat(fulfillments.get(0).path("shippingCarrierCode").asText()).isEqualTo("USPS");
        assertThat(fulfillments.get(0).path("lineItems").toString()).contains("L1");
    }

    @Test
    void aRejectedOrderIsCancelledThroughThePostOrderApiOnce() {
        start(SimulatorSettings.defaults());
        sim.seed(
                "/_sim/ebay/orders",
                "{\"orderId\":\"12-35\",\"legacyOrderId\":\"110012345678-2000001\","
                        + "\"lineItems\":[{\"lineItemId\":\"L1\",\"sku\":\"MUG-1\",\"quantity\":1}]}");
        Cancellation cancel = new Cancellation("12-35", "sold out");

        assertThat(client.cancelOrder(cancel).join())
                .isEqualTo(new ShipmentOutcome(CallStatus.ACCEPTED, null, 2, false));
        assertThat(client.cancelOrder(cancel).join().foundOnChannel()).isTrue();
        JsonNode cancellations = sim.admin("/_sim/cancellations").path("ebay");
        assertThat(cancellations).hasSize(1);
        assertThat(cancellations.get(0).path("orderId").asText()).isEqualTo("12-35");
        assertThat(cancellations.get(0).path("cancelReason").asText()).isEqualTo("OUT_OF_STOCK_OR_CANNOT_FULFILL");
    }
}

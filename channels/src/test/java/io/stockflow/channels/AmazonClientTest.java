package io.stockflow.channels;

import static io.stockflow.channels.SimulatorChannels.SELLER;
import static io.stockflow.channels.SimulatorChannels.US;
import static io.stockflow.channels.SimulatorChannels.amazon;
import static io.stockflow.channels.SimulatorChannels.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.listing.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AmazonClientTest {
    static final String UK = "A1F83G8C2ARO7P";

    Simulator sim;
    AmazonClient client;

    @BeforeEach
    void start() {
        sim = new Simulator();
        client = new AmazonClient(settings(Channel.AMAZON, sim.base), sim.clock);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    void listing(String sku, int quantity, String... marketplaces) {
        sim.seed(
                "/_sim/amazon/listings",
                "{\"sellerId\":\"" + SELLER + "\",\"sku\":\"" + sku + "\",\"marketplaceIds\":[\""
                        + String.join("\",\"", marketplaces) + "\"],\"quantity\":" + quantity + "}");
    }

    Long quantity(String sku) {
        return sim.quantity("amazon", "quantity", "sku", sku, "fulfillmentChannelCode", "DEFAULT");
    }

    @Test
    void aPushPatchesTheFulfillmentAvailabilityOfEachSkuInItsOwnCall() {
        listing("MUG-1", 20, US);
        listing("TEE-M", 4, US);

        List<PushOutcome> outcomes = client.setQuantities(List.of(
                        new QuantityPush(amazon("MUG-1"), null, 6, null, 3),
                        new QuantityPush(amazon("TEE-M"), US, 0, null, 3)))
                .join();

        assertThat(outcomes).extracting(PushOutcome::status).containsExactly(CallStatus.ACCEPTED, CallStatus.ACCEPTED);
        assertThat(quantity("MUG-1")).isEqualTo(6);
        assertThat(quantity("TEE-M")).isEqualTo(0);
        assertThat(sim.calls("amazon", "patchListingsItem")).containsExactly(200, 200);
        assertThat(client.readQuantity(amazon("MUG-1"), US).join()).isEqualTo(6);
    }

    @Test
    void aPushWithoutATargetGoesToEveryConfiguredMarketplace() {
        listing("MUG-1", 20, US, UK);
        client.close();
        ChannelSettings two = ChannelSettings.from(
                Channel.AMAZON,
                Map.of(
                        "channels.amazon.base-url",
                        sim.base.toString(),
                        "channels.amazon.seller-id",
                        SELLER,
                        "channels.amazon.marketplace-ids",
                        US + "," + UK),
                SimulatorChannels.ENV);
        client = new AmazonClient(two.withLimits(SimulatorChannels.quick(5)), sim.clock);

        PushOutcome outcome = client.setQuantities(List.of(new QuantityPush(amazon("MUG-1"), null, 8, null, 1)))
                .join()
                .get(0);

        assertThat(outcome.status()).isEqualTo(CallStatus.ACCEPTED);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(sim.calls("amazon", "patchListingsItem")).hasSize(2);
    }

    @Test
    void aSkuTheSellerDoesNotHaveIsRefusedWithAmazonsReason() {
        PushOutcome outcome = client.setQuantities(List.of(new QuantityPush(amazon("NOPE"), US, 1, null, 1)))
                .join()
                .get(0);

        assertThat(outcome.status()).isEqualTo(CallStatus.REFUSED);
        assertThat(outcome.reason()).contains("404").contains("NOT_FOUND");
        assertThatThrownBy(() -> client.readQuantity(amazon("NOPE"), US).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ChannelReadFailed.class);
    }

    @Test
    void moreCallsThanTheUsagePlansBurstAreSpreadOutAndAllAccepted() {
        for (int i = 0; i < 14; i++) listing("SKU-" + i, 1, US);
        List<QuantityPush> pushes = new ArrayList<>();
        for (int i = 0; i < 14; i++) pushes.add(new QuantityPush(amazon("SKU-" + i), US, 5, null, 1));

        List<PushOutcome> outcomes = client.setQuantities(pushes).join();

        assertThat(outcomes).extracting(PushOutcome::status).containsOnly(CallStatus.ACCEPTED);
        for (int i = 0; i < 14; i++) assertThat(quantity("SKU-" + i)).isEqualTo(5);
    }

    @Test
    void aShipmentIsConfirmedOnTheItemsOfItsSkusAndAgainEditsTheSamePackage() {
        sim.seed(
                "/_sim/amazon/orders",
                "{\"orderId\":\"111-1\",\"marketplaceId\":\"" + US
                        + "\",\"orderItems\":[{\"orderItemId\":\"OI-1\",\"sellerSku\":\"MUG-1\",\"quantity\":2}]}");
        Shipment shipment = new Shipment(
                "111-1",
                "ful-1",
                "UPS",
                "1Z999",
                null,
                Instant.parse("2026-12-06T10:00:00Z"),
                List.of(new Shipment.Line("MUG-1", 2)));

        ShipmentOutcome outcome = client.confirmShipment(shipment).join();
        ShipmentOutcome again = client.confirmShipment(shipment).join();

        assertThat(outcome)
                .as("getOrder, getOrderItems, confirmShipment")
                .isEqualTo(new ShipmentOutcome(CallStatus.ACCEPTED, null, 3, false));
        assertThat(again.status()).isEqualTo(CallStatus.ACCEPTED);
        JsonNode packages = sim.admin("/_sim/shipments").path("amazon");
        assertThat(packages).as("the same packageReferenceId edits the package").hasSize(1);
        assertThat(packages.get(0).path("orderItems").toString()).contains("OI-1");
        assertThat(packages.get(0).path("carrierCode").asText()).isEqualTo("UPS");
        assertThat(packages.get(0).path("trackingNumber").asText()).isEqualTo("1Z999");
        assertThat(packages.get(0).path("packageReferenceId").asText())
                .isEqualTo(Long.toString(shipment.packageReference()));
    }

    @Test
    void aShipmentIsConfirmedInTheOrdersOwnMarketplaceNotTheFirstConfigured() {
        client.close();
        ChannelSettings two = ChannelSettings.from(
                Channel.AMAZON,
                Map.of(
                        "channels.amazon.base-url",
                        sim.base.toString(),
                        "channels.amazon.seller-id",
                        SELLER,
                        "channels.amazon.marketplace-ids",
                        US + "," + UK),
                SimulatorChannels.ENV);
        client = new AmazonClient(two.withLimits(SimulatorChannels.quick(5)), sim.clock);
        sim.seed(
                "/_sim/amazon/orders",
                "{\"orderId\":\"202-7\",\"marketplaceId\":\"" + UK
                        + "\",\"orderItems\":[{\"orderItemId\":\"OI-7\",\"sellerSku\":\"MUG-1\",\"quantity\":1}]}");
        Shipment shipment = new Shipment(
                "202-7",
                "ful-7",
                "Royal Mail",
                "RM123456785GB",
                null,
                Instant.parse("2026-12-06T10:00:00Z"),
                List.of(new Shipment.Line("MUG-1", 1)));

        ShipmentOutcome outcome = client.confirmShipment(shipment).join();

        assertThat(outcome.status())
                .as("the simulator refuses a confirmation in another marketplace than the order's")
                .isEqualTo(CallStatus.ACCEPTED);
        assertThat(sim.calls("amazon", "getOrder")).containsExactly(200);
        assertThat(sim.admin("/_sim/shipments").path("amazon")).hasSize(1);
    }

    @Test
    void aShipmentOfAnOrderAmazonDoesNotKnowIsRefusedWithItsReason() {
        ShipmentOutcome outcome = client.confirmShipment(new Shipment(
                        "999-9",
                        "ful-9",
                        "UPS",
                        "1Z000",
                        null,
                        Instant.parse("2026-12-06T10:00:00Z"),
                        List.of(new Shipment.Line("MUG-1", 1))))
                .join();

        assertThat(outcome.status()).isEqualTo(CallStatus.REFUSED);
        assertThat(outcome.reason())
                .startsWith("amazon getOrder: ")
                .contains("404")
                .contains("999-9");
        assertThat(sim.calls("amazon", "getOrderItems")).isEmpty();
    }

    @Test
    void aCancellationIsRefusedWithoutARequestSinceTheOrdersApiHasNone() {
        ShipmentOutcome outcome =
                client.cancelOrder(new Cancellation("111-1", "sold out")).join();

        assertThat(outcome.status()).isEqualTo(CallStatus.REFUSED);
        assertThat(outcome.attempts()).isZero();
        assertThat(outcome.reason()).contains("order acknowledgement feed");
    }
}

package io.stockflow.channels;

import static io.stockflow.channels.SimulatorChannels.settings;
import static io.stockflow.channels.SimulatorChannels.woo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stockflow.listing.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class WooCommerceClientTest {
    Simulator sim;
    WooCommerceClient client;

    @BeforeEach
    void start() {
        sim = new Simulator();
        client = new WooCommerceClient(settings(Channel.WOOCOMMERCE, sim.base), sim.clock);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    Long productQuantity(long id) {
        return sim.quantity("woocommerce", "stockQuantity", "productId", Long.toString(id), "variationId", "");
    }

    Long variationQuantity(long product, long variation) {
        return sim.quantity(
                "woocommerce",
                "stockQuantity",
                "productId",
                Long.toString(product),
                "variationId",
                Long.toString(variation));
    }

    @Test
    void productsAndVariationsGoOutInTheirOwnBatchesAndChangeWhatTheShopShows() {
        sim.seed(
                "/_sim/woocommerce/products",
                "{\"id\":799,\"stock_quantity\":5,"
                        + "\"variations\":[{\"id\":811,\"stock_quantity\":5},{\"id\":812,\"stock_quantity\":5}]}");
        sim.seed("/_sim/woocommerce/products", "{\"id\":800,\"stock_quantity\":5}");

        List<PushOutcome> outcomes = client.setQuantities(List.of(
                        new QuantityPush(woo("MUG-1", 799, 811L), null, 1, null, 1),
                        new QuantityPush(woo("TEE-M", 800, null), null, 2, null, 1),
                        new QuantityPush(woo("MUG-2", 799, 812L), null, 3, null, 1)))
                .join();

        assertThat(outcomes).extracting(o -> o.push().listing().sku()).containsExactly("MUG-1", "TEE-M", "MUG-2");
        assertThat(outcomes).extracting(PushOutcome::status).containsOnly(CallStatus.ACCEPTED);
        assertThat(variationQuantity(799, 811)).isEqualTo(1);
        assertThat(productQuantity(800)).isEqualTo(2);
        assertThat(variationQuantity(799, 812)).isEqualTo(3);
        assertThat(sim.calls("woocommerce", "batchVariations")).hasSize(1);
        assertThat(sim.calls("woocommerce", "batchProducts")).hasSize(1);
        assertThat(client.readQuantity(woo("MUG-2", 799, 812L), null).join()).isEqualTo(3);
        assertThat(client.readQuantity(woo("TEE-M", 800, null), null).join()).isEqualTo(2);
    }

    @Test
    void aBatchSplitsAt100ItemsAndAnUnknownProductIsRefusedAloneWithWooCommercesCode() {
        List<QuantityPush> pushes = new ArrayList<>();
        for (int id = 1; id <= 150; id++) {
            sim.seed("/_sim/woocommerce/products", "{\"id\":" + id + ",\"stock_quantity\":0}");
            pushes.add(new QuantityPush(woo("SKU-" + id, id, null), null, id, null, 1));
        }
        pushes.add(new QuantityPush(woo("GONE", 9999, null), null, 1, null, 1));

        List<PushOutcome> outcomes = client.setQuantities(pushes).join();

        assertThat(sim.calls("woocommerce", "batchProducts")).containsExactly(200, 200);
        assertThat(outcomes.subList(0, 150)).extracting(PushOutcome::status).containsOnly(CallStatus.ACCEPTED);
        assertThat(outcomes.get(150).status()).isEqualTo(CallStatus.REFUSED);
        assertThat(outcomes.get(150).reason()).contains("woocommerce_rest_product_invalid_id");
        for (int id = 1; id <= 150; id += 37) assertThat(productQuantity(id)).isEqualTo(id);
    }

    @Test
    void aShipmentCompletesTheOrderAndLeavesTheCustomerANoteWithTheTrackingOnce() {
        sim.seed("/_sim/woocommerce/orders", "{\"id\":4711}");
        Shipment shipment =
                new Shipment("4711", "ful-1", "DHL", "JD0140", null, Instant.parse("2026-12-06T10:00:00Z"), List.of());

        ShipmentOutcome outcome = client.confirmShipment(shipment).join();
        ShipmentOutcome again = client.confirmShipment(shipment).join();

        assertThat(outcome).isEqualTo(new ShipmentOutcome(CallStatus.ACCEPTED, null, 3, false));
        assertThat(again)
                .as("the note with the tracking number is read back")
                .isEqualTo(new ShipmentOutcome(CallStatus.ACCEPTED, null, 1, true));
        JsonNode order = sim.admin("/_sim/shipments").path("woocommerce").get(0);
        assertThat(order.path("status").asText()).isEqualTo("completed");
        assertThat(order.path("notes")).hasSize(1);
        assertThat(order.path("notes").get(0).path("note").asText())
                .contains("DHL")
                .contains("JD0140");
        assertThat(order.path("notes").get(0).path("customer_note").asBoolean()).isTrue();
    }

    @Test
    void aRejectedOrderIsCancelledWithANoteThatGivesTheReason() {
        sim.seed("/_sim/woocommerce/orders", "{\"id\":4712}");
        Cancellation cancel = new Cancellation("4712", "Nothing could be held: MUG-1 is sold out.");

        assertThat(client.cancelOrder(cancel).join())
                .isEqualTo(new ShipmentOutcome(CallStatus.ACCEPTED, null, 3, false));
        assertThat(client.cancelOrder(cancel).join().foundOnChannel()).isTrue();
        JsonNode cancelled = sim.admin("/_sim/cancellations").path("woocommerce");
        assertThat(cancelled).hasSize(1);
        assertThat(cancelled.get(0).path("notes")).hasSize(1);
        assertThat(cancelled.get(0).path("notes").get(0).path("note").asText()).contains("MUG-1 is sold out");
    }
}

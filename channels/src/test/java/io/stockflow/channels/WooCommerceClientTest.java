package io.stockflow.channels;

import static io.stockflow.channels.SimulatorChannels.settings;
import static io.stockflow.channels.SimulatorChannels.woo;
import static org.assertj.core.api.Assertions.assertThat;

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
    void aShipmentCompletesTheOrderAndLeavesTheCustomerANoteWithTheTracking() {
        sim.seed("/_sim/woocommerce/orders", "{\"id\":4711}");

        ShipmentOutcome outcome = client.confirmShipment(new Shipment(
                        "4711", null, 1, "DHL", "JD0140", null, Instant.parse("2026-12-06T10:00:00Z"), List.of()))
                .join();

        assertThat(outcome.status()).isEqualTo(CallStatus.ACCEPTED);
        assertThat(outcome.attempts()).isEqualTo(2);
        String shipments = sim.admin("/_sim/shipments").path("woocommerce").toString();
        assertThat(shipments).contains("completed").contains("JD0140");
    }
}

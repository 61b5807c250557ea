package io.stockflow.marketsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class AdminApiTest extends SimulatorTest {
    @Test
    void everyCallIsLoggedWithItsOperationAndCountedAsCalledAndAccepted() {
        http.seed("/_sim/ebay/offers", "{\"offerId\":\"5001\",\"sku\":\"SKU-RED-1\",\"availableQuantity\":20}");
        http.get("/sell/inventory/v1/offer/5001", "Authorization", "Bearer v^1.1#simulator");
        http.get("/sell/inventory/v1/offer/5001", "Authorization", "Bearer wrong");

        JsonNode calls = http.admin("/_sim/calls");
        assertThat(calls).hasSize(2);
        assertThat(calls.at("/0/endpoint").textValue()).isEqualTo("getOffer");
        assertThat(calls.at("/0/at").textValue()).isEqualTo(START.toString());
        assertThat(calls.at("/1/status").intValue()).isEqualTo(401);
        JsonNode counters = http.admin("/_sim/counters").at("/calls/ebay/getOffer");
        assertThat(counters.get("calls").intValue()).isEqualTo(2);
        assertThat(counters.get("accepted").intValue()).isEqualTo(1);
    }

    @Test
    void resetForgetsStateCallsAndFaults() {
        http.seed("/_sim/woocommerce/products", "{\"id\":31,\"stock_quantity\":14}");
        http.fault("woocommerce", "{\"mode\":\"outage\"}");
        http.get("/wp-json/wc/v3/products/31");

        assertThat(http.post("/_sim/reset", null).status()).isEqualTo(204);

        assertThat(http.admin("/_sim/quantities").get("woocommerce")).isEmpty();
        assertThat(http.admin("/_sim/calls")).isEmpty();
        assertThat(http.admin("/_sim/faults").at("/woocommerce/mode").textValue())
                .isEqualTo("normal");
    }

    @Test
    void seedingWithAMissingFieldIsRefusedWithTheReason() {
        SimHttp.Answer answer =
                http.post("/_sim/amazon/listings", "{\"sellerId\":\"A1\",\"sku\":\"X\",\"quantity\":1}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").textValue()).contains("marketplaceIds");
    }

    @Test
    void theHealthCheckAnswersOk() {
        assertThat(http.admin("/_sim/health").get("status").textValue()).isEqualTo("ok");
    }
}

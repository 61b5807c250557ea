package io.stockflow.marketsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WooCommerceChannelTest extends SimulatorTest {
    static final String AUTH = SimHttp.basic("ck_simulator", "cs_simulator");
    static final String BASE = "/wp-json/wc/v3";

    @Override
    SimulatorSettings settings() {
        return SimulatorSettings.defaults().withWooRate(2, 5);
    }

    @BeforeEach
    void seed() {
        http.seed("/_sim/woocommerce/products", "{\"id\":31,\"sku\":\"SKU-RED-1\",\"stock_quantity\":14}");
        http.seed(
                "/_sim/woocommerce/products",
                "{\"id\":40,\"sku\":\"SHIRT\",\"stock_quantity\":0,"
                        + "\"variations\":[{\"id\":41,\"sku\":\"SHIRT-S\",\"stock_quantity\":6}]}");
        http.seed("/_sim/woocommerce/orders", "{\"id\":727,\"status\":\"processing\"}");
    }

    SimHttp.Answer call(String method, String path, String body) {
        return http.send(method, BASE + path, body, "Content-Type", "application/json", "Authorization", AUTH);
    }

    @Test
    void anAcceptedBatchChangesTheStockThatTheProductReadReturns() {
        SimHttp.Answer answer = call("POST", "/products/batch", "{\"update\":[{\"id\":31,\"stock_quantity\":0}]}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/update/0/stock_quantity").intValue()).isZero();
        assertThat(answer.json().at("/update/0/stock_status").textValue()).isEqualTo("outofstock");
        assertThat(call("GET", "/products/31", null)
                        .json()
                        .get("stock_quantity")
                        .intValue())
                .isZero();
    }

    @Test
    void aVariationBatchChangesTheVariationsStock() {
        SimHttp.Answer answer =
                call("POST", "/products/40/variations/batch", "{\"update\":[{\"id\":41,\"stock_quantity\":2}]}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(call("GET", "/products/40/variations/41", null)
                        .json()
                        .get("stock_quantity")
                        .intValue())
                .isEqualTo(2);
        assertThat(call("POST", "/products/99/variations/batch", "{\"update\":[]}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void missingOrWrongKeysAreRefusedWith401InWordpressShape() {
        SimHttp.Answer missing =
                http.post(BASE + "/products/batch", "{\"update\":[]}", "Content-Type", "application/json");
        SimHttp.Answer wrongSecret =
                http.get(BASE + "/products/31", "Authorization", SimHttp.basic("ck_simulator", "cs_other"));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("code").textValue()).isEqualTo("woocommerce_rest_cannot_batch");
        assertThat(missing.json().at("/data/status").intValue()).isEqualTo(401);
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().get("message").textValue()).isEqualTo("Consumer secret is invalid.");
        assertThat(http.get(BASE + "/products/31?consumer_key=ck_simulator&consumer_secret=cs_simulator")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aMalformedBodyIsRefusedWith400() {
        SimHttp.Answer answer = call("POST", "/products/batch", "{\"update\":[");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").textValue()).isEqualTo("rest_invalid_json");
    }

    @Test
    void anUnknownProductIsAnErrorOfItsItemInABatchAnd404OnARead() {
        SimHttp.Answer batch = call(
                "POST",
                "/products/batch",
                "{\"update\":[{\"id\":999,\"stock_quantity\":1},{\"id\":31,\"stock_quantity\":\"many\"},{\"id\":31,\"stock_quantity\":3}]}");

        assertThat(batch.json().at("/update/0/error/code").textValue())
                .isEqualTo("woocommerce_rest_product_invalid_id");
        assertThat(batch.json().at("/update/1/error/code").textValue()).isEqualTo("rest_invalid_param");
        assertThat(batch.json().at("/update/2/stock_quantity").intValue()).isEqualTo(3);
        SimHttp.Answer read = call("GET", "/products/999", null);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().get("message").textValue()).isEqualTo("Invalid ID.");
    }

    @Test
    void aBatchOfMoreThanOneHundredItemsIsRefusedWith413() {
        StringJoiner items = new StringJoiner(",");
        for (int i = 0; i < 101; i++) items.add("{\"id\":31,\"stock_quantity\":" + i + "}");

        SimHttp.Answer answer = call("POST", "/products/batch", "{\"update\":[" + items + "]}");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("message").textValue())
                .isEqualTo("Unable to accept more than 100 items for this request.");
        assertThat(http.admin("/_sim/quantities")
                        .at("/woocommerce/0/stockQuantity")
                        .intValue())
                .isEqualTo(14);
    }

    @Test
    void callsBeyondTheConfiguredRateAreRefusedWith429AndRetryAfterUntilTheClockMoves() {
        for (int i = 0; i < 5; i++)
            assertThat(call("GET", "/products/31", null).status()).isEqualTo(200);

        SimHttp.Answer refused = call("GET", "/products/31", null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");

        clock.advance(Duration.ofMillis(500));
        assertThat(call("GET", "/products/31", null).status()).isEqualTo(200);
    }

    @Test
    void anOrderUpdateAndANoteRecordTheShipment() {
        SimHttp.Answer updated = call(
                "PUT",
                "/orders/727",
                "{\"status\":\"completed\",\"meta_data\":[{\"key\":\"_tracking_number\",\"value\":\"1Z999\"}]}");
        SimHttp.Answer note = call(
                "POST", "/orders/727/notes", "{\"note\":\"Shipped with UPS, tracking 1Z999\",\"customer_note\":true}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("status").textValue()).isEqualTo("completed");
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().get("customer_note").booleanValue()).isTrue();
        JsonNode order = http.admin("/_sim/shipments").at("/woocommerce/0");
        assertThat(order.get("status").textValue()).isEqualTo("completed");
        assertThat(order.at("/notes/0/note").textValue()).contains("1Z999");
    }

    @Test
    void anUnknownOrderABadStatusOrANoteWithoutTextIsRefused() {
        assertThat(call("PUT", "/orders/1", "{\"status\":\"completed\"}").status())
                .isEqualTo(404);
        assertThat(call("PUT", "/orders/727", "{\"status\":\"shipped\"}")
                        .json()
                        .get("code")
                        .textValue())
                .isEqualTo("rest_invalid_param");
        assertThat(call("POST", "/orders/727/notes", "{}").json().get("code").textValue())
                .isEqualTo("rest_missing_callback_param");
    }

    @Test
    void anOrderAndItsNotesReadBackNewestFirstAndReadingNeedsTheKey() {
        http.seed("/_sim/woocommerce/orders", "{\"id\":88}");
        for (String note : new String[] {"first", "second"}) {
            http.post(
                    BASE + "/orders/88/notes",
                    "{\"note\":\"" + note + "\"}",
                    "Content-Type",
                    "application/json",
                    "Authorization",
                    AUTH);
        }

        clock.advance(Duration.ofSeconds(1)); // the host's request rate refills
        SimHttp.Answer order = http.get(BASE + "/orders/88", "Authorization", AUTH);
        SimHttp.Answer notes = http.get(BASE + "/orders/88/notes", "Authorization", AUTH);
        SimHttp.Answer unknown = http.get(BASE + "/orders/404/notes", "Authorization", AUTH);
        SimHttp.Answer anonymous = http.get(BASE + "/orders/88");

        assertThat(order.json().path("status").asText()).isEqualTo("processing");
        assertThat(notes.json()).hasSize(2);
        assertThat(notes.json().get(0).path("note").asText()).isEqualTo("second");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(anonymous.status()).isEqualTo(401);
    }
}

package io.stockflow.marketsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EbayChannelTest extends SimulatorTest {
    static final String BEARER = "Bearer v^1.1#simulator";
    static final String BULK = "/sell/inventory/v1/bulk_update_price_quantity";

    @BeforeEach
    void seed() {
        http.seed("/_sim/ebay/offers", "{\"offerId\":\"5001\",\"sku\":\"SKU-RED-1\",\"availableQuantity\":20}");
        http.seed("/_sim/ebay/offers", "{\"offerId\":\"5002\",\"sku\":\"SKU-BLUE-1\",\"availableQuantity\":8}");
        http.seed(
                "/_sim/ebay/orders",
                "{\"orderId\":\"12-34567-89012\",\"lineItems\":[{\"lineItemId\":\"L1\",\"quantity\":1}]}");
    }

    static String request(String sku, String offerId, int quantity) {
        return "{\"sku\":\"" + sku + "\",\"offers\":[{\"offerId\":\"" + offerId + "\",\"availableQuantity\":" + quantity
                + "}]}";
    }

    SimHttp.Answer bulk(String... requests) {
        return http.post(
                BULK,
                "{\"requests\":[" + String.join(",", requests) + "]}",
                "Content-Type",
                "application/json",
                "Authorization",
                BEARER);
    }

    int offerQuantity(String offerId) {
        SimHttp.Answer answer = http.get("/sell/inventory/v1/offer/" + offerId, "Authorization", BEARER);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("availableQuantity").intValue();
    }

    @Test
    void anAcceptedUpdateChangesTheQuantityThatGetOfferReturns() {
        SimHttp.Answer answer = bulk(request("SKU-RED-1", "5001", 0), request("SKU-BLUE-1", "5002", 3));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/responses/0/statusCode").intValue()).isEqualTo(200);
        assertThat(answer.json().at("/responses/1/offerId").textValue()).isEqualTo("5002");
        assertThat(offerQuantity("5001")).isZero();
        assertThat(offerQuantity("5002")).isEqualTo(3);
    }

    @Test
    void aMissingOrWrongBearerTokenIsRefusedWith401InEbaysShape() {
        SimHttp.Answer answer = http.post(
                BULK,
                "{\"requests\":[" + request("SKU-RED-1", "5001", 1) + "]}",
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer nope");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().at("/errors/0/errorId").intValue()).isEqualTo(1001);
        assertThat(answer.json().at("/errors/0/message").textValue()).isEqualTo("Invalid access token");
        assertThat(http.get("/sell/inventory/v1/offer/5001").status()).isEqualTo(401);
        assertThat(offerQuantity("5001")).isEqualTo(20);
    }

    @Test
    void aMalformedBodyIsRefusedWith400AndAReason() {
        SimHttp.Answer notJson = http.post(BULK, "{\"requests\":", "Authorization", BEARER);
        SimHttp.Answer badQuantity =
                bulk("{\"sku\":\"SKU-RED-1\",\"offers\":[{\"offerId\":\"5001\",\"availableQuantity\":-2}]}");

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().at("/errors/0/domain").textValue()).isEqualTo("API_INVENTORY");
        assertThat(badQuantity.status()).isEqualTo(400);
        assertThat(badQuantity.json().at("/errors/0/message").textValue()).contains("availableQuantity");
    }

    @Test
    void theTwentySixthRequestInOneCallIsRefusedWholeWith400() {
        StringJoiner requests = new StringJoiner(",");
        for (int i = 0; i < 26; i++) requests.add(request("SKU-RED-1", "5001", i));

        SimHttp.Answer answer = bulk(requests.toString());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/message").textValue()).contains("cannot exceed 25");
        assertThat(offerQuantity("5001")).isEqualTo(20);
    }

    @Test
    void anUnknownOfferIsAnswered404InItsOwnResponseWhileTheOthersGoThrough() {
        SimHttp.Answer answer = bulk(request("SKU-GREEN-1", "5999", 1), request("SKU-RED-1", "5001", 4));

        assertThat(answer.status()).isEqualTo(207);
        assertThat(answer.json().at("/responses/0/statusCode").intValue()).isEqualTo(404);
        assertThat(answer.json().at("/responses/0/errors/0/errorId").intValue()).isEqualTo(25713);
        assertThat(answer.json().at("/responses/1/statusCode").intValue()).isEqualTo(200);
        assertThat(offerQuantity("5001")).isEqualTo(4);
        assertThat(http.get("/sell/inventory/v1/offer/5999", "Authorization", BEARER)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theTwoHundredFiftyFirstRevisionOfAListingInADayFailsAndTheNextDayGoesThrough() {
        for (int i = 1; i <= 250; i++) {
            assertThat(bulk(request("SKU-RED-1", "5001", i)).status())
                    .as("revision %d", i)
                    .isEqualTo(200);
        }

        SimHttp.Answer refused = bulk(request("SKU-RED-1", "5001", 0), request("SKU-BLUE-1", "5002", 1));
        assertThat(refused.status()).isEqualTo(207);
        assertThat(refused.json().at("/responses/0/statusCode").intValue()).isEqualTo(400);
        assertThat(refused.json().at("/responses/0/errors/0/message").textValue())
                .contains("250 times today");
        assertThat(refused.json().at("/responses/1/statusCode").intValue()).isEqualTo(200);
        assertThat(offerQuantity("5001")).isEqualTo(250);
        JsonNode revisions = http.admin("/_sim/counters").get("ebayRevisions");
        assertThat(revisions.at("/5001/2026-12-07").intValue()).isEqualTo(250);

        clock.advance(Duration.ofHours(15));
        assertThat(bulk(request("SKU-RED-1", "5001", 0)).status()).isEqualTo(200);
        assertThat(offerQuantity("5001")).isZero();
    }

    @Test
    void aShippingFulfillmentIsCreatedWithItsLocationAndShippingTheLineAgainIsRefused() {
        String body =
                "{\"lineItems\":[{\"lineItemId\":\"L1\",\"quantity\":1}],\"shippedDate\":\"2026-12-07T10:00:00.000Z\","
                        + "\"shippingCarrierCode\":\"USPS\",\"trackingNumber\":\"9400100000000000000000\"}";
        String path = "/sell/fulfillment/v1/order/12-34567-89012/shipping_fulfillment";

        SimHttp.Answer created = http.post(path, body, "Content-Type", "application/json", "Authorization", BEARER);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).contains(path + "/");
        SimHttp.Answer again = http.post(path, body, "Content-Type", "application/json", "Authorization", BEARER);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().at("/errors/0/domain").textValue()).isEqualTo("API_FULFILLMENT");
        assertThat(http.post(
                                "/sell/fulfillment/v1/order/00-00000-00000/shipping_fulfillment",
                                body,
                                "Authorization",
                                BEARER)
                        .status())
                .isEqualTo(404);

        JsonNode shipments = http.admin("/_sim/shipments").get("ebay");
        assertThat(shipments).hasSize(1);
        assertThat(shipments.at("/0/shipmentTrackingNumber").textValue()).isEqualTo("9400100000000000000000");
    }

    static final String CANCEL = "/post-order/v2/cancellation";

    @Test
    void theOrderReadsBackItsLineItemsAndFulfillmentsAndAPostOrderCancellationNeedsItsHeaders() {
        http.seed(
                "/_sim/ebay/orders",
                "{\"orderId\":\"12-1\",\"legacyOrderId\":\"110-1\",\"lineItems\":[{\"lineItemId\":\"L9\",\"sku\":\"MUG-1\",\"quantity\":1}]}");
        String body = "{\"legacyOrderId\":\"110-1\",\"cancelReason\":\"OUT_OF_STOCK_OR_CANNOT_FULFILL\"}";

        SimHttp.Answer order = http.get("/sell/fulfillment/v1/order/12-1", "Authorization", BEARER);
        SimHttp.Answer bearer = http.post(CANCEL, body, "Authorization", BEARER, "X-EBAY-C-MARKETPLACE-ID", "EBAY_US");
        SimHttp.Answer noMarketplace = http.post(CANCEL, body, "Authorization", "IAF v^1.1#simulator");
        SimHttp.Answer badReason = http.post(
                CANCEL,
                "{\"legacyOrderId\":\"110-1\",\"cancelReason\":\"BORED\"}",
                "Authorization",
                "IAF v^1.1#simulator",
                "X-EBAY-C-MARKETPLACE-ID",
                "EBAY_US");
        SimHttp.Answer cancelled =
                http.post(CANCEL, body, "Authorization", "IAF v^1.1#simulator", "X-EBAY-C-MARKETPLACE-ID", "EBAY_US");
        SimHttp.Answer again =
                http.post(CANCEL, body, "Authorization", "IAF v^1.1#simulator", "X-EBAY-C-MARKETPLACE-ID", "EBAY_US");

        assertThat(order.status()).isEqualTo(200);
        assertThat(order.json().at("/lineItems/0/sku").asText()).isEqualTo("MUG-1");
        assertThat(order.json().at("/cancelStatus/cancelState").asText()).isEqualTo("NONE_REQUESTED");
        assertThat(bearer.status()).isEqualTo(401);
        assertThat(noMarketplace.status()).isEqualTo(400);
        assertThat(badReason.status()).isEqualTo(400);
        assertThat(badReason.json().at("/error/0/message").asText()).contains("cancelReason");
        assertThat(cancelled.status()).isEqualTo(201);
        assertThat(cancelled.json().path("cancelId").asText()).isNotEmpty();
        assertThat(again.status()).isEqualTo(409);
        assertThat(http.get("/sell/fulfillment/v1/order/12-1", "Authorization", BEARER)
                        .json()
                        .at("/cancelStatus/cancelState")
                        .asText())
                .isEqualTo("CANCELED");
        assertThat(http.get("/sell/fulfillment/v1/order/12-1/shipping_fulfillment", "Authorization", BEARER)
                        .json()
                        .path("total")
                        .asInt())
                .isZero();
    }
}

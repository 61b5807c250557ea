package io.stockflow.marketsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AmazonChannelTest extends SimulatorTest {
    static final String TOKEN = "Atza|simulator";
    static final String ITEM = "/listings/2021-08-01/items/A1SELLER/SKU-RED-1";
    static final String US = "?marketplaceIds=ATVPDKIKX0DER";

    @BeforeEach
    void seed() {
        http.seed(
                "/_sim/amazon/listings",
                "{\"sellerId\":\"A1SELLER\",\"sku\":\"SKU-RED-1\","
                        + "\"marketplaceIds\":[\"ATVPDKIKX0DER\"],\"productType\":\"SHIRT\",\"quantity\":20}");
        http.seed(
                "/_sim/amazon/orders",
                "{\"orderId\":\"113-0000001-0000001\",\"marketplaceId\":\"ATVPDKIKX0DER\","
                        + "\"orderItems\":[{\"orderItemId\":\"OI-1\",\"quantity\":2}]}");
    }

    static String patchBody(String quantity) {
        return "{\"productType\":\"SHIRT\",\"patches\":[{\"op\":\"replace\",\"path\":\"/attributes/fulfillment_availability\","
                + "\"value\":[{\"fulfillment_channel_code\":\"DEFAULT\",\"quantity\":" + quantity + "}]}]}";
    }

    SimHttp.Answer patch(String path, String body) {
        return http.send("PATCH", path, body, "Content-Type", "application/json", "x-amz-access-token", TOKEN);
    }

    int quantity() {
        SimHttp.Answer answer =
                http.get(ITEM + US + "&includedData=fulfillmentAvailability", "x-amz-access-token", TOKEN);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().at("/fulfillmentAvailability/0/quantity").intValue();
    }

    @Test
    void anAcceptedPatchChangesTheQuantityThatGetListingsItemReturns() {
        SimHttp.Answer answer = patch(ITEM + US, patchBody("7"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").textValue()).isEqualTo("ACCEPTED");
        assertThat(answer.json().get("submissionId").textValue()).isNotBlank();
        assertThat(answer.json().get("issues")).isEmpty();
        assertThat(answer.header("x-amzn-RateLimit-Limit")).isEqualTo("5.0");
        assertThat(quantity()).isEqualTo(7);
    }

    @Test
    void aValidationPreviewChecksWithoutChanging() {
        SimHttp.Answer answer = patch(ITEM + US + "&mode=VALIDATION_PREVIEW", patchBody("3"));

        assertThat(answer.json().get("status").textValue()).isEqualTo("VALID");
        assertThat(quantity()).isEqualTo(20);
    }

    @Test
    void aMissingOrWrongAccessTokenIsRefusedWith403InTheSpApiShape() {
        SimHttp.Answer missing = http.send("PATCH", ITEM + US, patchBody("7"), "Content-Type", "application/json");
        SimHttp.Answer wrong = http.get(ITEM + US, "x-amz-access-token", "Atza|other");

        for (SimHttp.Answer answer : new SimHttp.Answer[] {missing, wrong}) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.json().at("/errors/0/code").textValue()).isEqualTo("Unauthorized");
            assertThat(answer.json().at("/errors/0/message").textValue())
                    .isEqualTo("Access to requested resource is denied.");
        }
    }

    @Test
    void aMalformedBodyOrMissingMarketplaceIsRefusedWith400InvalidInput() {
        assertThat(patch(ITEM + US, "{\"productType\":\"SHIRT\"")
                        .json()
                        .at("/errors/0/code")
                        .textValue())
                .isEqualTo("InvalidInput");
        SimHttp.Answer noPatches = patch(ITEM + US, "{\"productType\":\"SHIRT\",\"patches\":[]}");
        assertThat(noPatches.status()).isEqualTo(400);
        assertThat(noPatches.json().at("/errors/0/message").textValue()).contains("patches");
        assertThat(patch(ITEM, patchBody("1")).status()).isEqualTo(400);
    }

    @Test
    void aNegativeQuantityIsAnsweredInvalidWithItsIssueAndChangesNothing() {
        SimHttp.Answer answer = patch(ITEM + US, patchBody("-1"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").textValue()).isEqualTo("INVALID");
        assertThat(answer.json().at("/issues/0/severity").textValue()).isEqualTo("ERROR");
        assertThat(quantity()).isEqualTo(20);
    }

    @Test
    void anUnknownSkuOrMarketplaceIsRefusedWith404() {
        SimHttp.Answer unknownSku = patch("/listings/2021-08-01/items/A1SELLER/NOPE" + US, patchBody("1"));
        SimHttp.Answer otherMarketplace =
                http.get(ITEM + "?marketplaceIds=A1PA6795UKMFR9", "x-amz-access-token", TOKEN);

        assertThat(unknownSku.status()).isEqualTo(404);
        assertThat(unknownSku.json().at("/errors/0/code").textValue()).isEqualTo("NOT_FOUND");
        assertThat(otherMarketplace.status()).isEqualTo(404);
    }

    @Test
    void patchesBeyondTheBurstAreRefusedWith429UntilTheRateRefillsTheBucket() {
        for (int i = 0; i < 10; i++)
            assertThat(patch(ITEM + US, patchBody(Integer.toString(i))).status())
                    .isEqualTo(200);

        SimHttp.Answer eleventh = patch(ITEM + US, patchBody("99"));
        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.json().at("/errors/0/code").textValue()).isEqualTo("QuotaExceeded");
        assertThat(quantity()).isEqualTo(9);

        clock.advance(Duration.ofMillis(200));
        assertThat(patch(ITEM + US, patchBody("99")).status()).isEqualTo(200);
        assertThat(patch(ITEM + US, patchBody("98")).status()).isEqualTo(429);
    }

    @Test
    void eachOperationHasItsOwnBucket() {
        for (int i = 0; i < 11; i++) patch(ITEM + US, patchBody("1"));

        assertThat(quantity()).isEqualTo(1);
    }

    static String shipment(String reference, String tracking, int quantity) {
        return "{\"marketplaceId\":\"ATVPDKIKX0DER\",\"packageDetail\":{\"packageReferenceId\":\"" + reference + "\","
                + "\"carrierCode\":\"UPS\",\"trackingNumber\":\"" + tracking
                + "\",\"shipDate\":\"2026-12-07T10:00:00Z\","
                + "\"orderItems\":[{\"orderItemId\":\"OI-1\",\"quantity\":" + quantity + "}]}}";
    }

    SimHttp.Answer confirm(String orderId, String body) {
        return http.post(
                "/orders/v0/orders/" + orderId + "/shipmentConfirmation",
                body,
                "Content-Type",
                "application/json",
                "x-amz-access-token",
                TOKEN);
    }

    @Test
    void aConfirmedShipmentIsRecordedAndConfirmingTheSamePackageAgainEditsIt() {
        assertThat(confirm("113-0000001-0000001", shipment("1", "1Z111", 2)).status())
                .isEqualTo(204);
        assertThat(confirm("113-0000001-0000001", shipment("1", "1Z222", 2)).status())
                .isEqualTo(204);

        JsonNode shipments = http.admin("/_sim/shipments").get("amazon");
        assertThat(shipments).hasSize(1);
        assertThat(shipments.at("/0/trackingNumber").textValue()).isEqualTo("1Z222");
    }

    @Test
    void aShipmentOfAnUnknownOrderOrWithBadDetailsIsRefused() {
        assertThat(confirm("999-0000000-0000000", shipment("1", "1Z", 1)).status())
                .isEqualTo(404);
        SimHttp.Answer tooMany = confirm("113-0000001-0000001", shipment("1", "1Z", 3));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().at("/errors/0/code").textValue()).isEqualTo("InvalidInput");
        assertThat(confirm("113-0000001-0000001", shipment("zero", "1Z", 1)).status())
                .isEqualTo(400);
        assertThat(http.admin("/_sim/shipments").get("amazon")).isEmpty();
    }

    @Test
    void getOrderAnswersTheOrdersOwnMarketplace() {
        http.seed(
                "/_sim/amazon/orders",
                "{\"orderId\":\"202-8\",\"marketplaceId\":\"A1F83G8C2ARO7P\",\"orderItems\":[{\"orderItemId\":\"OI-8\","
                        + "\"sellerSku\":\"SKU-RED-1\",\"quantity\":1}]}");

        SimHttp.Answer order = http.get("/orders/v0/orders/202-8", "x-amz-access-token", TOKEN);
        SimHttp.Answer unknown = http.get("/orders/v0/orders/202-404", "x-amz-access-token", TOKEN);
        SimHttp.Answer denied = http.get("/orders/v0/orders/202-8", "x-amz-access-token", "nope");

        assertThat(order.status()).isEqualTo(200);
        assertThat(order.json().at("/payload/AmazonOrderId").asText()).isEqualTo("202-8");
        assertThat(order.json().at("/payload/MarketplaceId").asText()).isEqualTo("A1F83G8C2ARO7P");
        assertThat(order.json().at("/payload/OrderStatus").asText()).isEqualTo("Unshipped");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(denied.status()).isEqualTo(403);
    }

    @Test
    void getOrderItemsAnswersEachItemWithItsSkuAndTheUnitsOrderedAndShipped() {
        http.seed(
                "/_sim/amazon/orders",
                "{\"orderId\":\"111-7\",\"marketplaceId\":\"ATVPDKIKX0DER\",\"orderItems\":[{\"orderItemId\":\"OI-7\","
                        + "\"sellerSku\":\"SKU-RED-1\",\"quantity\":3}]}");
        http.send(
                "POST",
                "/orders/v0/orders/111-7/shipmentConfirmation",
                "{\"marketplaceId\":\"ATVPDKIKX0DER\",\"packageDetail\":{\"packageReferenceId\":\"1\",\"carrierCode\":\"UPS\","
                        + "\"trackingNumber\":\"1Z\",\"shipDate\":\"2026-12-06T10:00:00Z\",\"orderItems\":[{\"orderItemId\":\"OI-7\","
                        + "\"quantity\":2}]}}",
                "Content-Type",
                "application/json",
                "x-amz-access-token",
                TOKEN);

        SimHttp.Answer items = http.get("/orders/v0/orders/111-7/orderItems", "x-amz-access-token", TOKEN);
        SimHttp.Answer unknown = http.get("/orders/v0/orders/111-404/orderItems", "x-amz-access-token", TOKEN);
        SimHttp.Answer denied = http.get("/orders/v0/orders/111-7/orderItems", "x-amz-access-token", "nope");

        assertThat(items.status()).isEqualTo(200);
        assertThat(items.json().at("/payload/OrderItems/0/SellerSKU").asText()).isEqualTo("SKU-RED-1");
        assertThat(items.json().at("/payload/OrderItems/0/QuantityOrdered").asInt())
                .isEqualTo(3);
        assertThat(items.json().at("/payload/OrderItems/0/QuantityShipped").asInt())
                .isEqualTo(2);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(denied.status()).isEqualTo(403);
    }
}

package io.stockflow.marketsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailureModesTest extends SimulatorTest {
    static final String AMAZON_ITEM = "/listings/2021-08-01/items/A1SELLER/SKU-RED-1?marketplaceIds=ATVPDKIKX0DER";
    static final String EBAY_OFFER = "/sell/inventory/v1/offer/5001";

    @BeforeEach
    void seed() {
        http.seed(
                "/_sim/amazon/listings",
                "{\"sellerId\":\"A1SELLER\",\"sku\":\"SKU-RED-1\","
                        + "\"marketplaceIds\":[\"ATVPDKIKX0DER\"],\"quantity\":20}");
        http.seed("/_sim/ebay/offers", "{\"offerId\":\"5001\",\"sku\":\"SKU-RED-1\",\"availableQuantity\":20}");
    }

    SimHttp.Answer amazon() {
        return http.get(AMAZON_ITEM, "x-amz-access-token", "Atza|simulator");
    }

    SimHttp.Answer ebay() {
        return http.get(EBAY_OFFER, "Authorization", "Bearer v^1.1#simulator");
    }

    @Test
    void anOutageAnswers503InTheChannelsShapeAndOtherChannelsAnswerAsUsual() {
        http.fault("amazon", "{\"mode\":\"outage\"}");

        SimHttp.Answer down = amazon();
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().at("/errors/0/code").textValue()).isEqualTo("ServiceUnavailable");
        assertThat(ebay().status()).isEqualTo(200);

        http.fault("amazon", "{\"mode\":\"normal\"}");
        assertThat(amazon().status()).isEqualTo(200);
    }

    @Test
    void anOutageForSomeSecondsEndsByItselfOnTheSimulatorsClock() {
        http.fault("ebay", "{\"mode\":\"outage\",\"seconds\":60}");
        assertThat(ebay().status()).isEqualTo(503);

        clock.advance(Duration.ofSeconds(59));
        assertThat(ebay().status()).isEqualTo(503);
        clock.advance(Duration.ofSeconds(1));
        assertThat(ebay().status()).isEqualTo(200);
        assertThat(http.admin("/_sim/faults").at("/ebay/mode").textValue()).isEqualTo("normal");
    }

    @Test
    void aStormAnswers429WithRetryAfterAndSwitchesBack() {
        http.fault("amazon", "{\"mode\":\"storm\",\"retryAfterSeconds\":3}");

        SimHttp.Answer throttled = amazon();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("3");
        assertThat(throttled.json().at("/errors/0/code").textValue()).isEqualTo("QuotaExceeded");

        http.fault("amazon", "{\"mode\":\"normal\"}");
        assertThat(amazon().status()).isEqualTo(200);
    }

    @Test
    void aStormOnShopifyAnswersThrottledInGraphqlShape() {
        http.fault("shopify", "{\"mode\":\"storm\"}");

        SimHttp.Answer answer = http.post(
                "/admin/api/2026-04/graphql.json",
                "{\"query\":\"{ shop { name } }\"}",
                "X-Shopify-Access-Token",
                "shpat_simulator");

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.json().at("/errors/0/extensions/code").textValue()).isEqualTo("THROTTLED");
    }

    @Test
    void slowAnswersComeAfterTheDelayAndNormalAnswersDoNot() {
        http.fault("ebay", "{\"mode\":\"slow\",\"delayMillis\":400}");

        long start = System.nanoTime();
        assertThat(ebay().status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        http.fault("ebay", "{\"mode\":\"normal\"}");
        long after = System.nanoTime();
        assertThat(ebay().status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - after)).isLessThan(Duration.ofMillis(400));
    }

    @Test
    void aFaultForAnUnknownChannelOrModeIsRefused() {
        assertThat(http.send("PUT", "/_sim/faults/etsy", "{\"mode\":\"outage\"}")
                        .status())
                .isEqualTo(404);
        assertThat(http.send("PUT", "/_sim/faults/ebay", "{\"mode\":\"flaky\"}").status())
                .isEqualTo(400);
        assertThat(http.send("PUT", "/_sim/faults/ebay", "{\"mode\":\"slow\"}").status())
                .isEqualTo(400);
    }
}

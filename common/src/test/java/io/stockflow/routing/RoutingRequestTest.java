package io.stockflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RoutingRequestTest {

    @Test
    void takesWhatRoutingNeedsFromACanonicalOrderAndSumsRepeatedSkus() {
        OrderEvent e = new OrderEvent();
        e.orderId = "shopify:450789469";
        e.channel = "shopify";
        e.type = OrderEventType.PLACED;
        e.shipCountry = "US";
        e.shipRegion = "NY";
        e.shipPostcode = "10013";
        e.serviceLevel = "PRIORITY";
        e.total = "199.90";
        e.currency = "USD";
        e.eventTime = 1_764_150_000_000L;
        e.lines.add(new OrderLine("TEE-M", 2, "19.95"));
        e.lines.add(new OrderLine("MUG-1", 1, "9.00"));
        e.lines.add(new OrderLine("TEE-M", 1, "19.95"));
        e.lines.add(new OrderLine("FREE-GIFT", 0, "0.00"));

        RoutingRequest r = RoutingRequest.of(e);

        assertThat(r.orderId()).isEqualTo("shopify:450789469");
        assertThat(r.lines()).containsExactly(java.util.Map.entry("TEE-M", 3L), java.util.Map.entry("MUG-1", 1L));
        assertThat(r.orderValue()).isEqualTo(new BigDecimal("199.90"));
        assertThat(r.serviceLevel()).isEqualTo("PRIORITY");
        assertThat(r.shipPostcode()).isEqualTo("10013");
        assertThat(r.eventTime()).isEqualTo(1_764_150_000_000L);
        assertThat(r.totalUnits()).isEqualTo(4);
    }

    @Test
    void anUnreadableTotalMeansNoValue() {
        OrderEvent e = new OrderEvent();
        e.orderId = "ebay:1";
        e.total = "n/a";

        assertThat(RoutingRequest.of(e).orderValue()).isNull();
    }

    @Test
    void skuPatternsMatchWithStarsAndQuestionMarks() {
        assertThat(new Glob("TEE-*").matches("TEE-M")).isTrue();
        assertThat(new Glob("TEE-*").matches("TEE-")).isTrue();
        assertThat(new Glob("TEE-*").matches("MUG-1")).isFalse();
        assertThat(new Glob("*-XL").matches("TEE-RED-XL")).isTrue();
        assertThat(new Glob("BATT-??").matches("BATT-AA")).isTrue();
        assertThat(new Glob("BATT-??").matches("BATT-AAA")).isFalse();
        assertThat(new Glob("A*B*C").matches("AxxBxxBxxC")).isTrue();
        assertThat(new Glob("MUG-1").isLiteral()).isTrue();
        assertThat(new Glob("*").matches("")).isTrue();
    }
}

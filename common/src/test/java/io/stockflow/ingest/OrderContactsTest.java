package io.stockflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.codec.OrderEventJson;
import io.stockflow.model.OrderEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The raw contact each placed order hands to {@code customers.contacts}: from the fields whose digests the canonical
 * event carries, with the ship-to's zone; none for later events of the order, nor for Amazon, whose notifications have
 * none; never inside the event.
 */
class OrderContactsTest {
    private final OrderEnvelopeParser parser = new OrderEnvelopeParser(IngestLimits.DEFAULTS);

    private List<OrderContact> contacts(String source, String kind, String payload) throws Exception {
        List<OrderContact> out = new ArrayList<>();
        OrderEvent e = parser.parse(Fixtures.envelope(source, kind, Fixtures.payload(payload)), out::add);
        assertThat(OrderEventJson.write(e)).as("the event").doesNotContainIgnoringCase("@example");
        return out;
    }

    @Test
    void eachMarketplacesPlacedOrderHandsItsContact() throws Exception {
        OrderContact shopify =
                contacts("shopify", "orders/create", "shopify/order.json").get(0);
        assertThat(shopify.orderId).startsWith("shopify:");
        assertThat(shopify.email).isEqualTo("Jane.Doe@Example.COM");
        assertThat(shopify.phone).isEqualTo("+49 30 1234567");
        assertThat(shopify.timeZone).isEqualTo("Europe/Berlin");
        assertThat(shopify.preferredChannel).isEqualTo("email");

        OrderContact woo = contacts("woocommerce", "order.created", "woocommerce/order.json")
                .get(0);
        assertThat(woo.email).isEqualTo("Lena.Schmidt@Example.org");
        assertThat(woo.timeZone).isEqualTo("Europe/Berlin");

        OrderContact ebay = contacts("ebay", "order", "ebay/order.json").get(0);
        assertThat(ebay.email).isEqualTo("sam.rivera@example.net");
        assertThat(ebay.phone).isEqualTo("+1 (512) 555-0143");
        assertThat(Fixtures.json(ebay.toJson()).get("order_id").asText()).isEqualTo(ebay.orderId);
    }

    @Test
    void aContactsValueIsItsFieldsInOrderAndTheSameAsBytes() throws Exception {
        OrderContact ebay = contacts("ebay", "order", "ebay/order.json").get(0);
        assertThat(ebay.toJson())
                .isEqualTo("{\"order_id\":\"" + ebay.orderId + "\",\"email\":\"sam.rivera@example.net\","
                        + "\"phone\":\"+1 (512) 555-0143\",\"preferred_channel\":\"email\",\"time_zone\":\""
                        + ebay.timeZone + "\"}");
        assertThat(ebay.toJsonUtf8()).isEqualTo(ebay.toJson().getBytes(StandardCharsets.UTF_8));
        OrderContact noPhone = OrderContact.of(" Zoë@Example.org ", " ");
        noPhone.orderId = "shopify:1";
        assertThat(noPhone.toJson())
                .isEqualTo("{\"order_id\":\"shopify:1\",\"email\":\"Zoë@Example.org\","
                        + "\"preferred_channel\":\"email\",\"time_zone\":\"" + noPhone.timeZone + "\"}");
        assertThat(noPhone.toJsonUtf8()).isEqualTo(noPhone.toJson().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void laterEventsAndAmazonHandNone() throws Exception {
        assertThat(contacts("shopify", "orders/cancelled", "shopify/order-cancelled.json"))
                .isEmpty();
        assertThat(contacts("shopify", "refunds/create", "shopify/refund.json")).isEmpty();
        assertThat(contacts("amazon", "ORDER_CHANGE", "amazon/order-change.json"))
                .isEmpty();
    }

    @Test
    void aContactPrintsNeitherAddress() throws Exception {
        OrderContact c = contacts("ebay", "order", "ebay/order.json").get(0);
        assertThat(c.toString()).doesNotContain("sam.rivera", "555");
    }

    @Test
    void zonesComeFromTheCountryAndTheRegionWhereTheCountryHasSeveral() {
        assertThat(ShipToTimeZones.of("US", "CA")).isEqualTo("America/Los_Angeles");
        assertThat(ShipToTimeZones.of("US", "NY")).isEqualTo("America/New_York");
        assertThat(ShipToTimeZones.of("gb", null)).isEqualTo("Europe/London");
        assertThat(ShipToTimeZones.of("ZZ", null)).isEqualTo("UTC");
        assertThat(ShipToTimeZones.of(null, null)).isEqualTo("UTC");
    }
}

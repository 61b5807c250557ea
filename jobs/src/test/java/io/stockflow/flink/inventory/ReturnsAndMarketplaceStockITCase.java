package io.stockflow.flink.inventory;

import static io.stockflow.flink.inventory.InventoryScenario.receipt;
import static io.stockflow.flink.inventory.InventoryScenario.shipped;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.allocation.AllocatedUnits;
import io.stockflow.allocation.Decision;
import io.stockflow.ledger.AvailabilityUpdate;
import io.stockflow.model.OrderEventType;
import io.stockflow.testing.ShopifyOrders;
import io.stockflow.testing.TestFlink;
import java.util.concurrent.TimeUnit;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The inventory topology on marketplace records of returns and refunds, and of orders Amazon fulfils itself (FBA):
 * a restocked return raises availability (an eBay return at the location its order's line shipped from, its SKU taken
 * from the order); an FBA order holds none of the shop's stock, and moves the marketplace-held
 * location when one is configured.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReturnsAndMarketplaceStockITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    private static final String STOCK_ARRIVES = "2026-11-26T08:00:00Z";

    @Test
    void aWooCommerceRefundWithRestockRaisesAvailabilityWhereTheOrderShipped() throws Exception {
        InventoryScenario.Results out = new InventoryScenario()
                .movements(receipt("mv-1", "SKU-A", "WH-EAST", 10, STOCK_ARRIVES))
                .orders(
                        wooOrder(4711, "2026-11-26T10:00:00", 2),
                        wooRefund(4711, "2026-11-28T09:00:00", 1, true),
                        wooRefund(4712, "2026-11-28T09:05:00", 1, false))
                .fulfilments(shipped("ful-1", "woocommerce:4711", "WH-EAST", "SKU-A", 2, "2026-11-26T12:00:00Z"))
                .run();

        assertThat(out.deadLetters()).isEmpty();
        assertThat(out.canonicalOrders())
                .filteredOn(e -> e.type == OrderEventType.REFUNDED)
                .extracting(e -> e.orderId + " restock=" + e.lines.get(0).restock)
                .containsExactlyInAnyOrder("woocommerce:4711 restock=true", "woocommerce:4712 restock=false");
        assertThat(out.availability())
                .filteredOn(u -> u.location.equals("WH-EAST"))
                .extracting(ReturnsAndMarketplaceStockITCase::levels)
                .as("received, held, shipped, and the returned unit back on the shelf")
                .containsExactly("10/0/10", "10/2/8", "8/0/8", "9/0/9");
    }

    @Test
    void anEbayReturnReceivedAndRestockableRaisesAvailabilityWhereItsLineShipped() throws Exception {
        InventoryScenario.Results out = new InventoryScenario()
                .movements(
                        receipt("mv-1", "SKU-A", "WH-EAST", 10, STOCK_ARRIVES),
                        receipt("mv-2", "SKU-A", "WH-WEST", 10, STOCK_ARRIVES))
                .orders(
                        ebayOrder("21-11111-00001", "2026-11-26T10:00:00.000Z", 3),
                        ebayReturn("5300000001", "21-11111-00001", "10052000000001", 2, true, "2026-12-02T09:00:00Z"),
                        ebayReturn("5300000001", "21-11111-00001", "10052000000001", 2, true, "2026-12-02T09:00:00Z")
                                .replace("ITEM_DELIVERED", "CLOSED"),
                        ebayReturn("5300000002", "21-11111-00001", "10052000000001", 1, false, "2026-12-03T09:00:00Z"),
                        ebayReturn("5300000003", "21-99999-00009", "10052000000009", 1, true, "2026-12-03T10:00:00Z"))
                .fulfilments(shipped("ful-1", "ebay:21-11111-00001", "WH-WEST", "SKU-A", 3, "2026-11-26T12:00:00Z"))
                .run();

        assertThat(out.canonicalOrders())
                .filteredOn(e -> e.type == OrderEventType.REFUNDED)
                .extracting(e -> e.lines.get(0).sku + " x" + e.lines.get(0).quantity + " restock="
                        + e.lines.get(0).restock + " " + e.status)
                .as("the second delivery of the restocked return moves only money")
                .containsExactlyInAnyOrder(
                        "SKU-A x2 restock=true ITEM_DELIVERED",
                        "SKU-A x2 restock=false CLOSED",
                        "SKU-A x1 restock=false ITEM_DELIVERED");
        assertThat(out.deadLetters())
                .extracting(d -> d.error)
                .containsExactly("return 5300000003 is for order 'ebay:21-99999-00009', which the ingest has not seen"
                        + " (or has forgotten, stockflow.orders.ttl after its last event): the SKU of line"
                        + " 266000000007-10052000000009 is unknown");
        assertThat(levels(out.finalAvailability("SKU-A", "WH-WEST")))
                .as("10 received, 3 shipped, 2 back on the shelf they left")
                .isEqualTo("9/0/9");
        assertThat(levels(out.finalAvailability("SKU-A", "WH-EAST"))).isEqualTo("10/0/10");
    }

    @Test
    void anOrderAmazonFulfilsIsRecordedButHoldsNoneOfTheShopsStock() throws Exception {
        InventoryScenario.Results out = new InventoryScenario()
                .movements(receipt("mv-1", "SKU-A", "WH-EAST", 10, STOCK_ARRIVES))
                .orders(
                        amazonOrder("028-1", "Unshipped", "AFN", "2026-11-26T10:00:00Z", 2),
                        amazonOrder("028-1", "Shipped", "AFN", "2026-11-26T18:00:00Z", 2),
                        fbaReturn("028-1", "2026-11-30T09:00:00Z", "SELLABLE"))
                .run();

        assertThat(out.canonicalOrders())
                .extracting(e -> e.type + " " + e.fulfilledBy)
                .containsExactlyInAnyOrder("PLACED MARKETPLACE", "SHIPPED MARKETPLACE", "REFUNDED MARKETPLACE");
        assertThat(out.allocations()).as("no decision over the shop's stock").isEmpty();
        assertThat(levels(out.finalAvailability("SKU-A", "WH-EAST"))).isEqualTo("10/0/10");
        assertThat(out.alerts()).isEmpty();
    }

    @Test
    void withAMarketplaceLocationAnAmazonFulfilledOrderMovesOnlyThatLocation() throws Exception {
        InventoryScenario.Results out = new InventoryScenario()
                .settings(InventorySettings.replay().withMarketplaceLocation("amazon", "FBA-DE"))
                .movements(
                        receipt("mv-1", "SKU-A", "WH-EAST", 10, STOCK_ARRIVES),
                        receipt("mv-2", "SKU-A", "FBA-DE", 20, STOCK_ARRIVES))
                .orders(
                        amazonOrder("028-2", "Unshipped", "AFN", "2026-11-26T10:00:00Z", 3),
                        amazonOrder("028-2", "Shipped", "AFN", "2026-11-26T18:00:00Z", 3),
                        amazonOrder("028-2", "Shipped", "AFN", "2026-11-27T18:00:00Z", 3),
                        fbaReturn("028-2", "2026-11-30T09:00:00Z", "SELLABLE"),
                        ShopifyOrders.placed(1001, "2026-11-26T11:00:00Z", "NY", "10001", "SKU-A", 12, "10.00"))
                .run();

        assertThat(out.allocation("amazon:028-2").allocations)
                .containsExactly(new AllocatedUnits("SKU-A", 3, "FBA-DE"));
        assertThat(out.allocation("shopify:1001").decision)
                .as("the shop's order never takes what only Amazon can ship")
                .isEqualTo(Decision.PARTIAL);
        assertThat(out.allocation("shopify:1001").allocations)
                .containsExactly(new AllocatedUnits("SKU-A", 10, "WH-EAST"));
        assertThat(levels(out.finalAvailability("SKU-A", "FBA-DE")))
                .as("20 received, 3 shipped by Amazon once, 1 back sellable")
                .isEqualTo("18/0/18");
        assertThat(levels(out.finalAvailability("SKU-A", "WH-EAST"))).isEqualTo("10/10/0");
    }

    private static String levels(AvailabilityUpdate u) {
        return u.onHand + "/" + u.reserved + "/" + u.available;
    }

    private static String wooOrder(long id, String createdGmt, long quantity) {
        return envelope(
                "woocommerce",
                "order.created",
                "{\"id\":" + id + ",\"status\":\"processing\",\"currency\":\"EUR\",\"date_created_gmt\":\""
                        + createdGmt + "\",\"line_items\":[{\"sku\":\"SKU-A\",\"quantity\":" + quantity
                        + ",\"price\":10}]}");
    }

    private static String wooRefund(long orderId, String createdGmt, long quantity, boolean restock) {
        return envelope(
                "woocommerce",
                "refund.created",
                "{\"id\":" + (orderId + 90) + ",\"order_id\":" + orderId + ",\"date_created_gmt\":\"" + createdGmt
                        + "\",\"amount\":\"10.00\",\"restock_items\":" + restock
                        + ",\"line_items\":[{\"sku\":\"SKU-A\",\"quantity\":-" + quantity + "}]}");
    }

    private static String amazonOrder(String id, String status, String fulfilment, String at, long quantity) {
        return envelope(
                "amazon",
                "ORDER_CHANGE",
                "{\"Payload\":{\"OrderChangeNotification\":{\"AmazonOrderId\":\"" + id + "\",\"OrderChangeTrigger\":"
                        + "{\"TimeOfOrderChange\":\"" + at + "\"},\"Summary\":{\"MarketplaceId\":\"A1PA6795UKMFR9\","
                        + "\"OrderStatus\":\"" + status + "\",\"FulfillmentType\":\"" + fulfilment + "\","
                        + "\"OrderItems\":[{\"SellerSKU\":\"SKU-A\",\"Quantity\":" + quantity + "}]}}}}");
    }

    private static String fbaReturn(String orderId, String at, String disposition) {
        return envelope(
                "amazon",
                "FBA_CUSTOMER_RETURN",
                "{\"return-date\":\"" + at + "\",\"order-id\":\"" + orderId + "\",\"sku\":\"SKU-A\",\"quantity\":1,"
                        + "\"fulfillment-center-id\":\"LEJ1\",\"detailed-disposition\":\"" + disposition + "\"}");
    }

    /** An eBay order as getOrders returns it, with the listing and line item ids that returns name. */
    private static String ebayOrder(String orderId, String created, long quantity) {
        return envelope(
                "ebay",
                "order",
                "{\"orderId\":\"" + orderId + "\",\"creationDate\":\"" + created + "\",\"lastModifiedDate\":\""
                        + created + "\",\"orderFulfillmentStatus\":\"NOT_STARTED\",\"orderPaymentStatus\":\"PAID\","
                        + "\"lineItems\":[{\"lineItemId\":\"10052000000001\",\"legacyItemId\":\"266000000007\","
                        + "\"sku\":\"SKU-A\",\"quantity\":" + quantity + ",\"lineItemCost\":{\"value\":\"30.00\","
                        + "\"currency\":\"USD\"}}]}");
    }

    /** A Post-Order return summary, received by the seller, restockable or not. */
    private static String ebayReturn(
            String returnId, String orderId, String transactionId, long quantity, boolean restockable, String at) {
        return envelope(
                "ebay",
                "return",
                "{\"returnId\":\"" + returnId + "\",\"orderId\":\"" + orderId + "\",\"currentType\":\"MONEY_BACK\","
                        + "\"state\":\"ITEM_DELIVERED\",\"status\":\"ITEM_DELIVERED\",\"creationInfo\":{\"item\":"
                        + "{\"itemId\":\"266000000007\",\"transactionId\":\"" + transactionId + "\",\"returnQuantity\":"
                        + quantity + "},\"type\":\"MONEY_BACK\",\"reason\":\"NO_LONGER_NEED_ITEM\",\"creationDate\":"
                        + "{\"value\":\"2026-11-29T10:00:00.000Z\"}},\"itemReceipt\":{\"receivedDate\":{\"value\":\""
                        + at + "\"},\"restockable\":" + restockable + "}}");
    }

    private static String envelope(String source, String kind, String payload) {
        return "{\"source\":\"" + source + "\",\"kind\":\"" + kind + "\",\"received_at\":\"2026-11-30T12:00:00Z\","
                + "\"payload\":" + payload + "}";
    }
}

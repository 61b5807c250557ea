package io.stockflow.ingest;

import static io.stockflow.ingest.Fixtures.envelope;
import static io.stockflow.ingest.Fixtures.json;
import static io.stockflow.ingest.Fixtures.payload;
import static io.stockflow.ingest.Fixtures.with;
import static io.stockflow.ingest.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.json.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every record that cannot become an order event is refused with a reason naming the field and the value. */
class BadOrderRecordsTest {
    private static final String AMAZON = "/Payload/OrderChangeNotification";
    private static final String LONG_SKU = "S".repeat(129);

    private final OrderEnvelopeParser parser = new OrderEnvelopeParser(IngestLimits.DEFAULTS);

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void refusesWithTheExactReason(byte[] record, String reason) {
        assertThatThrownBy(() -> parser.parse(record))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage(reason);
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                bad("empty record", new byte[0], "record is empty"),
                bad(
                        "not JSON",
                        text("orders please"),
                        "record is not JSON: Unrecognized token 'orders': was expecting (JSON String, Number, Array, "
                                + "Object or token 'null', 'true' or 'false')"),
                bad(
                        "cut-off JSON",
                        text("{\"source\": \"shopify\", \"kind\""),
                        "record is not JSON: Unexpected end-of-input within/between Object entries"),
                bad("two JSON values", text("{} {}"), "record holds more than one JSON value"),
                bad(
                        "JSON followed by garbage",
                        text("{\"source\": \"shopify\"} ok"),
                        "record is not JSON: Unrecognized token 'ok': was expecting (JSON String, Number, Array, "
                                + "Object or token 'null', 'true' or 'false')"),
                bad(
                        "JSON array",
                        text("[{\"source\": \"shopify\"}]"),
                        "record is not a JSON object, got [{\"source\":\"shopify\"}]"),
                bad(
                        "unknown source",
                        envelope("etsy", "order", payload("shopify/order.json")),
                        "unknown source 'etsy' (expected one of shopify, amazon, ebay, woocommerce)"),
                bad(
                        "source not a string",
                        with(envelopeTree("shopify", "orders/create", "shopify/order.json"), "/source", 7),
                        "field 'source' must be a string, got 7"),
                bad(
                        "unknown shopify kind",
                        envelope("shopify", "orders/paid", payload("shopify/order.json")),
                        "unknown kind 'orders/paid' for source 'shopify' (expected one of orders/create, orders/updated, "
                                + "orders/cancelled, refunds/create, fulfillments/create)"),
                bad(
                        "unknown woocommerce kind",
                        envelope("woocommerce", "order.deleted", payload("woocommerce/order.json")),
                        "unknown kind 'order.deleted' for source 'woocommerce' (expected one of order.created, order.updated, refund.created)"),
                bad(
                        "missing kind",
                        without(envelopeTree("ebay", "order", "ebay/order.json"), "/kind"),
                        "missing field 'kind'"),
                bad(
                        "missing received_at",
                        without(envelopeTree("ebay", "order", "ebay/order.json"), "/received_at"),
                        "missing field 'received_at'"),
                bad(
                        "unparseable received_at",
                        envelope("ebay", "order", "yesterday", payload("ebay/order.json")),
                        "field 'received_at' must be an ISO-8601 time with offset, got \"yesterday\""),
                bad(
                        "missing payload",
                        without(envelopeTree("ebay", "order", "ebay/order.json"), "/payload"),
                        "missing field 'payload'"),
                bad(
                        "payload as a string",
                        with(envelopeTree("ebay", "order", "ebay/order.json"), "/payload", "{}"),
                        "field 'payload' must be an object, got \"{}\""),
                bad(
                        "shopify order without id",
                        shopify("orders/create", without(payload("shopify/order.json"), "/id")),
                        "missing field 'payload.id'"),
                bad(
                        "shopify id not an integer",
                        shopify("orders/create", with(payload("shopify/order.json"), "/id", 1.5)),
                        "field 'payload.id' must be a string or an integer, got 1.5"),
                bad(
                        "shopify unparseable created_at",
                        shopify(
                                "orders/create",
                                with(payload("shopify/order.json"), "/created_at", "26/11/2026 11:00")),
                        "field 'payload.created_at' must be an ISO-8601 time with offset, got \"26/11/2026 11:00\""),
                bad(
                        "shopify line without sku",
                        shopify("orders/create", without(payload("shopify/order.json"), "/line_items/2/sku")),
                        "missing field 'payload.line_items[2].sku'"),
                bad(
                        "shopify line with null sku",
                        shopify("orders/create", with(payload("shopify/order.json"), "/line_items/1/sku", null)),
                        "missing field 'payload.line_items[1].sku'"),
                bad(
                        "shopify line with blank sku",
                        shopify("orders/create", with(payload("shopify/order.json"), "/line_items/0/sku", " ")),
                        "field 'payload.line_items[0].sku' must not be empty, got \" \""),
                bad(
                        "shopify sku too long",
                        shopify("orders/create", with(payload("shopify/order.json"), "/line_items/0/sku", LONG_SKU)),
                        "field 'payload.line_items[0].sku' is 129 characters long, more than the limit of 128, got \""
                                + "S".repeat(59) + "…"),
                bad(
                        "shopify quantity as a word",
                        shopify("orders/create", with(olderShopifyOrder(), "/line_items/0/quantity", "three")),
                        "field 'payload.line_items[0].quantity' must be an integer, got \"three\""),
                bad(
                        "shopify quantity zero",
                        shopify("orders/create", with(olderShopifyOrder(), "/line_items/1/quantity", 0)),
                        "field 'payload.line_items[1].quantity' must be positive, got 0"),
                bad(
                        "shopify negative quantity",
                        shopify("orders/create", with(olderShopifyOrder(), "/line_items/1/quantity", -2)),
                        "field 'payload.line_items[1].quantity' must be positive, got -2"),
                bad(
                        "shopify quantity above the limit",
                        shopify("orders/create", with(olderShopifyOrder(), "/line_items/0/quantity", 100_001)),
                        "field 'payload.line_items[0].quantity' must be at most 100000, got 100001"),
                bad(
                        "shopify merged quantity above the limit",
                        shopify(
                                "orders/create",
                                with(
                                        with(olderShopifyOrder(), "/line_items/0/quantity", 60_000),
                                        "/line_items/2/quantity",
                                        60_000)),
                        "field 'payload.line_items' holds 120000 units of sku 'TSHIRT-BLK-M' in all, more than the limit of 100000"),
                bad(
                        "shopify negative current_quantity",
                        shopify(
                                "orders/updated",
                                with(payload("shopify/order.json"), "/line_items/1/current_quantity", -1)),
                        "field 'payload.line_items[1].current_quantity' must be positive, got -1"),
                bad(
                        "shopify currency not an ISO code",
                        shopify("orders/create", with(payload("shopify/order.json"), "/currency", "euro")),
                        "field 'payload.currency' must be an ISO-4217 currency code, got \"euro\""),
                bad(
                        "shopify negative price",
                        shopify("orders/create", with(payload("shopify/order.json"), "/line_items/0/price", "-5.00")),
                        "field 'payload.line_items[0].price' must not be negative, got \"-5.00\""),
                bad(
                        "shopify non-numeric price",
                        shopify("orders/create", with(payload("shopify/order.json"), "/line_items/0/price", "free")),
                        "field 'payload.line_items[0].price' must be a decimal number, got \"free\""),
                bad(
                        "shopify non-numeric total",
                        shopify("orders/create", with(payload("shopify/order.json"), "/total_price", "119,50")),
                        "field 'payload.total_price' must be a decimal number, got \"119,50\""),
                bad(
                        "shopify order without lines",
                        shopify("orders/create", with(payload("shopify/order.json"), "/line_items", json("[]"))),
                        "field 'payload.line_items' has no lines, and a PLACED order needs at least one"),
                bad(
                        "shopify update with line_items missing",
                        shopify("orders/updated", without(payload("shopify/order.json"), "/line_items")),
                        "field 'payload.line_items' has no lines, and an UPDATED order needs at least one"),
                bad(
                        "shopify line_items not an array",
                        shopify("orders/create", with(payload("shopify/order.json"), "/line_items", "none")),
                        "field 'payload.line_items' must be an array, got \"none\""),
                bad(
                        "shopify line not an object",
                        shopify("orders/create", with(payload("shopify/order.json"), "/line_items/1", "MUG-WHT")),
                        "field 'payload.line_items[1]' must be an object, got \"MUG-WHT\""),
                bad(
                        "shopify too many lines",
                        shopify("orders/create", with(payload("shopify/order.json"), "/line_items", lines(1001))),
                        "field 'payload.line_items' has 1001 lines, more than the limit of 1000"),
                bad(
                        "shopify refund with unknown restock_type",
                        shopify(
                                "refunds/create",
                                with(payload("shopify/refund.json"), "/refund_line_items/0/restock_type", "maybe")),
                        "field 'payload.refund_line_items[0].restock_type' must be one of no_restock, cancel, return, "
                                + "legacy_restock, got \"maybe\""),
                bad(
                        "shopify refund line without its line_item",
                        shopify(
                                "refunds/create",
                                without(payload("shopify/refund.json"), "/refund_line_items/1/line_item")),
                        "missing field 'payload.refund_line_items[1].line_item'"),
                bad(
                        "shopify refund line without sku",
                        shopify(
                                "refunds/create",
                                with(payload("shopify/refund.json"), "/refund_line_items/2/line_item/sku", null)),
                        "missing field 'payload.refund_line_items[2].line_item.sku'"),
                bad(
                        "shopify fulfillment without order_id",
                        shopify("fulfillments/create", without(payload("shopify/fulfillment.json"), "/order_id")),
                        "missing field 'payload.order_id'"),
                bad(
                        "amazon without the notification",
                        amazon(without(payload("amazon/order-change.json"), "/Payload/OrderChangeNotification")),
                        "missing field 'payload.Payload.OrderChangeNotification'"),
                bad(
                        "amazon unknown OrderStatus",
                        amazon(with(
                                payload("amazon/order-change.json"), AMAZON + "/Summary/OrderStatus", "Unfulfillable")),
                        "field 'payload.Payload.OrderChangeNotification.Summary.OrderStatus' must be one of Pending, "
                                + "Unshipped, PartiallyShipped, Shipped, Canceled, got \"Unfulfillable\""),
                bad(
                        "amazon without any time",
                        amazon(without(
                                without(payload("amazon/order-change.json"), AMAZON + "/OrderChangeTrigger"),
                                "/EventTime")),
                        "missing field 'payload.Payload.OrderChangeNotification.OrderChangeTrigger.TimeOfOrderChange' "
                                + "(and no 'payload.EventTime')"),
                bad(
                        "amazon unparseable TimeOfOrderChange",
                        amazon(with(
                                payload("amazon/order-change.json"),
                                AMAZON + "/OrderChangeTrigger/TimeOfOrderChange",
                                "2026-11-26 10:15")),
                        "field 'payload.Payload.OrderChangeNotification.OrderChangeTrigger.TimeOfOrderChange' must be "
                                + "an ISO-8601 time with offset, got \"2026-11-26 10:15\""),
                bad(
                        "amazon item without SellerSKU",
                        amazon(without(
                                payload("amazon/order-change.json"), AMAZON + "/Summary/OrderItems/0/SellerSKU")),
                        "missing field 'payload.Payload.OrderChangeNotification.Summary.OrderItems[0].SellerSKU'"),
                bad(
                        "amazon fractional Quantity",
                        amazon(with(
                                payload("amazon/order-change.json"), AMAZON + "/Summary/OrderItems/1/Quantity", 1.5)),
                        "field 'payload.Payload.OrderChangeNotification.Summary.OrderItems[1].Quantity' must be an "
                                + "integer, got 1.5"),
                bad(
                        "amazon order without items",
                        amazon(with(payload("amazon/order-change.json"), AMAZON + "/Summary/OrderItems", json("[]"))),
                        "field 'payload.Payload.OrderChangeNotification.Summary.OrderItems' has no lines, and a PLACED "
                                + "order needs at least one"),
                bad(
                        "amazon without MarketplaceId",
                        amazon(without(payload("amazon/order-change.json"), AMAZON + "/Summary/MarketplaceId")),
                        "missing field 'payload.Payload.OrderChangeNotification.Summary.MarketplaceId'"),
                bad(
                        "ebay unknown orderFulfillmentStatus",
                        ebay(with(payload("ebay/order.json"), "/orderFulfillmentStatus", "SHIPPED")),
                        "field 'payload.orderFulfillmentStatus' must be one of NOT_STARTED, IN_PROGRESS, FULFILLED, "
                                + "got \"SHIPPED\""),
                bad(
                        "ebay without any date",
                        ebay(without(without(payload("ebay/order.json"), "/lastModifiedDate"), "/creationDate")),
                        "missing field 'payload.creationDate'"),
                bad(
                        "ebay negative line cost",
                        ebay(with(payload("ebay/order.json"), "/lineItems/0/lineItemCost/value", "-59.97")),
                        "field 'payload.lineItems[0].lineItemCost.value' must not be negative, got \"-59.97\""),
                bad(
                        "ebay line without sku",
                        ebay(without(payload("ebay/order.json"), "/lineItems/1/sku")),
                        "missing field 'payload.lineItems[1].sku'"),
                bad(
                        "ebay order id too long",
                        ebay(with(payload("ebay/order.json"), "/orderId", "9".repeat(130))),
                        "field 'payload.orderId' is 130 characters long, more than the limit of 128, got \""
                                + "9".repeat(59) + "…"),
                bad(
                        "woocommerce unparseable date_created_gmt",
                        woo(
                                "order.created",
                                with(payload("woocommerce/order.json"), "/date_created_gmt", "not a date")),
                        "field 'payload.date_created_gmt' must be an ISO-8601 time, got \"not a date\""),
                bad(
                        "woocommerce update without date_modified_gmt",
                        woo("order.updated", without(payload("woocommerce/order.json"), "/date_modified_gmt")),
                        "missing field 'payload.date_modified_gmt'"),
                bad(
                        "woocommerce line with empty sku",
                        woo("order.created", with(payload("woocommerce/order.json"), "/line_items/1/sku", "")),
                        "field 'payload.line_items[1].sku' must not be empty, got \"\""),
                bad(
                        "woocommerce negative price",
                        woo("order.created", with(payload("woocommerce/order.json"), "/line_items/0/price", -19.5)),
                        "field 'payload.line_items[0].price' must not be negative, got -19.5"),
                bad(
                        "woocommerce price as a word",
                        woo("order.created", with(payload("woocommerce/order.json"), "/line_items/0/price", "cheap")),
                        "field 'payload.line_items[0].price' must be a decimal number, got \"cheap\""),
                bad(
                        "woocommerce update without lines",
                        woo("order.updated", with(payload("woocommerce/order.json"), "/line_items", json("[]"))),
                        "field 'payload.line_items' has no lines, and an UPDATED order needs at least one"),
                bad(
                        "amazon unknown FulfillmentType",
                        amazon(with(payload("amazon/order-change.json"), AMAZON + "/Summary/FulfillmentType", "SFP")),
                        "field 'payload.Payload.OrderChangeNotification.Summary.FulfillmentType' must be one of AFN, "
                                + "MFN, got \"SFP\""),
                bad(
                        "amazon refund without PostedDate",
                        envelope("amazon", "REFUND_EVENT", without(payload("amazon/refund-event.json"), "/PostedDate")),
                        "missing field 'payload.PostedDate'"),
                bad(
                        "amazon refund item without SellerSKU",
                        envelope(
                                "amazon",
                                "REFUND_EVENT",
                                without(
                                        payload("amazon/refund-event.json"),
                                        "/ShipmentItemAdjustmentList/0/SellerSKU")),
                        "missing field 'payload.ShipmentItemAdjustmentList[0].SellerSKU'"),
                bad(
                        "amazon refund of no units",
                        envelope(
                                "amazon",
                                "REFUND_EVENT",
                                with(
                                        payload("amazon/refund-event.json"),
                                        "/ShipmentItemAdjustmentList/0/QuantityShipped",
                                        0)),
                        "field 'payload.ShipmentItemAdjustmentList[0].QuantityShipped' must be positive, got 0"),
                bad(
                        "amazon return of an unknown disposition",
                        envelope(
                                "amazon",
                                "FBA_CUSTOMER_RETURN",
                                with(payload("amazon/fba-customer-return.json"), "/detailed-disposition", "LOST")),
                        "field 'payload.detailed-disposition' must be one of SELLABLE, DAMAGED, CUSTOMER_DAMAGED, "
                                + "DEFECTIVE, CARRIER_DAMAGED, DISTRIBUTOR_DAMAGED, EXPIRED, got \"LOST\""),
                bad(
                        "amazon return without order-id",
                        envelope(
                                "amazon",
                                "FBA_CUSTOMER_RETURN",
                                without(payload("amazon/fba-customer-return.json"), "/order-id")),
                        "missing field 'payload.order-id'"),
                bad(
                        "amazon return with a quantity as text",
                        envelope(
                                "amazon",
                                "FBA_CUSTOMER_RETURN",
                                with(payload("amazon/fba-customer-return.json"), "/quantity", "one")),
                        "field 'payload.quantity' must be an integer, got \"one\""),
                bad(
                        "ebay partial refund without a refunded line",
                        ebay(with(payload("ebay/order-partially-refunded.json"), "/lineItems/0/refunds", json("[]"))),
                        "field 'payload.lineItems' has no line with refunds, and a PARTIALLY_REFUNDED order needs at "
                                + "least one"),
                bad(
                        "woocommerce refund without order_id",
                        woo("refund.created", without(payload("woocommerce/refund.json"), "/order_id")),
                        "missing field 'payload.order_id'"),
                bad(
                        "woocommerce refund line of no units",
                        woo("refund.created", with(payload("woocommerce/refund.json"), "/line_items/0/quantity", 0)),
                        "field 'payload.line_items[0].quantity' must not be zero, got 0"),
                bad(
                        "woocommerce refund with restock_items as text",
                        woo("refund.created", with(payload("woocommerce/refund.json"), "/restock_items", "yes")),
                        "field 'payload.restock_items' must be true or false, got \"yes\""),
                bad(
                        "woocommerce refund without date_created_gmt",
                        woo("refund.created", without(payload("woocommerce/refund.json"), "/date_created_gmt")),
                        "missing field 'payload.date_created_gmt'"),
                bad(
                        "woocommerce without status",
                        woo("order.created", without(payload("woocommerce/order.json"), "/status")),
                        "missing field 'payload.status'"));
    }

    private static Arguments bad(String name, byte[] record, String reason) {
        return arguments(named(name, record), reason);
    }

    private static Arguments bad(String name, JsonNode record, String reason) {
        return bad(name, Fixtures.bytes(record), reason);
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode envelopeTree(String source, String kind, String fixture) {
        return (ObjectNode) json(new String(envelope(source, kind, payload(fixture)), StandardCharsets.UTF_8));
    }

    private static byte[] shopify(String kind, ObjectNode payload) {
        return envelope("shopify", kind, payload);
    }

    private static byte[] amazon(ObjectNode payload) {
        return envelope("amazon", "ORDER_CHANGE", payload);
    }

    private static byte[] ebay(ObjectNode payload) {
        return envelope("ebay", "order", payload);
    }

    private static byte[] woo(String kind, ObjectNode payload) {
        return envelope("woocommerce", kind, payload);
    }

    /** An order as API versions before {@code current_quantity} send it: {@code quantity} is what counts. */
    private static ObjectNode olderShopifyOrder() {
        ObjectNode order = payload("shopify/order.json");
        for (JsonNode line : order.get("line_items")) ((ObjectNode) line).remove("current_quantity");
        return order;
    }

    private static ArrayNode lines(int count) {
        ArrayNode lines = Fixtures.JSON.createArrayNode();
        for (int i = 0; i < count; i++)
            lines.addObject().put("id", i).put("sku", "SKU-" + i).put("quantity", 1);
        return lines;
    }
}

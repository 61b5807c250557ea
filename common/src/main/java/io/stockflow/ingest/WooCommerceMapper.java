package io.stockflow.ingest;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.util.List;

/**
 * WooCommerce webhooks: an order of the REST API v3 ({@code order.created}, {@code order.updated}), and a refund
 * ({@code refund.created}). Their {@code *_gmt} times carry no zone and are UTC. An order updated to
 * {@code refunded} does not restock: the order does not say whether items went back on the shelf. The refund does:
 * {@code restock_items} is true when the shop put the refunded items back in stock.
 */
final class WooCommerceMapper implements MarketplaceMapper {
    static final String ORDER_CREATED = "order.created";
    static final String ORDER_UPDATED = "order.updated";
    static final String REFUND_CREATED = "refund.created";

    private final LimitChecks checks;
    private final ContactHashes hashes;

    WooCommerceMapper(LimitChecks checks, ContactHashes hashes) {
        this.checks = checks;
        this.hashes = hashes;
    }

    @Override
    public String source() {
        return "woocommerce";
    }

    @Override
    public List<String> kinds() {
        return List.of(ORDER_CREATED, ORDER_UPDATED, REFUND_CREATED);
    }

    @Override
    public OrderEvent map(String kind, JsonFields payload) throws InvalidRecordException {
        return kind.equals(REFUND_CREATED) ? refund(payload) : order(kind, payload);
    }

    /**
     * An order refund of the REST API v3 with the order's id ({@code order_id}) and {@code restock_items}, which
     * WooCommerce's refund takes when it is created. Refund line quantities are negative (units going back); their
     * size counts.
     */
    private OrderEvent refund(JsonFields refund) throws InvalidRecordException {
        OrderEvent e = new OrderEvent();
        e.marketplaceOrderId = checks.id(refund, "order_id");
        e.type = OrderEventType.REFUNDED;
        e.status = "refunded";
        e.eventTime = refund.utcTime("date_created_gmt");
        boolean restock = refund.has("restock_items") && refund.bool("restock_items");
        e.lines = checks.orderLines(
                refund,
                "line_items",
                e.type,
                line -> OrderLine.refund(checks.sku(line, "sku"), refundedUnits(line), restock, null));
        return e;
    }

    @Override
    public OrderContact contact(String kind, JsonFields payload) throws InvalidRecordException {
        if (kind.equals(REFUND_CREATED)) return null;
        JsonFields billing = payload.optObject("billing");
        return billing == null ? null : OrderContact.of(billing.optText("email"), billing.optText("phone"));
    }

    private long refundedUnits(JsonFields line) throws InvalidRecordException {
        long quantity = checks.signedQuantity(line, "quantity");
        if (quantity == 0) throw line.invalid("quantity", "must not be zero");
        return Math.abs(quantity);
    }

    private OrderEvent order(String kind, JsonFields order) throws InvalidRecordException {
        OrderEvent e = new OrderEvent();
        e.marketplaceOrderId = checks.id(order, "id");
        e.status = order.text("status");
        boolean created = kind.equals(ORDER_CREATED);
        e.type = created ? OrderEventType.PLACED : updateType(e.status);
        e.eventTime = created ? order.utcTime("date_created_gmt") : order.utcTime("date_modified_gmt");
        e.currency = checks.optCurrency(order, "currency");
        e.total = checks.optMoneyText(order, "total");
        JsonFields billing = order.optObject("billing");
        if (billing != null) {
            e.customerEmailHash = hashes.email(billing.optText("email"));
            e.customerPhoneHash = hashes.phone(billing.optText("phone"));
        }
        JsonFields shipping = order.optObject("shipping");
        if (shipping != null) {
            e.shipCountry = shipping.optNonBlank("country");
            e.shipRegion = shipping.optNonBlank("state");
            e.shipPostcode = shipping.optNonBlank("postcode");
            e.shipAddressHash = hashes.shipAddress(e.shipCountry, e.shipPostcode, shipping.optNonBlank("address_1"));
        }
        List<JsonFields> shippingLines = order.optArray("shipping_lines");
        e.serviceLevel = shippingLines.isEmpty()
                ? ServiceLevels.STANDARD
                : ServiceLevels.normalize(
                        shippingLines.get(0).optText("method_title"),
                        shippingLines.get(0).optText("method_id"));
        e.lines = checks.orderLines(
                order,
                "line_items",
                e.type,
                line -> new OrderLine(
                        checks.sku(line, "sku"),
                        checks.quantity(line, "quantity"),
                        Money.twoDecimals(checks.optMoney(line, "price"))));
        return e;
    }

    private static OrderEventType updateType(String status) {
        switch (status) {
            case "cancelled":
                return OrderEventType.CANCELLED;
            case "refunded":
                return OrderEventType.REFUNDED;
            default:
                return OrderEventType.UPDATED;
        }
    }
}

package io.stockflow.ingest;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.util.List;

/**
 * WooCommerce order webhooks: an order of the REST API v3. Its {@code *_gmt} times carry no zone and are UTC.
 * A refunded order's lines do not restock: the payload does not say whether items went back on the shelf, so a
 * warehouse {@code RETURN_RESTOCK} movement does that.
 */
final class WooCommerceMapper implements MarketplaceMapper {
    static final String ORDER_CREATED = "order.created";
    static final String ORDER_UPDATED = "order.updated";

    private final LimitChecks checks;

    WooCommerceMapper(LimitChecks checks) {
        this.checks = checks;
    }

    @Override
    public String source() {
        return "woocommerce";
    }

    @Override
    public List<String> kinds() {
        return List.of(ORDER_CREATED, ORDER_UPDATED);
    }

    @Override
    public OrderEvent map(String kind, JsonFields order) throws InvalidRecordException {
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
            e.customerEmailHash = Hashes.email(billing.optText("email"));
            e.customerPhoneHash = Hashes.phone(billing.optText("phone"));
        }
        JsonFields shipping = order.optObject("shipping");
        if (shipping != null) {
            e.shipCountry = shipping.optNonBlank("country");
            e.shipRegion = shipping.optNonBlank("state");
            e.shipPostcode = shipping.optNonBlank("postcode");
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

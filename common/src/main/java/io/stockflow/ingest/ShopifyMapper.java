package io.stockflow.ingest;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.util.List;

/** Shopify webhooks: the Admin REST order, refund and fulfillment objects. */
final class ShopifyMapper implements MarketplaceMapper {
    static final String ORDER_CREATE = "orders/create";
    static final String ORDER_UPDATED = "orders/updated";
    static final String ORDER_CANCELLED = "orders/cancelled";
    static final String REFUND_CREATE = "refunds/create";
    static final String FULFILLMENT_CREATE = "fulfillments/create";

    private final LimitChecks checks;
    private final ContactHashes hashes;

    ShopifyMapper(LimitChecks checks, ContactHashes hashes) {
        this.checks = checks;
        this.hashes = hashes;
    }

    @Override
    public String source() {
        return "shopify";
    }

    @Override
    public List<String> kinds() {
        return List.of(ORDER_CREATE, ORDER_UPDATED, ORDER_CANCELLED, REFUND_CREATE, FULFILLMENT_CREATE);
    }

    @Override
    public OrderEvent map(String kind, JsonFields payload) throws InvalidRecordException {
        switch (kind) {
            case REFUND_CREATE:
                return refund(payload);
            case FULFILLMENT_CREATE:
                return fulfillment(payload);
            default:
                return order(kind, payload);
        }
    }

    private OrderEvent order(String kind, JsonFields order) throws InvalidRecordException {
        OrderEvent e = new OrderEvent();
        e.marketplaceOrderId = checks.id(order, "id");
        Long cancelledAt = order.optTime("cancelled_at");
        if (kind.equals(ORDER_CREATE)) {
            e.type = OrderEventType.PLACED;
            e.eventTime = order.time("created_at");
        } else if (kind.equals(ORDER_CANCELLED) || cancelledAt != null) {
            e.type = OrderEventType.CANCELLED;
            e.eventTime = cancelledAt != null ? cancelledAt : order.time("updated_at");
        } else {
            e.type = OrderEventType.UPDATED;
            e.eventTime = order.time("updated_at");
        }
        e.status = e.type == OrderEventType.CANCELLED ? "cancelled" : status(order);
        e.currency = checks.optCurrency(order, "currency");
        e.total = checks.optMoneyText(order, "total_price");
        e.customerEmailHash = hashes.email(order.optText("email"));
        e.customerPhoneHash = hashes.phone(phone(order));
        JsonFields address = order.optObject("shipping_address");
        if (address != null) {
            e.shipCountry = address.optNonBlank("country_code");
            e.shipRegion = address.optNonBlank("province_code");
            e.shipPostcode = address.optNonBlank("zip");
            e.shipAddressHash = hashes.shipAddress(e.shipCountry, e.shipPostcode, address.optNonBlank("address1"));
        }
        List<JsonFields> shippingLines = order.optArray("shipping_lines");
        e.serviceLevel = shippingLines.isEmpty()
                ? ServiceLevels.STANDARD
                : ServiceLevels.normalize(
                        shippingLines.get(0).optText("code"),
                        shippingLines.get(0).optText("title"));
        e.lines = checks.orderLines(order, "line_items", e.type, this::orderLine);
        return e;
    }

    @Override
    public OrderContact contact(String kind, JsonFields payload) throws InvalidRecordException {
        if (!kind.equals(ORDER_CREATE) && !kind.equals(ORDER_UPDATED) && !kind.equals(ORDER_CANCELLED)) return null;
        return OrderContact.of(payload.optText("email"), phone(payload));
    }

    /** The order's phone, else the shipping address's. */
    private static String phone(JsonFields order) throws InvalidRecordException {
        String phone = order.optNonBlank("phone");
        JsonFields address = order.optObject("shipping_address");
        return phone == null && address != null ? address.optNonBlank("phone") : phone;
    }

    /**
     * After an order edit Shopify keeps removed items in {@code line_items}: {@code quantity} stays as ordered and
     * {@code current_quantity} drops. So the current quantity counts when present, and a line down to 0 is left out.
     */
    private OrderLine orderLine(JsonFields line) throws InvalidRecordException {
        Long current = line.optInteger("current_quantity");
        if (current != null && current == 0) return null;
        String quantityField = current != null ? "current_quantity" : "quantity";
        return new OrderLine(
                checks.sku(line, "sku"), checks.quantity(line, quantityField), checks.optMoneyText(line, "price"));
    }

    /** {@code paid/unfulfilled}, {@code paid/partial}, {@code pending/unfulfilled}: both of Shopify's status words. */
    private static String status(JsonFields order) throws InvalidRecordException {
        String financial = order.optNonBlank("financial_status");
        String fulfillment = order.optNonBlank("fulfillment_status");
        return (financial == null ? "unknown" : financial) + "/" + (fulfillment == null ? "unfulfilled" : fulfillment);
    }

    private OrderEvent refund(JsonFields refund) throws InvalidRecordException {
        OrderEvent e = new OrderEvent();
        e.marketplaceOrderId = checks.id(refund, "order_id");
        e.type = OrderEventType.REFUNDED;
        e.status = "refunded";
        e.eventTime = refund.time("created_at");
        e.lines = checks.orderLines(refund, "refund_line_items", e.type, line -> {
            JsonFields item = line.object("line_item");
            OrderLine refunded = OrderLine.refund(
                    checks.sku(item, "sku"),
                    checks.quantity(line, "quantity"),
                    restocks(line),
                    checks.optId(line, "location_id"));
            refunded.unitPrice = checks.optMoneyText(item, "price");
            return refunded;
        });
        return e;
    }

    private static boolean restocks(JsonFields line) throws InvalidRecordException {
        String type = line.text("restock_type");
        switch (type) {
            case "no_restock":
                return false;
            case "cancel":
            case "return":
            case "legacy_restock":
                return true;
            default:
                throw line.invalid("restock_type", "must be one of no_restock, cancel, return, legacy_restock");
        }
    }

    private OrderEvent fulfillment(JsonFields fulfillment) throws InvalidRecordException {
        OrderEvent e = new OrderEvent();
        e.marketplaceOrderId = checks.id(fulfillment, "order_id");
        e.type = OrderEventType.SHIPPED;
        e.status = fulfillment.optNonBlank("status");
        e.eventTime = fulfillment.time("created_at");
        e.shipLocation = checks.optId(fulfillment, "location_id");
        e.carrier = fulfillment.optNonBlank("tracking_company");
        e.trackingCode = checks.optCode(fulfillment, "tracking_number");
        e.lines = checks.orderLines(
                fulfillment,
                "line_items",
                e.type,
                line -> new OrderLine(
                        checks.sku(line, "sku"),
                        checks.quantity(line, "quantity"),
                        checks.optMoneyText(line, "price")));
        return e;
    }
}

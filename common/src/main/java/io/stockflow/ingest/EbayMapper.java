package io.stockflow.ingest;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.model.MarketplaceLine;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.util.ArrayList;
import java.util.List;

/**
 * eBay Fulfillment API order objects, as {@code getOrder}/{@code getOrders} return them. A refunded order
 * ({@code orderPaymentStatus} {@code FULLY_REFUNDED}, or {@code PARTIALLY_REFUNDED} with the refunded line items'
 * {@code refunds}) is REFUNDED. Its lines restock only while nothing was shipped ({@code NOT_STARTED}): the units
 * never left, so what the order holds is released; after a shipment the order does not say whether units came back.
 * Every line item with a SKU, listing and line item id is also kept as a marketplace line, for the returns that name
 * it ({@link EbayReturns}).
 */
final class EbayMapper implements MarketplaceMapper {
    static final String ORDER = "order";
    private static final String FULLY_REFUNDED = "FULLY_REFUNDED";
    private static final String PARTIALLY_REFUNDED = "PARTIALLY_REFUNDED";

    private final LimitChecks checks;
    private final ContactHashes hashes;

    EbayMapper(LimitChecks checks, ContactHashes hashes) {
        this.checks = checks;
        this.hashes = hashes;
    }

    @Override
    public String source() {
        return "ebay";
    }

    @Override
    public List<String> kinds() {
        return List.of(ORDER, EbayReturns.RETURN);
    }

    @Override
    public OrderEvent map(String kind, JsonFields order) throws InvalidRecordException {
        if (kind.equals(EbayReturns.RETURN)) return EbayReturns.map(checks, order);
        OrderEvent e = new OrderEvent();
        e.marketplaceOrderId = checks.id(order, "orderId");
        String fulfillmentStatus = order.text("orderFulfillmentStatus");
        OrderEventType byFulfillment = type(order, fulfillmentStatus);
        JsonFields cancelStatus = order.optObject("cancelStatus");
        boolean cancelled = cancelStatus != null && "CANCELED".equals(cancelStatus.optText("cancelState"));
        String payment = order.optNonBlank("orderPaymentStatus");
        boolean refunded = !cancelled && (FULLY_REFUNDED.equals(payment) || PARTIALLY_REFUNDED.equals(payment));
        e.type = cancelled ? OrderEventType.CANCELLED : refunded ? OrderEventType.REFUNDED : byFulfillment;
        e.status = cancelled ? "CANCELED" : refunded ? payment : fulfillmentStatus;
        Long modified = order.optTime("lastModifiedDate");
        e.eventTime = modified != null ? modified : order.time("creationDate");
        money(order, e);
        customer(order, e);
        shipping(order, e);
        if (refunded) {
            boolean whole = FULLY_REFUNDED.equals(payment);
            boolean unshipped = fulfillmentStatus.equals("NOT_STARTED");
            e.lines = checks.orderLines(order, "lineItems", e.type, item -> refundedLine(item, whole, unshipped));
            if (e.lines.isEmpty()) {
                throw new InvalidRecordException("field '" + order.pathOf("lineItems")
                        + "' has no line with refunds, and a PARTIALLY_REFUNDED order needs at least one");
            }
        } else {
            e.lines = checks.orderLines(order, "lineItems", e.type, this::line);
        }
        lineDates(order, e);
        e.marketplaceLines = marketplaceLines(order);
        return e;
    }

    /**
     * The line items as returns name them: {@code <legacyItemId>-<lineItemId>} (the Fulfillment API's line item id is
     * the transaction id of the Trading and Post-Order APIs), unmerged. A line item without them cannot be named.
     */
    private List<MarketplaceLine> marketplaceLines(JsonFields order) throws InvalidRecordException {
        List<MarketplaceLine> lines = new ArrayList<>();
        for (JsonFields item : order.optArray("lineItems")) {
            String itemId = checks.optId(item, "legacyItemId");
            String lineItemId = checks.optId(item, "lineItemId");
            String sku = item.optNonBlank("sku");
            Long quantity = item.optInteger("quantity");
            if (itemId == null || lineItemId == null || sku == null || quantity == null || quantity <= 0) continue;
            lines.add(new MarketplaceLine(EbayReturns.lineRef(itemId, lineItemId), sku, quantity));
        }
        return lines;
    }

    /** A line of a refunded order: every line when the whole order was refunded, else those with refunds. */
    private OrderLine refundedLine(JsonFields item, boolean whole, boolean unshipped) throws InvalidRecordException {
        if (!whole && item.optArray("refunds").isEmpty()) return null;
        OrderLine line = line(item);
        line.restock = unshipped;
        return line;
    }

    private static OrderEventType type(JsonFields order, String status) throws InvalidRecordException {
        switch (status) {
            case "NOT_STARTED":
                return OrderEventType.PLACED;
            case "IN_PROGRESS":
                return OrderEventType.UPDATED;
            case "FULFILLED":
                return OrderEventType.SHIPPED;
            default:
                throw order.invalid("orderFulfillmentStatus", "must be one of NOT_STARTED, IN_PROGRESS, FULFILLED");
        }
    }

    private void money(JsonFields order, OrderEvent e) throws InvalidRecordException {
        JsonFields summary = order.optObject("pricingSummary");
        JsonFields total = summary == null ? null : summary.optObject("total");
        if (total == null) return;
        e.total = checks.optMoneyText(total, "value");
        e.currency = checks.optCurrency(total, "currency");
    }

    private void customer(JsonFields order, OrderEvent e) throws InvalidRecordException {
        OrderContact contact = contact(ORDER, order);
        if (contact == null) return;
        e.customerEmailHash = hashes.email(contact.email);
        e.customerPhoneHash = hashes.phone(contact.phone);
    }

    @Override
    public OrderContact contact(String kind, JsonFields order) throws InvalidRecordException {
        if (kind.equals(EbayReturns.RETURN)) return null;
        JsonFields buyer = order.optObject("buyer");
        JsonFields address = buyer == null ? null : buyer.optObject("buyerRegistrationAddress");
        if (address == null) return null;
        JsonFields phone = address.optObject("primaryPhone");
        return OrderContact.of(address.optText("email"), phone == null ? null : phone.optText("phoneNumber"));
    }

    /** Address, service and delivery estimate from the first fulfillment start instruction (digital orders have none). */
    private void shipping(JsonFields order, OrderEvent e) throws InvalidRecordException {
        e.serviceLevel = ServiceLevels.STANDARD;
        List<JsonFields> instructions = order.optArray("fulfillmentStartInstructions");
        if (instructions.isEmpty()) return;
        JsonFields instruction = instructions.get(0);
        e.deliverBy = instruction.optTime("maxEstimatedDeliveryDate");
        JsonFields step = instruction.optObject("shippingStep");
        if (step == null) return;
        e.serviceLevel = ServiceLevels.normalize(step.optText("shippingServiceCode"));
        JsonFields shipTo = step.optObject("shipTo");
        JsonFields address = shipTo == null ? null : shipTo.optObject("contactAddress");
        if (address == null) return;
        e.shipCountry = address.optNonBlank("countryCode");
        e.shipRegion = address.optNonBlank("stateOrProvince");
        e.shipPostcode = address.optNonBlank("postalCode");
        e.shipAddressHash = hashes.shipAddress(e.shipCountry, e.shipPostcode, address.optNonBlank("addressLine1"));
    }

    /** eBay gives the line's total cost; the unit price is that divided by the quantity. */
    private OrderLine line(JsonFields item) throws InvalidRecordException {
        String sku = checks.sku(item, "sku");
        long quantity = checks.quantity(item, "quantity");
        JsonFields cost = item.optObject("lineItemCost");
        return new OrderLine(
                sku, quantity, cost == null ? null : Money.perUnit(checks.optMoney(cost, "value"), quantity));
    }

    /** Ship-by is the earliest line's shipByDate; deliver-by falls back to the latest line estimate. */
    private static void lineDates(JsonFields order, OrderEvent e) throws InvalidRecordException {
        Long latestDelivery = null;
        for (JsonFields item : order.optArray("lineItems")) {
            JsonFields instructions = item.optObject("lineItemFulfillmentInstructions");
            if (instructions == null) continue;
            Long shipBy = instructions.optTime("shipByDate");
            if (shipBy != null && (e.shipBy == null || shipBy < e.shipBy)) e.shipBy = shipBy;
            Long delivery = instructions.optTime("maxEstimatedDeliveryDate");
            if (delivery != null && (latestDelivery == null || delivery > latestDelivery)) latestDelivery = delivery;
        }
        if (e.deliverBy == null) e.deliverBy = latestDelivery;
    }
}

package io.stockflow.ingest;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.util.List;

/**
 * Amazon SP-API: {@code ORDER_CHANGE} notifications (their order items carry no prices), refunds as the Finances API
 * lists them ({@code REFUND_EVENT}) and rows of the FBA customer returns report ({@code FBA_CUSTOMER_RETURN}).
 */
final class AmazonMapper implements MarketplaceMapper {
    static final String ORDER_CHANGE = "ORDER_CHANGE";
    static final String REFUND_EVENT = "REFUND_EVENT";
    static final String FBA_CUSTOMER_RETURN = "FBA_CUSTOMER_RETURN";

    private final LimitChecks checks;

    AmazonMapper(LimitChecks checks) {
        this.checks = checks;
    }

    @Override
    public String source() {
        return "amazon";
    }

    @Override
    public List<String> kinds() {
        return List.of(ORDER_CHANGE, REFUND_EVENT, FBA_CUSTOMER_RETURN);
    }

    @Override
    public OrderEvent map(String kind, JsonFields payload) throws InvalidRecordException {
        switch (kind) {
            case REFUND_EVENT:
                return AmazonReturns.refund(checks, payload);
            case FBA_CUSTOMER_RETURN:
                return AmazonReturns.fbaReturn(checks, payload);
            default:
                return orderChange(payload);
        }
    }

    /** Amazon's order notifications carry no buyer contact; it is fetched with a restricted-data token (not done). */
    @Override
    public OrderContact contact(String kind, JsonFields payload) {
        return null;
    }

    private OrderEvent orderChange(JsonFields notification) throws InvalidRecordException {
        JsonFields change = notification.object("Payload").object("OrderChangeNotification");
        JsonFields summary = change.object("Summary");
        OrderEvent e = new OrderEvent();
        e.marketplaceOrderId = checks.id(change, "AmazonOrderId");
        e.status = summary.text("OrderStatus");
        e.type = type(summary, e.status);
        e.eventTime = eventTime(notification, change);
        e.shipCountry = AmazonMarketplaces.country(summary.text("MarketplaceId"));
        e.shipPostcode = summary.optNonBlank("DestinationPostalCode");
        e.serviceLevel = ServiceLevels.normalize(summary.optText("ShipServiceLevel"));
        e.shipBy = summary.optTime("LatestShipDate");
        e.deliverBy = summary.optTime("LatestDeliveryDate");
        e.fulfilledBy = fulfilledBy(summary);
        e.lines = checks.orderLines(
                summary,
                "OrderItems",
                e.type,
                item -> new OrderLine(checks.sku(item, "SellerSKU"), checks.quantity(item, "Quantity"), null));
        return e;
    }

    private static OrderEventType type(JsonFields summary, String status) throws InvalidRecordException {
        switch (status) {
            case "Pending":
            case "Unshipped":
                return OrderEventType.PLACED;
            case "PartiallyShipped":
                return OrderEventType.UPDATED;
            case "Shipped":
                return OrderEventType.SHIPPED;
            case "Canceled":
                return OrderEventType.CANCELLED;
            default:
                throw summary.invalid(
                        "OrderStatus", "must be one of Pending, Unshipped, PartiallyShipped, Shipped, Canceled");
        }
    }

    /**
     * AFN (Amazon fulfils from its own warehouses, FBA) or MFN (the seller ships): {@code FulfillmentType} in the
     * notification, {@code FulfillmentChannel} in the Orders API's order; neither means the seller ships.
     */
    private static String fulfilledBy(JsonFields summary) throws InvalidRecordException {
        String field = summary.has("FulfillmentType") ? "FulfillmentType" : "FulfillmentChannel";
        String channel = summary.optNonBlank(field);
        if (channel == null || channel.equals("MFN")) return null;
        if (channel.equals("AFN")) return OrderEvent.MARKETPLACE;
        throw summary.invalid(field, "must be one of AFN, MFN");
    }

    /** When the order changed; the notification's own EventTime only when the trigger does not say. */
    private static long eventTime(JsonFields notification, JsonFields change) throws InvalidRecordException {
        JsonFields trigger = change.optObject("OrderChangeTrigger");
        Long changedAt = trigger == null ? null : trigger.optTime("TimeOfOrderChange");
        if (changedAt != null) return changedAt;
        if (!notification.has("EventTime")) {
            throw new InvalidRecordException("missing field '" + change.pathOf("OrderChangeTrigger.TimeOfOrderChange")
                    + "' (and no '" + notification.pathOf("EventTime") + "')");
        }
        return notification.time("EventTime");
    }
}

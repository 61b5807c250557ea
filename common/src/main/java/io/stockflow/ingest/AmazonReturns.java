package io.stockflow.ingest;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.util.List;

/**
 * Amazon's refunds and returns. A refund ({@code ShipmentEvent} of the Finances API's {@code RefundEventList}) is money
 * only: it says nothing of the units, so its lines do not restock. A row of the FBA customer returns report
 * ({@code GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA}, its columns as fields) is a unit back in Amazon's warehouse: it
 * restocks when Amazon found it sellable, and the order is one Amazon fulfils.
 */
final class AmazonReturns {
    /** The report's {@code detailed-disposition} words; only a sellable unit goes back to stock. */
    private static final List<String> DISPOSITIONS = List.of(
            "SELLABLE",
            "DAMAGED",
            "CUSTOMER_DAMAGED",
            "DEFECTIVE",
            "CARRIER_DAMAGED",
            "DISTRIBUTOR_DAMAGED",
            "EXPIRED");

    private AmazonReturns() {}

    static OrderEvent refund(LimitChecks checks, JsonFields event) throws InvalidRecordException {
        OrderEvent e = new OrderEvent();
        e.marketplaceOrderId = checks.id(event, "AmazonOrderId");
        e.type = OrderEventType.REFUNDED;
        e.status = "Refunded";
        e.eventTime = event.time("PostedDate");
        e.lines = checks.orderLines(
                event,
                "ShipmentItemAdjustmentList",
                e.type,
                item -> OrderLine.refund(
                        checks.sku(item, "SellerSKU"), checks.quantity(item, "QuantityShipped"), false, null));
        for (JsonFields item : event.optArray("ShipmentItemAdjustmentList")) {
            for (JsonFields charge : item.optArray("ItemChargeAdjustmentList")) {
                JsonFields amount = charge.optObject("ChargeAmount");
                if (amount != null && e.currency == null) e.currency = checks.optCurrency(amount, "CurrencyCode");
            }
        }
        return e;
    }

    static OrderEvent fbaReturn(LimitChecks checks, JsonFields row) throws InvalidRecordException {
        OrderEvent e = new OrderEvent();
        e.marketplaceOrderId = checks.id(row, "order-id");
        e.type = OrderEventType.REFUNDED;
        e.fulfilledBy = OrderEvent.MARKETPLACE;
        e.eventTime = row.time("return-date");
        String status = row.optNonBlank("status");
        e.status = status != null ? status : "Returned";
        String disposition = row.text("detailed-disposition");
        if (!DISPOSITIONS.contains(disposition)) {
            throw row.invalid("detailed-disposition", "must be one of " + String.join(", ", DISPOSITIONS));
        }
        OrderLine line = OrderLine.refund(
                checks.sku(row, "sku"), checks.quantity(row, "quantity"), disposition.equals("SELLABLE"), null);
        e.lines = List.of(line);
        return e;
    }
}

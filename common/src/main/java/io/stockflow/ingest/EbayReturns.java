package io.stockflow.ingest;

import io.stockflow.json.InvalidRecordException;
import io.stockflow.json.JsonFields;
import io.stockflow.model.MarketplaceLine;
import io.stockflow.model.OrderEvent;
import io.stockflow.model.OrderEventType;
import io.stockflow.model.OrderLine;
import java.util.List;
import java.util.Set;

/**
 * eBay Post-Order API returns, as {@code GET /post-order/v2/return/search} lists them (the return's summary), with the
 * seller's own receipt of the item added ({@code itemReceipt}: when it came back and whether it can be sold again; the
 * API's {@code mark_as_received} takes only comments). A return names the order and the line (listing and transaction,
 * {@code itemId}-{@code transactionId}) but no SKU: it is read here as a REFUNDED event of one marketplace line, whose
 * SKU the ingest takes from the order's own line. Only a received, restockable item restocks; a return the seller
 * refunded without the item moves money only. A return in any other state moves nothing yet and is refused.
 */
final class EbayReturns {
    static final String RETURN = "return";

    /** ReturnStateEnum values in which the buyer's money went back (or is on its way) without the item. */
    static final Set<String> REFUNDED_STATES = Set.of(
            "AUTO_REFUND_INITIATED",
            "LESS_THAN_A_FULL_REFUND_ISSUED",
            "PARTIAL_REFUND_AS_PAYOUT_INITIATED",
            "PARTIAL_REFUND_INITIATED",
            "PARTIAL_REFUND_NON_PAYPAL_INITIATED",
            "REFUND_AS_PAYOUT_INITIATED",
            "REFUND_INITIATED",
            "REFUND_SENT_PENDING_CONFIRMATION");

    private EbayReturns() {}

    static OrderEvent map(LimitChecks checks, JsonFields r) throws InvalidRecordException {
        OrderEvent e = new OrderEvent();
        e.returnId = checks.id(r, "returnId");
        e.marketplaceOrderId = checks.id(r, "orderId");
        e.type = OrderEventType.REFUNDED;
        String state = r.optNonBlank("state");
        if (state == null) throw r.missing("state");
        e.status = state;
        JsonFields creation = r.object("creationInfo");
        JsonFields item = creation.object("item");
        String ref = lineRef(checks.id(item, "itemId"), checks.id(item, "transactionId"));
        long quantity = checks.quantity(item, "returnQuantity");
        JsonFields receipt = r.optObject("itemReceipt");
        boolean restock = false;
        if (receipt != null) {
            e.eventTime = receipt.object("receivedDate").time("value");
            restock = receipt.bool("restockable");
        } else if (REFUNDED_STATES.contains(state)) {
            e.eventTime = creation.object("creationDate").time("value");
        } else {
            throw new InvalidRecordException("return " + e.returnId + " in state '" + state
                    + "' has neither come back to the seller (no 'payload.itemReceipt') nor been refunded: it moves"
                    + " nothing yet");
        }
        e.currency = currency(checks, r);
        e.marketplaceLines = List.of(new MarketplaceLine(ref, null, quantity));
        // The SKU is the order line's: the ingest fills it in before the event goes anywhere.
        e.lines = List.of(OrderLine.refund(null, quantity, restock, null));
        return e;
    }

    /** eBay's own name of an order line: {@code <itemId>-<transactionId>} (the Trading API's OrderLineItemID). */
    static String lineRef(String itemId, String transactionId) {
        return itemId + "-" + transactionId;
    }

    /** The refund's currency: the amount paid back when there is one, else the estimate. */
    private static String currency(LimitChecks checks, JsonFields r) throws InvalidRecordException {
        JsonFields total = r.optObject("sellerTotalRefund");
        if (total == null) return null;
        for (String amount : List.of("actualRefundAmount", "estimatedRefundAmount")) {
            JsonFields money = total.optObject(amount);
            String currency = money == null ? null : checks.optCurrency(money, "currency");
            if (currency != null) return currency;
        }
        return null;
    }
}

package io.stockflow.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * eBay Fulfillment API orders, as a {@code getOrders} poll returns them: the order when it appears and again when
 * it is cancelled ({@code cancelStatus.cancelState: CANCELED}). Times are UTC with milliseconds; amounts are
 * {@code {value, currency}} with string values; a line's {@code lineItemCost} is its whole cost, not the unit price.
 */
final class EbayPayloads extends Marketplace {
    private static final long ORDER_SPACE = 1_000_000_000_000L;
    private static final long ORDER_MULTIPLIER = 613_651_349_027L;
    private static final long POLL_MILLIS = 120_000;
    /** Post-Order return reasons, with their reason type. */
    private static final List<String[]> RETURN_REASONS = List.of(
            new String[] {"NO_LONGER_NEED_ITEM", "REMORSE"},
            new String[] {"ORDERED_ACCIDENTALLY", "REMORSE"},
            new String[] {"WRONG_SIZE", "REMORSE"},
            new String[] {"DEFECTIVE_ITEM", "SNAD"},
            new String[] {"NOT_AS_DESCRIBED", "SNAD"},
            new String[] {"ARRIVED_DAMAGED", "SNAD"});

    private static final long HOUR_MILLIS = 3_600_000L;
    private static final long DAY_MILLIS = 24 * HOUR_MILLIS;

    private final long orderOffset;
    private long orders;
    private long nextLineId;

    EbayPayloads(SplittableRandom r) {
        orderOffset = r.nextLong(ORDER_SPACE);
        nextLineId = 10_052_000_000_000L + r.nextLong(1_000_000_000L);
    }

    @Override
    String source() {
        return "ebay";
    }

    @Override
    void assignIds(SimOrder o, SplittableRandom r) {
        String d = Formats.digits(Formats.scramble(orders++, ORDER_SPACE, ORDER_MULTIPLIER, orderOffset), 12);
        o.marketplaceId = d.substring(0, 2) + "-" + d.substring(2, 7) + "-" + d.substring(7);
        o.token = People.ascii(o.customer.firstName).charAt(0)
                + People.ascii(o.customer.lastName)
                + (o.customer.number % 97 + 10);
        o.displayNumber = 1_000 + orders;
        for (SimOrder.Line line : o.lines) {
            nextLineId += 1 + r.nextInt(90_000);
            line.itemId = nextLineId;
        }
    }

    /** The order is touched once more when the payment settles, a few seconds after its creation. */
    @Override
    long createdDelay(SplittableRandom r) {
        return 1_000 + r.nextInt(5_000);
    }

    /** stockflow polls getOrders every two minutes: the change waits for the next poll. */
    @Override
    long latency(long eventAt, SplittableRandom r) {
        long nextPoll = (Math.floorDiv(eventAt, POLL_MILLIS) + 1) * POLL_MILLIS;
        return nextPoll - eventAt + 300 + r.nextInt(2_500);
    }

    @Override
    String createdKind() {
        return "order";
    }

    @Override
    ObjectNode created(SimOrder o) {
        return order(o, false);
    }

    @Override
    String cancelledKind() {
        return "order";
    }

    @Override
    ObjectNode cancelled(SimOrder o) {
        return order(o, true);
    }

    @Override
    boolean refunds() {
        return true;
    }

    /** eBay refunds what shipped: a return, or money back for an item the buyer keeps. */
    @Override
    boolean refunds(SimOrder o) {
        return o.shipped();
    }

    @Override
    String refundKind(SimOrder o) {
        return "order";
    }

    /** The order as the next poll reads it after the refund: fulfilled, its refunded line items with their refunds. */
    @Override
    ObjectNode refunded(SimOrder o) {
        ObjectNode n = order(o, false);
        boolean whole = o.refundLines.size() == o.lines.size();
        for (SimOrder.RefundLine r : o.refundLines) whole &= r.quantity == r.line.quantity;
        n.put("lastModifiedDate", Formats.utcMillis(o.refundAt));
        n.put("orderFulfillmentStatus", "FULFILLED");
        n.put("orderPaymentStatus", whole ? "FULLY_REFUNDED" : "PARTIALLY_REFUNDED");
        String refundId = Long.toString(5_020_000_000L + o.random.nextLong(1_000_000_000L));
        String reference = Formats.upperAlnum(o.random, 17);
        ObjectNode refund = Formats.object();
        refund.put("refundId", refundId);
        refund.put("refundDate", Formats.utcMillis(o.refundAt));
        refund.set("amount", amount(o.refundCents(), o.currency));
        refund.put("refundStatus", "REFUNDED");
        refund.put("refundReferenceId", reference);
        ((ObjectNode) n.get("paymentSummary")).putArray("refunds").add(refund);
        for (JsonNode item : n.get("lineItems")) {
            ObjectNode line = (ObjectNode) item;
            line.put("lineItemFulfillmentStatus", "FULFILLED");
            ArrayNode refunds = line.putArray("refunds");
            for (SimOrder.RefundLine r : o.refundLines) {
                if (!r.line.sku.equals(line.get("sku").asText())) continue;
                ObjectNode lineRefund = refunds.addObject();
                lineRefund.put("refundId", refundId);
                lineRefund.put("refundDate", Formats.utcMillis(o.refundAt));
                lineRefund.set("amount", amount(r.line.unitCents * r.quantity, o.currency));
                lineRefund.put("refundReferenceId", reference);
            }
        }
        return n;
    }

    /** A returned item is reported by eBay's Post-Order return, which the seller marks received: it restocks. */
    @Override
    boolean reportsReturns() {
        return true;
    }

    @Override
    String returnKind() {
        return "return";
    }

    /**
     * The return of one line as {@code GET /post-order/v2/return/search} lists it once the seller has the item back:
     * state {@code ITEM_DELIVERED}, the line named by listing ({@code itemId}) and transaction (the Fulfillment API's
     * {@code lineItemId}), and the seller's receipt: when, and whether the item can be sold again.
     */
    @Override
    ObjectNode returned(SimOrder o, SimOrder.RefundLine line) {
        String[] reason = RETURN_REASONS.get(o.random.nextInt(RETURN_REASONS.size()));
        long opened = Math.max(o.shipAt + HOUR_MILLIS, o.returnAt - 2 * DAY_MILLIS - o.random.nextInt(86_400_000));
        ObjectNode n = Formats.object();
        n.put("returnId", Long.toString(5_300_000_000L + o.random.nextLong(1_000_000_000L)));
        n.put("orderId", o.marketplaceId);
        n.put("buyerLoginName", o.token);
        n.put("sellerLoginName", "stockflow_demo_store");
        n.put("currentType", "MONEY_BACK");
        n.put("state", "ITEM_DELIVERED");
        n.put("status", "ITEM_DELIVERED");
        ObjectNode creation = n.putObject("creationInfo");
        ObjectNode item = creation.putObject("item");
        item.put("itemId", legacyItemId(line.line));
        item.put("transactionId", Long.toString(line.line.itemId));
        item.put("returnQuantity", line.quantity);
        creation.put("type", "MONEY_BACK");
        creation.put("reason", reason[0]);
        creation.put("reasonType", reason[1]);
        creation.putObject("creationDate").put("value", Formats.utcMillis(opened));
        n.putObject("sellerTotalRefund")
                .set("estimatedRefundAmount", postOrderAmount(line.line.unitCents * line.quantity, o.currency));
        n.putObject("buyerTotalRefund")
                .set("estimatedRefundAmount", postOrderAmount(line.line.unitCents * line.quantity, o.currency));
        ObjectNode due = n.putObject("sellerResponseDue");
        due.put("activityDue", "SELLER_ISSUE_REFUND");
        due.putObject("respondByDate").put("value", Formats.utcMillis(o.returnAt + 2 * DAY_MILLIS));
        ObjectNode receipt = n.putObject("itemReceipt");
        receipt.putObject("receivedDate").put("value", Formats.utcMillis(o.returnAt));
        receipt.put("restockable", o.returnRestockable);
        return n;
    }

    @Override
    String unknownKind(SplittableRandom r) {
        return r.nextBoolean() ? "ITEM_SOLD" : "inquiry";
    }

    @Override
    ArrayNode lineArray(ObjectNode payload) {
        return (ArrayNode) payload.get("lineItems");
    }

    static String site(String country) {
        return "EBAY_" + country;
    }

    private ObjectNode order(SimOrder o, boolean cancelled) {
        String currency = o.currency;
        ObjectNode n = Formats.object();
        n.put("orderId", o.marketplaceId);
        n.put("legacyOrderId", o.marketplaceId);
        n.put("creationDate", Formats.utcMillis(o.placedAt));
        n.put("lastModifiedDate", Formats.utcMillis(cancelled ? o.cancelAt : o.createdAt));
        n.put("orderFulfillmentStatus", "NOT_STARTED");
        n.put("orderPaymentStatus", cancelled ? "FULLY_REFUNDED" : "PAID");
        n.put("sellerId", "stockflow_demo_store");
        ObjectNode buyer = n.putObject("buyer");
        buyer.put("username", o.token);
        ObjectNode tax = buyer.putObject("taxAddress");
        if (o.customer.address.region != null) tax.put("stateOrProvince", o.customer.address.region);
        tax.put("postalCode", o.customer.address.postcode);
        tax.put("countryCode", o.country());
        ObjectNode registration = buyer.putObject("buyerRegistrationAddress");
        registration.put("fullName", o.customer.fullName());
        registration.set("contactAddress", contactAddress(o));
        registration.putObject("primaryPhone").put("phoneNumber", o.customer.phone);
        registration.put("email", o.customer.email);
        ObjectNode pricing = n.putObject("pricingSummary");
        pricing.set("priceSubtotal", amount(o.subtotalCents(), currency));
        pricing.set("deliveryCost", amount(o.shippingCents, currency));
        pricing.set("total", amount(o.totalCents(), currency));
        ObjectNode cancel = n.putObject("cancelStatus");
        ArrayNode requests = Formats.array();
        if (cancelled) {
            cancel.put("cancelState", "CANCELED");
            ObjectNode request = requests.addObject();
            request.put("cancelCompletedDate", Formats.utcMillis(o.cancelAt));
            request.put("cancelInitiator", "BUYER");
            request.put("cancelReason", "BUYER_ASKED_CANCEL");
            request.put("cancelRequestedDate", Formats.utcMillis(o.cancelAt - 60_000 - o.random.nextInt(600_000)));
            request.put("cancelRequestId", Long.toString(5_000_000_000L + o.random.nextLong(1_000_000_000L)));
            request.put("cancelRequestState", "COMPLETED");
        } else {
            cancel.put("cancelState", "NONE_REQUESTED");
        }
        cancel.set("cancelRequests", requests);
        ObjectNode payment = n.putObject("paymentSummary");
        payment.set("totalDueSeller", amount(o.totalCents(), currency));
        ObjectNode paid = payment.putArray("payments").addObject();
        paid.put("paymentMethod", "EBAY");
        paid.put("paymentReferenceId", Formats.upperAlnum(o.random, 12));
        paid.put("paymentDate", Formats.utcMillis(o.placedAt));
        paid.set("amount", amount(o.totalCents(), currency));
        paid.put("paymentStatus", "PAID");
        ObjectNode instruction = n.putArray("fulfillmentStartInstructions").addObject();
        instruction.put("fulfillmentInstructionsType", "SHIP_TO");
        instruction.put("minEstimatedDeliveryDate", Formats.utcMillis(o.deliverFrom));
        instruction.put("maxEstimatedDeliveryDate", Formats.utcMillis(o.deliverBy));
        instruction.put("ebaySupportedFulfillment", false);
        ObjectNode step = instruction.putObject("shippingStep");
        ObjectNode shipTo = step.putObject("shipTo");
        shipTo.put("fullName", o.customer.fullName());
        shipTo.set("contactAddress", contactAddress(o));
        shipTo.putObject("primaryPhone").put("phoneNumber", o.customer.phone);
        shipTo.put("email", o.customer.email);
        step.put("shippingCarrierCode", carrier(o));
        step.put("shippingServiceCode", service(o.country(), o.level));
        n.putArray("fulfillmentHrefs");
        ArrayNode items = n.putArray("lineItems");
        for (SimOrder.Line line : o.lines) {
            ObjectNode item = items.addObject();
            item.put("lineItemId", Long.toString(line.itemId));
            item.put("legacyItemId", legacyItemId(line));
            item.put("sku", line.sku);
            item.put("title", line.title + ", " + line.variant);
            item.set("lineItemCost", amount(line.totalCents(), currency));
            item.put("quantity", line.quantity);
            item.put("soldFormat", "FIXED_PRICE");
            item.put("listingMarketplaceId", site(o.country()));
            item.put("purchaseMarketplaceId", site(o.country()));
            item.put("lineItemFulfillmentStatus", "NOT_STARTED");
            item.set("total", amount(line.totalCents(), currency));
            item.putObject("deliveryCost").set("shippingCost", amount(0, currency));
            item.putArray("appliedPromotions");
            item.putArray("taxes");
            item.putObject("properties").put("buyerProtection", true);
            ObjectNode when = item.putObject("lineItemFulfillmentInstructions");
            when.put("minEstimatedDeliveryDate", Formats.utcMillis(o.deliverFrom));
            when.put("maxEstimatedDeliveryDate", Formats.utcMillis(o.deliverBy));
            when.put("shipByDate", Formats.utcMillis(o.shipBy));
            when.put("guaranteedDelivery", false);
        }
        n.put("salesRecordReference", Long.toString(o.displayNumber));
        return n;
    }

    /** The listing of the line's SKU: one listing per SKU. */
    private static String legacyItemId(SimOrder.Line line) {
        return Long.toString(266_000_000_000L + line.skuIndex * 7_919L);
    }

    /** The Post-Order API's amounts: the value a JSON number. */
    private static ObjectNode postOrderAmount(long cents, String currency) {
        ObjectNode n = Formats.object();
        n.put("value", BigDecimal.valueOf(cents, 2));
        n.put("currency", currency);
        return n;
    }

    private static ObjectNode contactAddress(SimOrder o) {
        People.Address a = o.customer.address;
        ObjectNode n = Formats.object();
        n.put("addressLine1", a.street);
        n.put("city", a.city);
        if (a.region != null) n.put("stateOrProvince", a.region);
        n.put("postalCode", a.postcode);
        n.put("countryCode", a.country);
        return n;
    }

    private static ObjectNode amount(long cents, String currency) {
        ObjectNode n = Formats.object();
        n.put("value", Formats.money(cents));
        n.put("currency", currency);
        return n;
    }

    private static String carrier(SimOrder o) {
        switch (o.country()) {
            case "US":
                return o.level == SimOrder.Level.STANDARD ? "USPS" : "UPS";
            case "CA":
                return "CANADA_POST";
            case "GB":
                return "ROYAL_MAIL";
            case "DE":
                return "DHL";
            default:
                return "COLISSIMO";
        }
    }

    /** eBay's shipping service codes of each site. */
    static String service(String country, SimOrder.Level level) {
        switch (country) {
            case "US":
                return level == SimOrder.Level.PRIORITY
                        ? "UPSNextDay"
                        : level == SimOrder.Level.EXPEDITED ? "UPS2ndDay" : "USPSGroundAdvantage";
            case "CA":
                return level == SimOrder.Level.PRIORITY
                        ? "CA_PostPriorityCourier"
                        : level == SimOrder.Level.EXPEDITED ? "CA_PostExpeditedParcel" : "CA_PostRegularParcel";
            case "GB":
                return level == SimOrder.Level.PRIORITY
                        ? "UK_RoyalMailSpecialDeliveryNextDay"
                        : level == SimOrder.Level.EXPEDITED
                                ? "UK_RoyalMailFirstClassStandard"
                                : "UK_RoyalMailSecondClassStandard";
            case "DE":
                return level == SimOrder.Level.STANDARD ? "DE_DHLPaket" : "DE_DHLExpress";
            default:
                return level == SimOrder.Level.STANDARD ? "FR_ColiposteColissimo" : "FR_Chronopost";
        }
    }
}

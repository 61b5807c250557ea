package io.stockflow.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;

/**
 * Amazon SP-API {@code ORDER_CHANGE} notifications, as they come off the SQS queue: one when the order becomes
 * {@code Unshipped} (payment confirmed), one when it is {@code Canceled}, and for an order Amazon fulfils itself
 * (FBA, {@code AFN}) one when Amazon has {@code Shipped} it. Times are UTC with {@code Z}; the notification carries no
 * prices. Refunds as the Finances API lists them ({@code REFUND_EVENT}); an FBA order's return as a row of the FBA
 * customer returns report ({@code FBA_CUSTOMER_RETURN}).
 */
final class AmazonPayloads extends Marketplace {
    static final String SELLER_ID = "A2STKFLW0DEMO7";
    private static final String APPLICATION_ID = "amzn1.sp.solution.6c1f3e2a-5b7d-4e9f-8a10-2d3c4b5a6f70";
    private static final String SUBSCRIPTION_ID = "9e2b1c4d-3f5a-4b6c-8d7e-0a1b2c3d4e5f";
    /** 10^14, and a multiplier coprime to it: the 14 digits after the prefix of an order id. */
    private static final long ORDER_SPACE = 100_000_000_000_000L;

    private static final long ORDER_MULTIPLIER = 48_271_093_517_263L;
    private static final long ITEM_MULTIPLIER = 69_621_344_707_109L;

    private final long orderOffset;
    private final long itemOffset;
    private long orders;
    private long items;

    AmazonPayloads(SplittableRandom r) {
        orderOffset = r.nextLong(ORDER_SPACE);
        itemOffset = r.nextLong(ORDER_SPACE);
    }

    @Override
    String source() {
        return "amazon";
    }

    static String marketplaceId(String country) {
        switch (country) {
            case "US":
                return "ATVPDKIKX0DER";
            case "CA":
                return "A2EUQ1WTGCTBG2";
            case "GB":
                return "A1F83G8C2ARO7P";
            case "DE":
                return "A1PA6795UKMFR9";
            case "FR":
                return "A13V1IB3VIYZZH";
            default:
                throw new IllegalArgumentException(country);
        }
    }

    /** Order id prefixes seen per marketplace (US 1xx, Europe 2xx to 4xx, Canada 7xx). */
    private static String[] prefixes(String country) {
        switch (country) {
            case "US":
                return new String[] {"111", "112", "113", "114"};
            case "CA":
                return new String[] {"701", "702"};
            case "GB":
                return new String[] {"202", "203", "204", "026"};
            case "DE":
                return new String[] {"302", "303", "304", "028"};
            default:
                return new String[] {"402", "403", "404", "171"};
        }
    }

    @Override
    void assignIds(SimOrder o, SplittableRandom r) {
        String digits = Formats.digits(Formats.scramble(orders++, ORDER_SPACE, ORDER_MULTIPLIER, orderOffset), 14);
        o.marketplaceId =
                Formats.pick(r, prefixes(o.country())) + "-" + digits.substring(0, 7) + "-" + digits.substring(7);
        for (SimOrder.Line line : o.lines) {
            line.itemId = Formats.scramble(items++, ORDER_SPACE, ITEM_MULTIPLIER, itemOffset);
        }
    }

    /** The order stays Pending until the payment clears: 20 seconds to a few minutes. */
    @Override
    long createdDelay(SplittableRandom r) {
        return 20_000 + Formats.exponential(r, 60_000);
    }

    /** Notification publishing plus the SQS poll: about 1 to 20 seconds. */
    @Override
    long latency(long eventAt, SplittableRandom r) {
        return 800 + Formats.exponential(r, 4_000);
    }

    @Override
    String createdKind() {
        return "ORDER_CHANGE";
    }

    @Override
    ObjectNode created(SimOrder o) {
        return notification(o, "Unshipped", o.createdAt, o.createdReceivedAt);
    }

    @Override
    String cancelledKind() {
        return "ORDER_CHANGE";
    }

    @Override
    ObjectNode cancelled(SimOrder o) {
        return notification(o, "Canceled", o.cancelAt, o.cancelReceivedAt);
    }

    @Override
    String shippedKind() {
        return "ORDER_CHANGE";
    }

    @Override
    ObjectNode shipped(SimOrder o) {
        return notification(o, "Shipped", o.shipAt, o.shipReceivedAt);
    }

    @Override
    boolean refunds() {
        return true;
    }

    /** Amazon refunds what shipped: a return, or money back for an item the buyer keeps. */
    @Override
    boolean refunds(SimOrder o) {
        return o.shipped();
    }

    @Override
    String refundKind(SimOrder o) {
        return fbaReturn(o) ? "FBA_CUSTOMER_RETURN" : "REFUND_EVENT";
    }

    @Override
    ObjectNode refunded(SimOrder o) {
        return fbaReturn(o) ? returnRow(o) : refundEvent(o);
    }

    /** A unit back at the seller's own warehouse: Amazon's refund does not say it restocks, the warehouse books it. */
    @Override
    boolean warehouseBooksReturn(SimOrder o) {
        return !o.byMarketplace && "return".equals(o.refundRestockType);
    }

    private static boolean fbaReturn(SimOrder o) {
        return o.byMarketplace && "return".equals(o.refundRestockType);
    }

    /** A {@code ShipmentEvent} of the Finances API's {@code RefundEventList}: charges back negative, per item. */
    private static ObjectNode refundEvent(SimOrder o) {
        ObjectNode n = Formats.object();
        n.put("AmazonOrderId", o.marketplaceId);
        n.put("SellerOrderId", o.marketplaceId);
        n.put("MarketplaceName", "Amazon." + domain(o.country()));
        n.put("PostedDate", Formats.utcSeconds(o.refundAt));
        ArrayNode items = n.putArray("ShipmentItemAdjustmentList");
        for (SimOrder.RefundLine r : o.refundLines) {
            ObjectNode item = items.addObject();
            item.put("SellerSKU", r.line.sku);
            item.put("OrderAdjustmentItemId", Formats.digits(r.line.itemId + 7, 14));
            item.put("QuantityShipped", r.quantity);
            ObjectNode charge = item.putArray("ItemChargeAdjustmentList").addObject();
            charge.put("ChargeType", "Principal");
            ObjectNode amount = charge.putObject("ChargeAmount");
            amount.put("CurrencyCode", o.currency);
            amount.put("CurrencyAmount", -Formats.moneyNumber(r.line.unitCents * r.quantity));
            item.putArray("ItemFeeAdjustmentList");
            item.putArray("PromotionAdjustmentList");
        }
        return n;
    }

    /** A row of {@code GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA}, its columns as fields; most units come back sellable. */
    private static ObjectNode returnRow(SimOrder o) {
        SimOrder.RefundLine r = o.refundLines.get(0);
        double u = o.random.nextDouble();
        String disposition = u < 0.8 ? "SELLABLE" : u < 0.9 ? "CUSTOMER_DAMAGED" : "DEFECTIVE";
        ObjectNode n = Formats.object();
        n.put("return-date", Formats.utcSeconds(o.refundAt));
        n.put("order-id", o.marketplaceId);
        n.put("sku", r.line.sku);
        n.put("asin", "B0" + Formats.upperAlnum(o.random, 8));
        n.put("fnsku", "X00" + Formats.upperAlnum(o.random, 7));
        n.put("product-name", r.line.title + ", " + r.line.variant);
        n.put("quantity", r.quantity);
        n.put("fulfillment-center-id", Formats.pick(o.random, new String[] {"LEJ1", "DTM2", "BHX4", "PHX6"}));
        n.put("detailed-disposition", disposition);
        n.put("reason", Formats.pick(o.random, new String[] {"UNWANTED_ITEM", "NOT_AS_DESCRIBED", "DEFECTIVE"}));
        n.put("status", disposition.equals("SELLABLE") ? "Unit returned to inventory" : "Reimbursed");
        n.put("license-plate-number", "LPNRR" + Formats.digits(o.random.nextLong(1_000_000_000L), 9));
        n.put("customer-comments", "");
        return n;
    }

    private static String domain(String country) {
        switch (country) {
            case "US":
                return "com";
            case "CA":
                return "ca";
            case "GB":
                return "co.uk";
            default:
                return country.toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    String unknownKind(SplittableRandom r) {
        return r.nextBoolean() ? "ORDER_STATUS_CHANGE" : "FBA_INVENTORY_AVAILABILITY_CHANGES";
    }

    @Override
    ArrayNode lineArray(ObjectNode payload) {
        return (ArrayNode) payload.get("Payload")
                .get("OrderChangeNotification")
                .get("Summary")
                .get("OrderItems");
    }

    @Override
    String skuField() {
        return "SellerSKU";
    }

    @Override
    String[] quantityFields() {
        return new String[] {"Quantity"};
    }

    private ObjectNode notification(SimOrder o, String status, long changedAt, long receivedAt) {
        boolean cancelled = status.equals("Canceled");
        boolean shipped = status.equals("Shipped");
        // Amazon publishes the notification between the change and its delivery.
        long published = changedAt + Math.max(0, (receivedAt - changedAt) / 3);
        ObjectNode n = Formats.object();
        n.put("NotificationVersion", "1.0");
        n.put("NotificationType", "ORDER_CHANGE");
        n.put("PayloadVersion", "1.0");
        n.put("EventTime", Formats.utcMillis(published));
        ObjectNode change = n.putObject("Payload").putObject("OrderChangeNotification");
        change.put("NotificationLevel", "OrderLevel");
        change.put("SellerId", SELLER_ID);
        change.put("AmazonOrderId", o.marketplaceId);
        change.put("OrderChangeType", "OrderStatusChange");
        ObjectNode trigger = change.putObject("OrderChangeTrigger");
        trigger.put("TimeOfOrderChange", Formats.utcMillis(changedAt));
        trigger.put("ChangeReason", cancelled ? "Order Canceled" : "Order Status Changed");
        ObjectNode summary = change.putObject("Summary");
        summary.put("MarketplaceId", marketplaceId(o.country()));
        summary.put("OrderStatus", status);
        summary.put("PurchaseDate", Formats.utcSeconds(o.placedAt));
        summary.put("DestinationPostalCode", o.customer.address.postcode);
        summary.put("FulfillmentType", o.byMarketplace ? "AFN" : "MFN");
        summary.put("OrderType", "StandardOrder");
        summary.put("NumberOfItemsShipped", shipped ? o.units() : 0);
        summary.put("NumberOfItemsUnshipped", cancelled || shipped ? 0 : o.units());
        summary.put("EarliestShipDate", Formats.utcSeconds(o.placedAt));
        summary.put("LatestShipDate", Formats.utcSeconds(o.shipBy));
        summary.put("EarliestDeliveryDate", Formats.utcSeconds(o.deliverFrom));
        summary.put("LatestDeliveryDate", Formats.utcSeconds(o.deliverBy));
        summary.put("ShipServiceLevel", serviceLevel(o.country(), o.level));
        summary.put("IsPrime", o.level == SimOrder.Level.PRIORITY);
        summary.put("IsBusinessOrder", false);
        summary.put("IsISPU", false);
        if (cancelled) summary.put("CancelNotifyDate", Formats.utcSeconds(changedAt));
        summary.putArray("OrderPrograms");
        summary.putArray("ShippingPrograms");
        ArrayNode items = summary.putArray("OrderItems");
        for (SimOrder.Line line : o.lines) {
            ObjectNode item = items.addObject();
            item.put("OrderItemId", Formats.digits(line.itemId, 14));
            item.put("SupplyChainType", "Standard");
            item.put("Quantity", line.quantity);
            item.put("SellerSKU", line.sku);
        }
        ObjectNode metadata = n.putObject("NotificationMetadata");
        metadata.put("ApplicationId", APPLICATION_ID);
        metadata.put("SubscriptionId", SUBSCRIPTION_ID);
        metadata.put("PublishTime", Formats.utcMillis(published));
        metadata.put("NotificationId", Formats.uuid(o.random));
        return n;
    }

    static String serviceLevel(String country, SimOrder.Level level) {
        switch (level) {
            case PRIORITY:
                return "NextDay";
            case EXPEDITED:
                return "Expedited";
            default:
                switch (country) {
                    case "US":
                        return "Std US D2D Dom";
                    case "CA":
                        return "Std CA D2D Dom";
                    case "GB":
                        return "Std UK Dom_1";
                    case "DE":
                        return "Std DE Dom_1";
                    default:
                        return "Std FR Dom_1";
                }
        }
    }
}

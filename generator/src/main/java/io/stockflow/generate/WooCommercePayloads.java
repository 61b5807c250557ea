package io.stockflow.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * WooCommerce webhooks {@code order.created} and {@code order.updated} (status {@code cancelled}): orders of the REST
 * API v3 from one store whose clock is in Berlin. {@code date_*} are the store's wall clock and {@code date_*_gmt}
 * UTC, both without a zone; totals are strings, a line's {@code price} is a JSON number.
 */
final class WooCommercePayloads extends Marketplace {
    static final ZoneId STORE_ZONE = ZoneId.of("Europe/Berlin");

    private long nextOrderId;
    private long nextLineId;

    WooCommercePayloads(SplittableRandom r) {
        nextOrderId = 10_400 + r.nextInt(2_000_000);
        nextLineId = 2 * nextOrderId;
    }

    @Override
    String source() {
        return "woocommerce";
    }

    /** Orders share WordPress's post ids with other content, so ids rise with small gaps. */
    @Override
    void assignIds(SimOrder o, SplittableRandom r) {
        nextOrderId += 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
        o.marketplaceId = Long.toString(nextOrderId);
        o.displayNumber = nextOrderId;
        o.token = "wc_order_" + Formats.lowerAlnum(r, 13);
        o.customerId = o.customer.number % 4 == 0 ? 0 : 100 + o.customer.number;
        for (SimOrder.Line line : o.lines) {
            nextLineId += 1 + r.nextInt(2);
            line.itemId = nextLineId;
        }
        o.shippingLineId = ++nextLineId;
    }

    @Override
    long latency(long eventAt, SplittableRandom r) {
        return 500 + Formats.exponential(r, 1_500);
    }

    @Override
    String createdKind() {
        return "order.created";
    }

    @Override
    ObjectNode created(SimOrder o) {
        return order(o, false);
    }

    @Override
    String cancelledKind() {
        return "order.updated";
    }

    @Override
    ObjectNode cancelled(SimOrder o) {
        return order(o, true);
    }

    @Override
    boolean refunds() {
        return true;
    }

    @Override
    String refundKind(SimOrder o) {
        return "refund.created";
    }

    /**
     * The refund as the REST API shows it (negative quantities and totals), with its order's id and whether the shop
     * put the items back in stock: a return and a refund of units not yet shipped do, money back alone does not.
     */
    @Override
    ObjectNode refunded(SimOrder o) {
        ObjectNode n = Formats.object();
        n.put("id", Long.parseLong(o.marketplaceId) + 1 + o.random.nextInt(40));
        n.put("order_id", Long.parseLong(o.marketplaceId));
        n.put("date_created", Formats.localSeconds(o.refundAt, STORE_ZONE));
        n.put("date_created_gmt", Formats.localSeconds(o.refundAt, ZoneOffset.UTC));
        n.put("amount", Formats.money(o.refundCents()));
        n.put("reason", o.refundRestockType.equals("cancel") ? "Item no longer wanted" : "Returned by the customer");
        n.put("refunded_by", 1);
        n.put("refunded_payment", true);
        n.put("restock_items", !o.refundRestockType.equals("no_restock"));
        n.putArray("meta_data");
        ArrayNode items = n.putArray("line_items");
        for (SimOrder.RefundLine r : o.refundLines) {
            ObjectNode item = items.addObject();
            item.put("id", r.line.itemId + 1_000);
            item.put("name", r.line.title + " - " + r.line.variant);
            item.put("product_id", 200 + r.line.skuIndex * 3);
            item.put("variation_id", 0);
            item.put("quantity", -r.quantity);
            item.put("tax_class", "");
            item.put("subtotal", "-" + Formats.money(r.line.unitCents * r.quantity));
            item.put("subtotal_tax", "0.00");
            item.put("total", "-" + Formats.money(r.line.unitCents * r.quantity));
            item.put("total_tax", "0.00");
            item.putArray("taxes");
            ObjectNode refunded = item.putArray("meta_data").addObject();
            refunded.put("key", "_refunded_item_id");
            refunded.put("value", Long.toString(r.line.itemId));
            item.put("sku", r.line.sku);
            item.put("price", -Formats.moneyNumber(r.line.unitCents));
        }
        n.putArray("shipping_lines");
        n.putArray("tax_lines");
        n.putArray("fee_lines");
        return n;
    }

    @Override
    String unknownKind(SplittableRandom r) {
        return r.nextBoolean() ? "order.deleted" : "product.updated";
    }

    @Override
    ArrayNode lineArray(ObjectNode payload) {
        return (ArrayNode) payload.get("line_items");
    }

    private ObjectNode order(SimOrder o, boolean cancelled) {
        long modified = cancelled ? o.cancelAt : o.placedAt + 1_000;
        People.Customer c = o.customer;
        People.Address a = c.address;
        ObjectNode n = Formats.object();
        n.put("id", Long.parseLong(o.marketplaceId));
        n.put("parent_id", 0);
        n.put("status", cancelled ? "cancelled" : "processing");
        n.put("currency", o.currency);
        n.put("version", "9.4.2");
        n.put("prices_include_tax", false);
        n.put("date_created", Formats.localSeconds(o.placedAt, STORE_ZONE));
        n.put("date_modified", Formats.localSeconds(modified, STORE_ZONE));
        n.put("discount_total", "0.00");
        n.put("discount_tax", "0.00");
        n.put("shipping_total", Formats.money(o.shippingCents));
        n.put("shipping_tax", "0.00");
        n.put("cart_tax", "0.00");
        n.put("total", Formats.money(o.totalCents()));
        n.put("total_tax", "0.00");
        n.put("customer_id", o.customerId);
        n.put("order_key", o.token);
        ObjectNode billing = n.putObject("billing");
        billing.put("first_name", c.firstName);
        billing.put("last_name", c.lastName);
        billing.put("company", "");
        billing.put("address_1", a.street);
        billing.put("address_2", "");
        billing.put("city", a.city);
        billing.put("state", a.region == null ? "" : a.region);
        billing.put("postcode", a.postcode);
        billing.put("country", a.country);
        billing.put("email", c.email);
        billing.put("phone", c.phone);
        ObjectNode shipping = n.putObject("shipping");
        shipping.put("first_name", c.firstName);
        shipping.put("last_name", c.lastName);
        shipping.put("company", "");
        shipping.put("address_1", a.street);
        shipping.put("address_2", "");
        shipping.put("city", a.city);
        shipping.put("state", a.region == null ? "" : a.region);
        shipping.put("postcode", a.postcode);
        shipping.put("country", a.country);
        shipping.put("phone", "");
        n.put("payment_method", "stripe");
        n.put("payment_method_title", "Credit Card (Stripe)");
        n.put("transaction_id", "pi_3" + o.token.substring(9) + "Xq");
        n.put("customer_ip_address", "203.0.113." + (1 + c.number % 254));
        n.put("customer_user_agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15");
        n.put("created_via", "checkout");
        n.put("customer_note", "");
        n.putNull("date_completed");
        n.put("date_paid", Formats.localSeconds(o.placedAt, STORE_ZONE));
        n.put("cart_hash", Formats.fingerprint(o.marketplaceId, 32));
        n.put("number", o.marketplaceId);
        n.putArray("meta_data");
        ArrayNode items = n.putArray("line_items");
        for (SimOrder.Line line : o.lines) {
            ObjectNode item = items.addObject();
            item.put("id", line.itemId);
            item.put("name", line.title + " - " + line.variant);
            item.put("product_id", 200 + line.skuIndex * 3);
            item.put("variation_id", 0);
            item.put("quantity", line.quantity);
            item.put("tax_class", "");
            item.put("subtotal", Formats.money(line.totalCents()));
            item.put("subtotal_tax", "0.00");
            item.put("total", Formats.money(line.totalCents()));
            item.put("total_tax", "0.00");
            item.putArray("taxes");
            item.putArray("meta_data");
            item.put("sku", line.sku);
            item.put("price", Formats.moneyNumber(line.unitCents));
            item.putNull("parent_name");
        }
        n.putArray("tax_lines");
        ObjectNode ship = n.putArray("shipping_lines").addObject();
        ship.put("id", o.shippingLineId);
        String[] method = shippingMethod(o.level, o.shippingCents == 0);
        ship.put("method_title", method[0]);
        ship.put("method_id", method[1]);
        ship.put("instance_id", method[2]);
        ship.put("total", Formats.money(o.shippingCents));
        ship.put("total_tax", "0.00");
        ship.putArray("taxes");
        n.putArray("fee_lines");
        n.putArray("coupon_lines");
        n.putArray("refunds");
        n.put("date_created_gmt", Formats.localSeconds(o.placedAt, ZoneOffset.UTC));
        n.put("date_modified_gmt", Formats.localSeconds(modified, ZoneOffset.UTC));
        n.putNull("date_completed_gmt");
        n.put("date_paid_gmt", Formats.localSeconds(o.placedAt, ZoneOffset.UTC));
        n.put("currency_symbol", symbol(o.currency));
        return n;
    }

    /** A shipping line's method title, method id and instance id for the speed. */
    static String[] shippingMethod(SimOrder.Level level, boolean free) {
        switch (level) {
            case PRIORITY:
                return new String[] {"Next Day Delivery", "flat_rate", "3"};
            case EXPEDITED:
                return new String[] {"Expedited Shipping", "flat_rate", "2"};
            default:
                return free
                        ? new String[] {"Free shipping", "free_shipping", "1"}
                        : new String[] {"Flat rate", "flat_rate", "1"};
        }
    }

    private static String symbol(String currency) {
        switch (currency) {
            case "USD":
                return "$";
            case "CAD":
                return "CA$";
            case "GBP":
                return "£";
            default:
                return "€";
        }
    }
}

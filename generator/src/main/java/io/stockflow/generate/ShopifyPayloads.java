package io.stockflow.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Shopify webhooks ({@code orders/create}, {@code orders/cancelled}, {@code refunds/create}): the Admin REST order
 * and refund objects. One shop per destination country (its own currency, clock and {@code #1001} numbering); ids
 * are global and increasing, as Shopify's are. Times carry the shop's offset; money is strings.
 */
final class ShopifyPayloads extends Marketplace {
    private static final String[] CANCEL_REASONS = {
        "customer", "customer", "customer", "customer", "inventory", "fraud", "declined", "other"
    };
    private static final String[] RETURN_NOTES = {
        "Wrong size", "Changed my mind", "Arrived damaged", "Not as described", "Ordered twice"
    };

    private final Map<String, Long> locationIds;
    private long nextOrderId;
    private long nextLineId;
    private long nextRefundId;
    private final Map<String, Long> orderNumbers = new HashMap<>();

    ShopifyPayloads(GeneratorSettings s, SplittableRandom r) {
        this.locationIds = s.shopifyLocationIds;
        nextOrderId = 5_800_000_000_000L + r.nextLong(100_000_000_000L);
        nextLineId = 14_500_000_000_000L + r.nextLong(100_000_000L);
        nextRefundId = 1_020_000_000_000L + r.nextLong(100_000_000L);
    }

    @Override
    String source() {
        return "shopify";
    }

    @Override
    void assignIds(SimOrder o, SplittableRandom r) {
        nextOrderId += 1_000 + r.nextInt(40_000);
        o.marketplaceId = Long.toString(nextOrderId);
        o.displayNumber = orderNumbers.merge(o.country(), 1L, Long::sum) + 1000;
        o.token = Formats.upperAlnum(r, 9);
        o.customerId = 7_390_000_000_000L + o.customer.number * 7_919L;
        for (SimOrder.Line line : o.lines) {
            nextLineId += 1 + r.nextInt(30_000);
            line.itemId = nextLineId;
        }
    }

    @Override
    long latency(long eventAt, SplittableRandom r) {
        return webhookLatency(r);
    }

    @Override
    String createdKind() {
        return "orders/create";
    }

    @Override
    ObjectNode created(SimOrder o) {
        return order(o, false);
    }

    @Override
    String cancelledKind() {
        return "orders/cancelled";
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
        return "refunds/create";
    }

    @Override
    String unknownKind(SplittableRandom r) {
        return r.nextBoolean() ? "orders/paid" : "checkouts/create";
    }

    @Override
    ArrayNode lineArray(ObjectNode payload) {
        return (ArrayNode) payload.get("line_items");
    }

    /** Shopify repeats a line's quantity as ordered, as it stands after edits, and as still to fulfil. */
    @Override
    String[] quantityFields() {
        return new String[] {"quantity", "current_quantity", "fulfillable_quantity"};
    }

    private ObjectNode order(SimOrder o, boolean cancelled) {
        ZoneId zone = People.zone(o.country());
        long id = Long.parseLong(o.marketplaceId);
        ObjectNode n = Formats.object();
        n.put("id", id);
        n.put("admin_graphql_api_id", "gid://shopify/Order/" + id);
        n.put("name", "#" + o.displayNumber);
        n.put("order_number", o.displayNumber);
        n.put("confirmation_number", o.token);
        n.put("created_at", Formats.offsetSeconds(o.placedAt, zone));
        n.put("updated_at", Formats.offsetSeconds(cancelled ? o.cancelAt : o.placedAt + 3_000, zone));
        n.put("processed_at", Formats.offsetSeconds(o.placedAt - 2_000, zone));
        if (cancelled) {
            n.put("cancelled_at", Formats.offsetSeconds(o.cancelAt, zone));
            n.put("cancel_reason", Formats.pick(o.random, CANCEL_REASONS));
            n.put("closed_at", Formats.offsetSeconds(o.cancelAt, zone));
        } else {
            n.putNull("cancelled_at");
            n.putNull("cancel_reason");
            n.putNull("closed_at");
        }
        n.put("currency", o.currency);
        n.put("presentment_currency", o.currency);
        n.put("subtotal_price", Formats.money(o.subtotalCents()));
        n.set("total_shipping_price_set", moneySet(o.shippingCents, o.currency));
        boolean vat = !o.country().equals("US") && !o.country().equals("CA");
        n.put("total_tax", Formats.money(vat ? o.totalCents() - Math.round(o.totalCents() / 1.2) : 0));
        n.put("taxes_included", vat);
        n.put("total_discounts", "0.00");
        n.put("total_price", Formats.money(o.totalCents()));
        n.put("email", o.customer.email);
        n.put("phone", o.customer.e164());
        n.put("contact_email", o.customer.email);
        n.put("buyer_accepts_marketing", o.customer.number % 3 == 0);
        n.put("financial_status", cancelled ? "refunded" : "paid");
        n.putNull("fulfillment_status");
        n.put("gateway", "shopify_payments");
        n.put("source_name", "web");
        n.put("browser_ip", "198.51.100." + (1 + o.customer.number % 254));
        n.put("tags", "");
        ObjectNode customer = n.putObject("customer");
        customer.put("id", o.customerId);
        customer.put("email", o.customer.email);
        customer.put("first_name", o.customer.firstName);
        customer.put("last_name", o.customer.lastName);
        customer.put("state", "enabled");
        customer.put("verified_email", true);
        customer.put("currency", o.currency);
        n.set("billing_address", address(o));
        n.set("shipping_address", address(o));
        ArrayNode items = n.putArray("line_items");
        for (SimOrder.Line line : o.lines) {
            ObjectNode item = items.addObject();
            item.put("id", line.itemId);
            item.put("admin_graphql_api_id", "gid://shopify/LineItem/" + line.itemId);
            item.put("variant_id", variantId(line));
            item.put("product_id", 8_172_733_000_000L + line.skuIndex * 32_771L);
            item.put("title", line.title);
            item.put("variant_title", variantTitle(line));
            item.put("name", line.title + " - " + variantTitle(line));
            item.put("sku", line.sku);
            item.put("vendor", "Stockflow Demo");
            item.put("quantity", line.quantity);
            item.put("current_quantity", cancelled ? 0 : line.quantity);
            item.put("fulfillable_quantity", cancelled ? 0 : line.quantity);
            item.put("fulfillment_service", "manual");
            item.putNull("fulfillment_status");
            item.put("price", Formats.money(line.unitCents));
            item.set("price_set", moneySet(line.unitCents, o.currency));
            item.put("requires_shipping", true);
            item.put("taxable", true);
            item.put("total_discount", "0.00");
            item.put("gift_card", false);
        }
        ArrayNode shipping = n.putArray("shipping_lines");
        ObjectNode ship = shipping.addObject();
        ship.put("id", 4_700_000_000_000L + id % 1_000_000_007L);
        String[] service = shippingLine(o.level);
        ship.put("code", service[0]);
        ship.put("title", service[1]);
        ship.put("price", Formats.money(o.shippingCents));
        ship.put("source", "shopify");
        return n;
    }

    @Override
    ObjectNode refunded(SimOrder o) {
        ZoneId zone = People.zone(o.country());
        nextRefundId += 1_000 + o.random.nextInt(50_000);
        long refundId = nextRefundId;
        long orderId = Long.parseLong(o.marketplaceId);
        boolean restock = !o.refundRestockType.equals("no_restock");
        ObjectNode n = Formats.object();
        n.put("id", refundId);
        n.put("admin_graphql_api_id", "gid://shopify/Refund/" + refundId);
        n.put("order_id", orderId);
        n.put("created_at", Formats.offsetSeconds(o.refundAt, zone));
        n.put("processed_at", Formats.offsetSeconds(o.refundAt, zone));
        n.put(
                "note",
                o.refundRestockType.equals("cancel") ? "Item no longer wanted" : Formats.pick(o.random, RETURN_NOTES));
        n.put("restock", restock);
        n.put("user_id", 91_625_783_426L);
        ArrayNode lines = n.putArray("refund_line_items");
        for (SimOrder.RefundLine r : o.refundLines) {
            nextRefundId += 1 + o.random.nextInt(500);
            ObjectNode line = lines.addObject();
            line.put("id", nextRefundId);
            line.put("line_item_id", r.line.itemId);
            Long location = restock && o.shipLocation != null ? locationIds.get(o.shipLocation) : null;
            if (location == null) line.putNull("location_id");
            else line.put("location_id", location);
            line.put("quantity", r.quantity);
            line.put("restock_type", o.refundRestockType);
            line.put("subtotal", Formats.moneyNumber(r.line.unitCents * r.quantity));
            line.put("total_tax", 0.0);
            ObjectNode item = line.putObject("line_item");
            item.put("id", r.line.itemId);
            item.put("variant_id", variantId(r.line));
            item.put("title", r.line.title);
            item.put("quantity", r.line.quantity);
            item.put("sku", r.line.sku);
            item.put("price", Formats.money(r.line.unitCents));
            if (o.shipped() && o.shipAt <= o.refundAt) item.put("fulfillment_status", "fulfilled");
            else item.putNull("fulfillment_status");
        }
        ArrayNode transactions = n.putArray("transactions");
        ObjectNode t = transactions.addObject();
        t.put("id", 6_539_000_000_000L + refundId % 1_000_000_007L);
        t.put("order_id", orderId);
        t.put("kind", "refund");
        t.put("gateway", "shopify_payments");
        t.put("status", "success");
        t.put("amount", Formats.money(o.refundCents()));
        t.put("currency", o.currency);
        t.put("created_at", Formats.offsetSeconds(o.refundAt, zone));
        n.putArray("order_adjustments");
        return n;
    }

    /** A shipping line's code and title for the speed. */
    static String[] shippingLine(SimOrder.Level level) {
        switch (level) {
            case PRIORITY:
                return new String[] {"Next Day", "Next Day Delivery"};
            case EXPEDITED:
                return new String[] {"Expedited", "Expedited Shipping"};
            default:
                return new String[] {"Standard", "Standard Shipping"};
        }
    }

    private static long variantId(SimOrder.Line line) {
        return 44_218_830_000_000L + line.skuIndex * 65_537L;
    }

    private static String variantTitle(SimOrder.Line line) {
        return line.variant;
    }

    private static ObjectNode moneySet(long cents, String currency) {
        ObjectNode set = Formats.object();
        for (String key : new String[] {"shop_money", "presentment_money"}) {
            ObjectNode money = set.putObject(key);
            money.put("amount", Formats.money(cents));
            money.put("currency_code", currency);
        }
        return set;
    }

    private static ObjectNode address(SimOrder o) {
        People.Customer c = o.customer;
        People.Address a = c.address;
        ObjectNode n = Formats.object();
        n.put("first_name", c.firstName);
        n.put("last_name", c.lastName);
        n.put("name", c.fullName());
        n.putNull("company");
        n.put("address1", a.street);
        n.putNull("address2");
        n.put("city", a.city);
        n.put("province", a.regionName);
        n.put("province_code", a.region);
        n.put("country", a.countryName);
        n.put("country_code", a.country);
        n.put("zip", a.postcode);
        n.put("phone", c.phone);
        return n;
    }
}

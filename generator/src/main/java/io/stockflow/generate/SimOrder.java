package io.stockflow.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated order and what will happen to it. The scheduler fixes the times when the order is placed; the
 * payload builders read the rest when each of its records is due.
 */
final class SimOrder {
    static final long NEVER = Long.MIN_VALUE;

    enum Level {
        STANDARD(2, 5),
        EXPEDITED(1, 2),
        PRIORITY(0, 1);

        /** Days the seller has to ship, and days the carrier then takes. */
        final int handlingDays;

        final int transitDays;

        Level(int handlingDays, int transitDays) {
            this.handlingDays = handlingDays;
            this.transitDays = transitDays;
        }
    }

    static final class Line {
        final int skuIndex;
        final String sku;
        final String title;
        final String variant;
        final int quantity;
        final long unitCents;
        /** The marketplace's id of the line (line item id, order item id). */
        long itemId;

        Line(int skuIndex, String sku, String title, String variant, int quantity, long unitCents) {
            this.skuIndex = skuIndex;
            this.sku = sku;
            this.title = title;
            this.variant = variant;
            this.quantity = quantity;
            this.unitCents = unitCents;
        }

        long totalCents() {
            return unitCents * quantity;
        }
    }

    /** One refunded line: which order line, how many units. */
    static final class RefundLine {
        final Line line;
        final int quantity;

        RefundLine(Line line, int quantity) {
            this.line = line;
            this.quantity = quantity;
        }
    }

    final String channel;
    /** Random numbers for this order's payload details, drawn when its records are built. */
    final SplittableRandom random;

    final People.Customer customer;
    final String currency;
    final Level level;
    final List<Line> lines = new ArrayList<>();
    final long placedAt;
    long shippingCents;
    /** Latest time to ship, and the window of delivery, from the destination's calendar. */
    long shipBy;

    long deliverFrom;
    long deliverBy;

    /** As in the canonical id {@code <channel>:<marketplaceId>}. */
    String marketplaceId;
    /** What the shop shows the customer: Shopify's {@code #1042} number, WooCommerce's order number. */
    long displayNumber;
    /** A marketplace's own extra key: Shopify's confirmation number, WooCommerce's order key, eBay's buyer name. */
    String token;

    long customerId;
    /** WooCommerce's id of the shipping line (order items and shipping lines share one sequence). */
    long shippingLineId;

    /** The marketplace's event for the new order, and when its delivery reaches stockflow. */
    long createdAt;

    long createdReceivedAt;
    long cancelAt = NEVER;
    long cancelReceivedAt = NEVER;
    String shipLocation;
    long shipAt = NEVER;
    /** When the marketplace's own shipment notice reaches stockflow, for an order it fulfils. */
    long shipReceivedAt = NEVER;

    long refundAt = NEVER;
    long refundReceivedAt = NEVER;
    /** Shopify's {@code restock_type}: return, cancel or no_restock. */
    String refundRestockType;

    final List<RefundLine> refundLines = new ArrayList<>();
    /**
     * When the seller receives the returned items back, and when the marketplace's record of it reaches stockflow
     * (marketplaces that report returns); whether they can be sold again.
     */
    long returnAt = NEVER;

    long returnReceivedAt = NEVER;
    boolean returnRestockable;
    /** The marketplace fulfils the order from its own stock (Amazon FBA): no warehouse of the shop ships it. */
    boolean byMarketplace;

    SimOrder(String channel, SplittableRandom random, People.Customer customer, Level level, long placedAt) {
        this.channel = channel;
        this.random = random;
        this.customer = customer;
        this.currency = People.currency(customer.address.country);
        this.level = level;
        this.placedAt = placedAt;
    }

    String canonicalId() {
        return channel + ":" + marketplaceId;
    }

    String country() {
        return customer.address.country;
    }

    long subtotalCents() {
        long sum = 0;
        for (Line line : lines) sum += line.totalCents();
        return sum;
    }

    long totalCents() {
        return subtotalCents() + shippingCents;
    }

    int units() {
        int sum = 0;
        for (Line line : lines) sum += line.quantity;
        return sum;
    }

    long refundCents() {
        long sum = 0;
        for (RefundLine r : refundLines) sum += r.line.unitCents * r.quantity;
        return sum;
    }

    boolean cancelled() {
        return cancelAt != NEVER;
    }

    boolean shipped() {
        return shipAt != NEVER;
    }
}

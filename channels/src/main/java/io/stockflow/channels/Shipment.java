package io.stockflow.channels;

import java.time.Instant;
import java.util.List;

/**
 * A shipment to confirm to the marketplace an order came from.
 *
 * @param orderId        the order on the channel: Shopify the fulfillment order GID; Amazon the order id; eBay the
 *                       order id; WooCommerce the order id
 * @param marketplaceId  Amazon's marketplace of the order; null elsewhere
 * @param packageId      the shipment's own number, positive: Amazon's {@code packageReferenceId}, so a repeated
 *                       confirmation edits the package instead of adding one
 * @param carrier        the carrier's name or code (UPS, USPS, FedEx, DHL, ...)
 * @param trackingNumber the carrier's tracking number
 * @param trackingUrl    where the customer follows the parcel; may be null
 * @param shippedAt      when it left the warehouse
 * @param lines          the order lines shipped, by the channel's line ids; empty ships the whole order (Shopify)
 */
public record Shipment(
        String orderId,
        String marketplaceId,
        long packageId,
        String carrier,
        String trackingNumber,
        String trackingUrl,
        Instant shippedAt,
        List<Line> lines) {

    /** A line of the order on the channel (Shopify fulfillment order line item, Amazon order item, eBay line item). */
    public record Line(String lineId, int quantity) {}
}

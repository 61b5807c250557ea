package io.stockflow.channels;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A shipment to confirm to the marketplace an order came from. The client reads the order from the channel first: it
 * finds the channel's own line ids for the SKUs shipped, and a shipment the channel already has (the same tracking
 * number) is not confirmed again.
 *
 * @param orderId        the order on the channel, as its order events carry it: Shopify's numeric order id (or its
 *                       GID), Amazon's order id, eBay's order id, WooCommerce's order id
 * @param shipmentId     the shipment's own id in stockflow (the warehouse's SHIPPED event): Amazon's
 *                       {@code packageReferenceId} is made from it, so a repeated confirmation edits the package
 * @param carrier        the carrier's name or code (UPS, USPS, FedEx, DHL, ...); may be null
 * @param trackingNumber the carrier's tracking number; may be null
 * @param trackingUrl    where the customer follows the parcel; may be null
 * @param shippedAt      when it left the warehouse
 * @param lines          the SKUs and units shipped (the channel's SKUs are stockflow's)
 */
public record Shipment(
        String orderId,
        String shipmentId,
        String carrier,
        String trackingNumber,
        String trackingUrl,
        Instant shippedAt,
        List<Line> lines) {

    /** Units of one SKU in the shipment. */
    public record Line(String sku, int quantity) {}

    /** A positive number for the shipment, the same every time: Amazon's {@code packageReferenceId}. */
    public long packageReference() {
        UUID id = UUID.nameUUIDFromBytes(shipmentId.getBytes(StandardCharsets.UTF_8));
        return (id.getMostSignificantBits() & Long.MAX_VALUE) % 1_000_000_000_000L + 1;
    }
}

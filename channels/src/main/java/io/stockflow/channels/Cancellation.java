package io.stockflow.channels;

/**
 * An order to cancel on the marketplace it came from, because stockflow rejected it.
 *
 * @param orderId the order on the channel, as in {@link Shipment#orderId()}
 * @param reason  why, in one sentence: stockflow's decision reason; it goes where the channel keeps a note
 */
public record Cancellation(String orderId, String reason) {}

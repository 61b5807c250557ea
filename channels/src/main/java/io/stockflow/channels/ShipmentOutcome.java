package io.stockflow.channels;

/** What became of one shipment confirmation; the reason says why when it was not accepted. */
public record ShipmentOutcome(CallStatus status, String reason, int attempts) {}

package io.stockflow.serve;

/**
 * One change of a SKU's availability at a location, as two successive records of it show it: the levels after it and,
 * when the service held the record before, how on hand and reserved moved. No output topic carries the stock movements
 * themselves ({@code inventory.movements} is an input), so this is what a SKU's recent history is made of.
 */
public record AvailabilityChange(
        String sku,
        String location,
        int onHand,
        int reserved,
        int available,
        Integer onHandDelta,
        Integer reservedDelta,
        long version,
        long asOfMillis) {}

package io.stockflow.serve;

/** One SKU's levels at one location ({@code "*"}: all locations), as its latest availability record gave them. */
public record Position(
        String location, int onHand, int reserved, int safetyStock, int available, long version, long asOfMillis) {}
